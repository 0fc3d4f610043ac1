package org.lifeline.capture.x11.internal.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.capture.x11.internal.X11Captures;

/**
 * Records what the X11 capture hands the screen bundle while a workload runs: every grab's damage rectangles
 * and their pixels, at most 25 grabs a second like the novice's pull loop, until the file named by the second
 * argument exists. The codec's {@code TraceReplay} encodes such a trace in a fresh JVM, so encoder changes are
 * measured on the real workload without two launchers. Format (gzip): "LLTRACE1", width, height, then per
 * grab: nanos since start, rectangle count, each rectangle (x, y, w, h) followed by its pixels row by row.
 * Usage: DISPLAY=:91 java -cp ... CaptureTrace OUT.trace.gz STOPFILE
 */
public final class CaptureTrace {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        try (ScreenCapture capture = X11Captures.open(System.getenv("DISPLAY"));
                DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                        new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), 1 << 16))) {
            Rect b = capture.bounds();
            FrameBuffer frame = new FrameBuffer(b.width(), b.height());
            o.writeBytes("LLTRACE1");
            o.writeInt(b.width());
            o.writeInt(b.height());
            long start = System.nanoTime(), next = start, grabs = 0, rects = 0;
            while (!Files.exists(stop)) {
                List<Rect> damage = capture.grab(frame);
                o.writeLong(System.nanoTime() - start);
                o.writeInt(damage.size());
                for (Rect r : damage) {
                    o.writeInt(r.x());
                    o.writeInt(r.y());
                    o.writeInt(r.width());
                    o.writeInt(r.height());
                    for (int y = r.y(); y < r.y() + r.height(); y++) {
                        for (int x = r.x(); x < r.x() + r.width(); x++) o.writeInt(frame.pixels()[y * b.width() + x]);
                    }
                }
                grabs++;
                rects += damage.size();
                next += 40_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                else next = System.nanoTime();
            }
            System.out.println("grabs " + grabs + ", rectangles " + rects);
        }
    }
}
