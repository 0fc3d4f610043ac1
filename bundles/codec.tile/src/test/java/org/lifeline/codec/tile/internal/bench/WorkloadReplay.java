package org.lifeline.codec.tile.internal.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.codec.tile.internal.Codecs;

/**
 * Replays a synthetic equivalent of /work/shared/bench/workload.sh (typing, 250 scrolled lines, a window
 * moved in 50 steps, an output burst, clear) at 25 updates per second and prints the bytes and encoder time
 * per phase. Run: see BENCHMARKS.md. Every update is decoded and checked, so the numbers are of a working stream.
 */
public final class WorkloadReplay {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private record Phase(String name, List<FrameBuffer> frames) {
    }

    private static List<Phase> script(int width, int height) {
        DesktopScene scene = new DesktopScene(width, height);
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("first frame", List.of(scene.render().copy())));
        List<FrameBuffer> typing = new ArrayList<>();
        // 40 ms per key: one update per key
        for (char c : "echo The quick brown fox jumps over the lazy dog 0123456789; printf \"%s\\n\" remote desktop benchmark".toCharArray()) {
            scene.a().print(String.valueOf(c));
            typing.add(scene.render().copy());
        }
        scene.a().print("\nThe quick brown fox jumps over the lazy dog 0123456789\nremote\ndesktop\nbenchmark\n$ ");
        typing.add(scene.render().copy());
        phases.add(new Phase("typing", typing));
        List<FrameBuffer> scrolling = new ArrayList<>();
        // 10 ms per key: 4 keys per 40 ms update; then 50 lines/s: 2 lines per update
        String command = "for i in $(seq 1 250); do echo \"line $i: Lorem ipsum dolor sit amet, consectetur adipiscing elit $((i*7919))\"; sleep 0.02; done";
        typeFast(scene, command, scrolling::add);
        for (int i = 1; i <= 250; i++) {
            scene.a().println("line " + i + ": Lorem ipsum dolor sit amet, consectetur adipiscing elit " + i * 7919);
            if (i % 2 == 0) scrolling.add(scene.render().copy());
        }
        scene.a().print("$ ");
        scrolling.add(scene.render().copy());
        phases.add(new Phase("scrolling", scrolling));
        List<FrameBuffer> moving = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            scene.bx = 700 - s * 12;
            scene.by = 420 - s * 6;
            moving.add(scene.render().copy());
        }
        phases.add(new Phase("window move", moving));
        List<FrameBuffer> burst = new ArrayList<>();
        typeFast(scene, "ls -l /usr/bin | head -400; seq 1 3000 | paste -sd\" \" | fold -w 100 | head -60", burst::add);
        for (int i = 0; i < 460; i++) {
            scene.a().println(i < 400
                    ? String.format("-rwxr-xr-x 1 root root %8d Jan %2d  2024 %s", (i * 7919) % 900000, 1 + i % 28, "prog" + Integer.toString(i * 31, 36))
                    : String.format("%d", i));
            if (i % 9 == 8) burst.add(scene.render().copy());
        }
        scene.a().print("$ ");
        burst.add(scene.render().copy());
        typeFast(scene, "clear", burst::add);
        scene.a().clear();
        scene.a().print("$ ");
        burst.add(scene.render().copy());
        phases.add(new Phase("burst + clear", burst));
        return phases;
    }

    private static void typeFast(DesktopScene scene, String text, Consumer<FrameBuffer> out) {
        for (int i = 0; i < text.length(); i += 4) {
            scene.a().print(text.substring(i, Math.min(text.length(), i + 4)));
            out.accept(scene.render().copy());
        }
        scene.a().print("\n");
        out.accept(scene.render().copy());
    }

    public static void main(String[] args) {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 1280;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        List<Phase> phases = script(width, height);
        int[][] variants = {{32, 6}, {16, 6}, {64, 6}, {32, 1}, {32, 3}, {32, 9}};
        for (int round = 0; round < 2; round++) {
            // round 0 warms the JIT; round 1 is reported
            for (int[] v : variants) {
                for (EncoderSettings settings : round == 1 && v[0] == 32 && v[1] == 6
                        ? List.of(EncoderSettings.LOSSLESS, new EncoderSettings(16, 0), EncoderSettings.LOW_BANDWIDTH)
                        : List.of(EncoderSettings.LOSSLESS)) {
                    run(phases, settings, v[0], v[1], round == 1);
                }
            }
        }
    }

    private static void run(List<Phase> phases, EncoderSettings settings, int tile, int level, boolean report) {
        FrameEncoder encoder = Codecs.encoder(settings, tile, level);
        FrameDecoder decoder = Codecs.decoder();
        StringBuilder line = new StringBuilder(String.format("tile %2d zlib %d depth %2d q %2d |", tile, level,
                settings.colourDepth(), settings.lossyQuality()));
        long afterFirst = 0, nanos = 0;
        int updates = 0;
        for (Phase phase : phases) {
            long bytes = 0, t = 0;
            for (FrameBuffer f : phase.frames()) {
                long t0 = CPU.getCurrentThreadCpuTime();
                byte[] u = encoder.encode(f, null);
                t += CPU.getCurrentThreadCpuTime() - t0;
                if (u == null) continue;
                decoder.decode(u);
                if (settings.lossless() && !java.util.Arrays.equals(decoder.frame().pixels(), f.pixels())) {
                    throw new AssertionError("round trip differs in " + phase.name());
                }
                bytes += u.length;
                updates++;
            }
            if (!phase.name().equals("first frame")) {
                afterFirst += bytes;
                nanos += t;
            }
            line.append(String.format(" %s %,d B %.0f ms |", phase.name(), bytes, t / 1e6));
        }
        line.append(String.format(" after first frame: %,d B in %d updates, encoder CPU %.0f ms", afterFirst, updates - 1, nanos / 1e6));
        if (report) {
            System.out.println(line);
            System.out.println("    " + encoder.statistics());
        }
    }
}
