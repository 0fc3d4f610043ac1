package org.lifeline.codec.tile.internal.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;
import org.lifeline.codec.tile.internal.Codecs;

/**
 * Encodes a capture trace (recorded by capture.x11's {@code CaptureTrace} on the real X workload) the way the
 * novice's screen loop does: the grabs' damage is gathered until the next update, one update per 40 ms at most.
 * Every update is decoded and compared with the frame, pixel for pixel. Prints bytes, updates, the encoder
 * thread's CPU and, separately, the whole JVM's CPU (JIT compilation included) — run it in a fresh JVM to see
 * what a novice's first session costs, or with {@code passes > 1} to see it warm.
 * Usage: java -cp ... TraceReplay TRACE.gz [passes] [low] [nocheck]
 */
public final class TraceReplay {
    public static void main(String[] args) throws Exception {
        Path trace = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> flags = List.of(args).subList(Math.min(2, args.length), args.length);
        boolean low = flags.contains("low");
        // encode only, as the novice does: then the JVM's CPU is the encoder's plus its compilation
        boolean check = !flags.contains("nocheck");
        List<Grab> grabs = new ArrayList<>();
        int width, height;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(trace), 1 << 16), 1 << 16))) {
            byte[] magic = new byte[8];
            in.readFully(magic);
            if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("LLTRACE1")) {
                throw new IllegalArgumentException(trace + " is not a capture trace");
            }
            width = in.readInt();
            height = in.readInt();
            while (true) {
                long nanos;
                try {
                    nanos = in.readLong();
                } catch (EOFException end) {
                    break;
                }
                int n = in.readInt();
                List<Rect> rects = new ArrayList<>(n);
                List<int[]> pixels = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Rect r = new Rect(in.readInt(), in.readInt(), in.readInt(), in.readInt());
                    int[] p = new int[r.width() * r.height()];
                    for (int k = 0; k < p.length; k++) p[k] = in.readInt();
                    rects.add(r);
                    pixels.add(p);
                }
                grabs.add(new Grab(nanos, rects, pixels));
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            FrameEncoder encoder = Codecs.encoder(low ? EncoderSettings.LOW_BANDWIDTH : EncoderSettings.LOSSLESS, 32, 6);
            FrameDecoder decoder = Codecs.decoder();
            FrameBuffer frame = new FrameBuffer(width, height);
            long bytes = 0, first = -1, updates = 0, encodeNanos = 0;
            long process0 = os.getProcessCpuTime();
            java.util.Map<String, Long> threads0 = threadTicks();
            List<Rect> damage = new ArrayList<>();
            boolean full = true;
            for (Grab g : grabs) {
                for (int i = 0; i < g.rects.size(); i++) {
                    Rect r = g.rects.get(i);
                    int[] p = g.pixels.get(i);
                    for (int y = 0; y < r.height(); y++) {
                        System.arraycopy(p, y * r.width(), frame.pixels(), (r.y() + y) * width + r.x(), r.width());
                    }
                }
                damage.addAll(g.rects);
                if (!full && damage.isEmpty()) continue;
                long t0 = cpu.getCurrentThreadCpuTime();
                byte[] u = encoder.encode(frame, full ? null : damage);
                encodeNanos += cpu.getCurrentThreadCpuTime() - t0;
                damage = new ArrayList<>();
                full = false;
                if (u == null) continue;
                if (check) decoder.decode(u);
                if (check && !low && !java.util.Arrays.equals(decoder.frame().pixels(), frame.pixels())) {
                    throw new AssertionError("round trip differs at update " + updates);
                }
                if (first < 0) first = u.length;
                else {
                    bytes += u.length;
                    updates++;
                }
            }
            System.out.printf("pass %d (ends at %d ms): first %,d B, then %,d B in %d updates; encoder CPU %d ms; JVM CPU %d ms"
                    + " (decoding and checking included); by thread (10 ms ticks) %s; %s%n", pass,
                    ManagementFactory.getRuntimeMXBean().getUptime(), first, bytes, updates,
                    encodeNanos / 1_000_000, (os.getProcessCpuTime() - process0) / 1_000_000,
                    delta(threads0, threadTicks()), encoder.statistics());
        }
    }

    /** CPU ticks per thread name from /proc (the JIT compiler threads are invisible to ThreadMXBean). */
    private static java.util.Map<String, Long> threadTicks() throws java.io.IOException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("#\\d+", "");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        return out;
    }

    private static String delta(java.util.Map<String, Long> a, java.util.Map<String, Long> b) {
        StringBuilder s = new StringBuilder();
        b.forEach((k, v) -> {
            long d = v - a.getOrDefault(k, 0L);
            if (d > 0) s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(d);
        });
        return s.toString();
    }

    private record Grab(long nanos, List<Rect> rects, List<int[]> pixels) {
    }
}
