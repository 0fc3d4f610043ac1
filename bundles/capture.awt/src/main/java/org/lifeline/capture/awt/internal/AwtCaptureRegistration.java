package org.lifeline.capture.awt.internal;

import java.util.Hashtable;
import org.lifeline.api.screen.ScreenSource;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Offers the AWT capture as a {@link ScreenSource} (lowest ranking, so any native capture wins) only when
 * this JVM can see a screen. A headless JVM (a relay, a server) gets no service and one info line, not a
 * component failing on every activation.
 */
// Registered by hand, so the capability that DS would have generated is declared here for resolvers.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.lifeline.api.screen.ScreenSource\"")
@Component(service = {}, immediate = true)
public class AwtCaptureRegistration {
    static final int RANKING = -100;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private ServiceRegistration<ScreenSource> registration;

    @Activate
    void activate(BundleContext context) {
        if (!AwtScreenSource.displayAvailable()) {
            log.info("no screen visible to Java (headless or no display): the AWT screen capture is not offered");
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ScreenSource.SOURCE_ID, "awt");
        properties.put(Constants.SERVICE_RANKING, RANKING);
        registration = context.registerService(ScreenSource.class, new AwtScreenSource(), properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) registration.unregister();
        registration = null;
    }
}
