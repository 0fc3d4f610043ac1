package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DS descriptions bnd generated (as the framework will read them): the session layer finds the features
 * by their channel property, and source and codec are bound so that a better one replacing them is used live.
 */
class ComponentDescriptionTest {
    private static Document description(Class<?> component) throws Exception {
        String name = "/OSGI-INF/" + component.getName() + ".xml";
        try (InputStream in = component.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static Map<String, String> properties(Document d) {
        Map<String, String> p = new HashMap<>();
        NodeList list = d.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            p.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        return p;
    }

    private static Element reference(Document d, String interfaceName) {
        NodeList list = d.getElementsByTagName("reference");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("interface").equals(interfaceName)) return e;
        }
        throw new AssertionError("no reference to " + interfaceName);
    }

    @Test
    void theFeaturesOwnTheScreenAndCursorChannels() throws Exception {
        assertThat(properties(description(ScreenFeature.class))).containsEntry("lifeline.channel", "SCREEN");
        assertThat(properties(description(CursorFeature.class))).containsEntry("lifeline.channel", "CURSOR");
    }

    @Test
    void sourceAndCodecAreDynamicGreedyReferences() throws Exception {
        Document d = description(ScreenSharing.class);
        Element source = reference(d, "org.lifeline.api.screen.ScreenSource");
        assertThat(source.getAttribute("cardinality")).isEqualTo("0..1");
        assertThat(source.getAttribute("policy")).isEqualTo("dynamic");
        assertThat(source.getAttribute("policy-option")).isEqualTo("greedy");
        Element codec = reference(d, "org.lifeline.api.screen.ScreenCodec");
        assertThat(codec.getAttribute("cardinality")).isEqualTo("0..n");
        assertThat(codec.getAttribute("policy")).isEqualTo("dynamic");
        assertThat(codec.getAttribute("policy-option")).isEqualTo("greedy");
        assertThat(((Element) d.getDocumentElement()).getAttribute("configuration-pid")).isEqualTo("org.lifeline.screen");
    }
}
