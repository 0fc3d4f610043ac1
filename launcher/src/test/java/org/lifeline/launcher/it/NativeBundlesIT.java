package org.lifeline.launcher.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.lifeline.api.input.EscapeWatcher;
import org.lifeline.api.input.InputSink;
import org.lifeline.api.screen.ScreenSource;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;

/** The framework picks the native bundles of the running OS, and the AWT fallback covers for them live. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeBundlesIT extends LifelineTestBase {

    @Test
    public void linuxBundlesProvideTheServicesOtherOsBundlesStayQuietlyUnresolved() throws Exception {
        eventually("x11 capture and input registered", () -> {
            assertEquals("x11", best(ScreenSource.class, ScreenSource.SOURCE_ID));
            assertEquals("x11", best(InputSink.class, InputSink.SINK_ID));
            assertNotNull("an Esc watcher", context.getServiceReference(EscapeWatcher.class));
        });
        for (String bsn : List.of("org.lifeline.capture.x11", "org.lifeline.input.x11")) {
            assertEquals(bsn, Bundle.ACTIVE, installed(bsn).getState());
        }
        for (String bsn : List.of("org.lifeline.capture.win32", "org.lifeline.input.win32", "org.lifeline.capture.macos",
                "org.lifeline.input.macos")) {
            assertEquals(bsn + " is installed but not resolved", Bundle.INSTALLED, installed(bsn).getState());
        }
        List<String> complaints = new ArrayList<>();
        LogReaderService log = context.getService(context.getServiceReference(LogReaderService.class));
        for (LogEntry entry : Collections.list(log.getLog())) {
            boolean serious = entry.getLogLevel() == LogLevel.ERROR || entry.getLogLevel() == LogLevel.WARN;
            String text = entry.getMessage() + (entry.getException() == null ? "" : " " + entry.getException());
            if (serious && text.matches("(?is).*(win32|macos|osgi\\.native|unable to resolve).*")) complaints.add(text);
        }
        assertTrue("nothing complains about the other OSes' bundles: " + complaints, complaints.isEmpty());
    }

    @Test
    public void stoppingTheLinuxBundlesLetsTheAwtFallbackTakeOverLive() throws Exception {
        assertTrue(shell("ra:monitors").contains("screen source: x11"));
        Bundle capture = installed("org.lifeline.capture.x11");
        Bundle input = installed("org.lifeline.input.x11");
        capture.stop();
        input.stop();
        try {
            eventually("the AWT fallbacks serve", () -> {
                assertEquals("awt", best(ScreenSource.class, ScreenSource.SOURCE_ID));
                assertEquals("awt", best(InputSink.class, InputSink.SINK_ID));
                String monitors = shell("ra:monitors");
                assertTrue(monitors, monitors.contains("screen source: awt") && monitors.contains("1024x768"));
            });
        } finally {
            capture.start();
            input.start();
        }
        eventually("x11 is preferred again", () -> {
            assertEquals("x11", best(ScreenSource.class, ScreenSource.SOURCE_ID));
            assertTrue(shell("ra:monitors").contains("screen source: x11"));
        });
    }

    /** The id property of the highest-ranked service, as a greedy reference would bind it. */
    private <T> String best(Class<T> type, String idProperty) {
        ServiceReference<T> ref = context.getServiceReference(type);
        assertNotNull("no " + type.getSimpleName() + " registered", ref);
        return String.valueOf(ref.getProperty(idProperty));
    }
}
