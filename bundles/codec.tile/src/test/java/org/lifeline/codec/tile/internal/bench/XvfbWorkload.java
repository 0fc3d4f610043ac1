package org.lifeline.codec.tile.internal.bench;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.codec.tile.internal.Codecs;

/**
 * Encodes a real X display while /work/shared/bench/workload.sh runs on it: grabs the screen with
 * java.awt.Robot as fast as it can (at most 25 per second, like the VNC runs), encodes each grab, decodes it
 * and checks it, until the file named by the second argument exists. Prints bytes, updates and encoder CPU.
 * Not headless: run with DISPLAY set (see BENCHMARKS.md).
 */
public final class XvfbWorkload {
    public static void main(String[] args) throws Exception {
        Path started = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        int tile = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
        FrameEncoder encoder = Codecs.encoder(EncoderSettings.LOSSLESS, tile, 6);
        FrameDecoder decoder = Codecs.decoder();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        FrameBuffer frame = new FrameBuffer(screen.width, screen.height);
        long first = -1, bytes = 0, encodeNanos = 0, grabs = 0, updates = 0;
        Files.writeString(started, "ready");
        long period = 40_000_000L;
        long next = System.nanoTime();
        while (!Files.exists(stop)) {
            BufferedImage img = robot.createScreenCapture(screen);
            img.getRGB(0, 0, screen.width, screen.height, frame.pixels(), 0, screen.width);
            int[] px = frame.pixels();
            for (int i = 0; i < px.length; i++) px[i] &= 0xFFFFFF;
            grabs++;
            long t0 = cpu.getCurrentThreadCpuTime();
            byte[] u = encoder.encode(frame, null);
            long t = cpu.getCurrentThreadCpuTime() - t0;
            if (u != null) {
                decoder.decode(u);
                if (!java.util.Arrays.equals(decoder.frame().pixels(), frame.pixels())) throw new AssertionError("round trip differs");
                if (first < 0) {
                    first = u.length;
                } else {
                    bytes += u.length;
                    encodeNanos += t;
                    updates++;
                }
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            else next = System.nanoTime();
        }
        System.out.printf("tile %d: first frame %,d B; after it %,d B in %d updates (%d grabs); encoder CPU %.0f ms%n",
                tile, first, bytes, updates, grabs, encodeNanos / 1e6);
        System.out.println(encoder.statistics());
    }
}
