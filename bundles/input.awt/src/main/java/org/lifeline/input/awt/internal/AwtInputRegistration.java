package org.lifeline.input.awt.internal;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Robot;
import java.util.Hashtable;
import org.lifeline.api.input.InputSink;
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
 * Offers the Robot input as an {@link InputSink} (lowest ranking) only when this JVM can reach a screen;
 * a headless JVM gets no service and one info line instead of a failing component.
 */
// Registered by hand, so the capability that DS would have generated is declared here for resolvers.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.lifeline.api.input.InputSink\"")
@Component(service = {}, immediate = true)
public class AwtInputRegistration {
    static final int RANKING = -100;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private ServiceRegistration<InputSink> registration;
    private AwtInputSink sink;

    @Activate
    void activate(BundleContext context) {
        Robot robot = robotIfDisplay();
        if (robot == null) {
            log.info("no screen visible to Java (headless or no display): the AWT input is not offered");
            return;
        }
        sink = new AwtInputSink(robot);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(InputSink.SINK_ID, "awt");
        properties.put(Constants.SERVICE_RANKING, RANKING);
        registration = context.registerService(InputSink.class, sink, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) registration.unregister();
        if (sink != null) sink.releaseAll();
        registration = null;
        sink = null;
    }

    /** A Robot, or null when the JVM is headless or the toolkit cannot reach a display. */
    static Robot robotIfDisplay() {
        if (GraphicsEnvironment.isHeadless()) return null;
        try {
            return new Robot();
        } catch (AWTException | AWTError | HeadlessException | InternalError | UnsatisfiedLinkError | SecurityException e) {
            return null;
        }
    }
}
