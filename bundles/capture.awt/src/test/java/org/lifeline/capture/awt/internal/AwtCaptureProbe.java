package org.lifeline.capture.awt.internal;

import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.ScreenCapture;

/**
 * Runs in a JVM of its own whose DISPLAY is the test's Xvfb (AWT reads DISPLAY once, from the
 * environment). Writes: display available, monitor count, width, height, then the pixels.
 */
public final class AwtCaptureProbe {
    private AwtCaptureProbe() {
    }

    public static void main(String[] args) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(args[0]))) {
            boolean available = AwtScreenSource.displayAvailable();
            out.writeBoolean(available);
            if (!available) return;
            AwtScreenSource source = new AwtScreenSource();
            java.util.List<Monitor> monitors = source.monitors();
            out.writeInt(monitors.size());
            try (ScreenCapture capture = source.open(-1)) {
                FrameBuffer frame = new FrameBuffer(capture.bounds().width(), capture.bounds().height());
                capture.grab(frame);
                out.writeInt(frame.width());
                out.writeInt(frame.height());
                for (int p : frame.pixels()) out.writeInt(p);
            }
        }
        System.exit(0);
    }
}
