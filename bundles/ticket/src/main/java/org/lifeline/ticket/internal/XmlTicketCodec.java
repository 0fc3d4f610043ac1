package org.lifeline.ticket.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketCodec;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.invitation.TicketException.Reason;
import org.osgi.service.component.annotations.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Lifeline's {@code .msrcincident}: Microsoft's shape (DESIGN §4), Lifeline's RCTICKET protocol
 * {@value TicketFormat#LIFELINE_PROTOCOL}. The reader trusts nothing in the file: no DTD, no entities, a size
 * limit, and every field checked, each failure one {@link TicketException} with its {@link Reason}.
 */
@Component(service = TicketCodec.class)
public class XmlTicketCodec implements TicketCodec {
    private static final int RCTICKET_FIELDS = 8;

    @Override
    public byte[] write(Ticket t) {
        if (!TicketFormat.validInvitationId(t.invitationId())) {
            throw new LifelineException("invitation id '" + t.invitationId() + "' cannot go into a ticket");
        }
        if (t.addresses().isEmpty() || t.addresses().size() > TicketFormat.MAX_ADDRESSES) {
            throw new LifelineException("a ticket needs 1 to " + TicketFormat.MAX_ADDRESSES + " addresses, not "
                    + t.addresses().size() + ": check the network connection");
        }
        if (t.certificateFingerprint().length != ConnInfo.FINGERPRINT_BYTES) {
            throw new LifelineException("a ticket's certificate fingerprint must be SHA-256 (32 bytes)");
        }
        // The reader refuses control characters in a name, so none may be written.
        String user = t.userName() == null ? "" : t.userName().replaceAll("\\p{Cntrl}", " ");
        if (user.length() > TicketFormat.MAX_USERNAME_LENGTH) user = user.substring(0, TicketFormat.MAX_USERNAME_LENGTH);
        String conninfo = new ConnInfo(t.protocolVersion(), t.invitationId(), t.certificateFingerprint()).encode();
        String rcticket = TicketFormat.LIFELINE_PROTOCOL + ",1,"
                + t.addresses().stream().map(HostPort::toString).collect(Collectors.joining(";"))
                + ",*," + t.invitationId() + ",*,*," + conninfo;
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<UPLOADINFO TYPE=\"Escalated\">\n"
                + "  <UPLOADDATA USERNAME=\"" + escape(user) + "\" RCTICKET=\"" + escape(rcticket)
                + "\" RCTICKETENCRYPTED=\"" + (t.passwordProtected() ? 1 : 0)
                + "\" DtStart=\"" + t.start().getEpochSecond()
                + "\" DtLength=\"" + lengthMinutes(t.length())
                + "\" L=\"" + (t.lowBandwidth() ? 1 : 0) + "\"/>\n"
                + "</UPLOADINFO>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Whole minutes, rounded up so the hint never says less than the truth, within the 99-day ceiling. */
    static long lengthMinutes(Duration length) {
        long seconds = Math.max(60, length.getSeconds());
        return Math.min((seconds + 59) / 60, TicketFormat.MAX_LENGTH_MINUTES);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public Ticket read(byte[] file) throws TicketException {
        if (file == null || file.length == 0) {
            throw new TicketException(Reason.NOT_XML, "the file is empty: it is not an invitation ticket");
        }
        if (file.length > MAX_TICKET_BYTES) {
            throw new TicketException(Reason.TOO_LARGE, "the file is " + file.length
                    + " bytes, larger than any invitation ticket (at most " + MAX_TICKET_BYTES + "): it is not an invitation");
        }
        Element root = parse(file).getDocumentElement();
        if (!"UPLOADINFO".equals(root.getTagName())) {
            throw new TicketException(Reason.NOT_XML,
                    "this XML file is not an invitation ticket (it has no UPLOADINFO): ask for the invitation again");
        }
        Element data = uploadData(root);
        if (data.hasAttribute("PassStub")) throw windows();
        String rcticket = required(data, "RCTICKET");
        if (rcticket.isBlank()) throw missing("RCTICKET");
        String[] f = rcticket.split(",", -1);
        String protocol = f[0].strip();
        if (protocol.equals(Integer.toString(TicketFormat.WINDOWS_PROTOCOL))) throw windows();
        if (!protocol.equals(Integer.toString(TicketFormat.LIFELINE_PROTOCOL))) {
            throw new TicketException(Reason.UNSUPPORTED_PROTOCOL, "this invitation was made by a program Lifeline does not know (protocol '"
                    + shorten(protocol) + "'): open it with the program that made it");
        }
        if (f.length != RCTICKET_FIELDS) {
            throw badField("RCTICKET", "has " + f.length + " comma-separated parts instead of " + RCTICKET_FIELDS);
        }
        if (!f[1].strip().equals("1")) throw badField("RCTICKET", "has version '" + shorten(f[1]) + "' instead of 1");
        if (!f[3].equals("*") || !f[5].equals("*") || !f[6].equals("*")) {
            throw badField("RCTICKET", "has something other than * in a reserved part");
        }
        List<HostPort> addresses = TicketFormat.parseAddresses(f[2]);
        ConnInfo info = ConnInfo.decode(f[7].strip());
        if (!info.invitationId().equals(f[4].strip())) throw ConnInfo.tampered();
        if (info.protocolVersion() != TicketFormat.PROTOCOL_VERSION) {
            throw new TicketException(Reason.UNSUPPORTED_PROTOCOL, "this invitation needs Lifeline protocol "
                    + info.protocolVersion() + " but this Lifeline speaks " + TicketFormat.PROTOCOL_VERSION
                    + ": use the same Lifeline version as the novice");
        }
        boolean encrypted = flag(data, "RCTICKETENCRYPTED", true);
        long start = number(data, "DtStart", 0, TicketFormat.MAX_START_SECONDS, true);
        long minutes = number(data, "DtLength", 1, TicketFormat.MAX_LENGTH_MINUTES, true);
        boolean low = flag(data, "L", false);
        String user = data.hasAttribute("USERNAME") ? data.getAttribute("USERNAME") : "";
        if (user.length() > TicketFormat.MAX_USERNAME_LENGTH || user.chars().anyMatch(Character::isISOControl)) {
            throw badField("USERNAME", "is not a plain name of at most " + TicketFormat.MAX_USERNAME_LENGTH + " characters");
        }
        return new Ticket(user, addresses, info.protocolVersion(), info.invitationId(), info.fingerprint(),
                Instant.ofEpochSecond(start), Duration.ofMinutes(minutes), encrypted, low);
    }

    private static Document parse(byte[] file) throws TicketException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings change nothing about what we accept; they must not reach stderr either.
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new ByteArrayInputStream(file));
        } catch (SAXException | IOException e) {
            throw new TicketException(Reason.NOT_XML, "this file is not an invitation ticket (" + shorten(e.getMessage())
                    + "): ask for the invitation again");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the Java runtime's XML parser lacks a required safety feature", e);
        } catch (RuntimeException e) {
            // The parser has been known to throw unchecked exceptions on crafted input; it is still just bad input.
            throw new TicketException(Reason.NOT_XML, "this file is not an invitation ticket (unreadable XML): ask for the invitation again");
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        // The JDK's own parser, whatever another bundle offers through the service loader.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", "16");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        return f;
    }

    private static Element uploadData(Element root) throws TicketException {
        if (root.hasAttribute("TYPE") && !"Escalated".equals(root.getAttribute("TYPE"))) {
            throw badField("TYPE", "is '" + shorten(root.getAttribute("TYPE")) + "' instead of Escalated");
        }
        Element data = null;
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (data != null || !"UPLOADDATA".equals(n.getNodeName())) {
                    throw new TicketException(Reason.BAD_FIELD, "the invitation ticket holds an unexpected element '"
                            + shorten(n.getNodeName()) + "': it is damaged; ask for a new invitation");
                }
                data = (Element) n;
            }
        }
        if (data == null) throw missing("UPLOADDATA");
        return data;
    }

    private static String required(Element e, String name) throws TicketException {
        if (!e.hasAttribute(name)) throw missing(name);
        return e.getAttribute(name);
    }

    private static boolean flag(Element e, String name, boolean required) throws TicketException {
        if (!e.hasAttribute(name)) {
            if (required) throw missing(name);
            return false;
        }
        return switch (e.getAttribute(name).strip()) {
            case "0" -> false;
            case "1" -> true;
            default -> throw badField(name, "is '" + shorten(e.getAttribute(name)) + "' instead of 0 or 1");
        };
    }

    private static long number(Element e, String name, long min, long max, boolean required) throws TicketException {
        String text = required(e, name).strip();
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badField(name, "is '" + shorten(text) + "', not a whole number");
        }
        long v = Long.parseLong(text);
        if (v < min || v > max) throw badField(name, "is " + v + ", outside " + min + ".." + max);
        return v;
    }

    private static TicketException missing(String name) {
        return new TicketException(Reason.MISSING_FIELD,
                "the invitation ticket has no " + name + ": it is damaged; ask for a new invitation");
    }

    private static TicketException badField(String name, String what) {
        return new TicketException(Reason.BAD_FIELD,
                "the invitation ticket's " + name + " " + what + ": it is damaged; ask for a new invitation");
    }

    private static TicketException windows() {
        return new TicketException(Reason.WINDOWS_TICKET,
                "this invitation was made by Windows Remote Assistance: open it with Windows' own Remote Assistance (msra.exe)");
    }

    private static String shorten(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\p{Cntrl}", " ").strip();
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
