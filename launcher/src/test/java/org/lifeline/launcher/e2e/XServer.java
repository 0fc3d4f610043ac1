package org.lifeline.launcher.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real X server (Xvfb) on a free display, and the X clients started on it; all stopped on close. */
final class XServer implements AutoCloseable {
    private final String display;
    private final Process xvfb;
    private final List<Process> clients = new ArrayList<>();

    private XServer(String display, Process xvfb) {
        this.display = display;
        this.xvfb = xvfb;
    }

    static XServer start(int width, int height) throws IOException, InterruptedException {
        for (int n = 60; n < 160; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) continue;
            String display = ":" + n;
            Process p = new ProcessBuilder("Xvfb", display, "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp", "-noreset")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && p.isAlive()) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) return new XServer(display, p);
                Thread.sleep(50);
            }
            p.destroyForcibly();
        }
        throw new IOException("could not start Xvfb (is the xvfb package installed? .ci/run installs it)");
    }

    String display() {
        return display;
    }

    /** Starts an X client on this display, e.g. {@code xterm -fa DejaVuSansMono}. */
    Process client(String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        clients.add(p);
        return p;
    }

    /** Runs an X tool to completion (xdotool, xwd) and returns its exit code. */
    int run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return p.exitValue();
    }

    /** Waits until a window with this name is mapped (xdotool search). */
    void awaitWindow(String name) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (run("xdotool", "search", "--onlyvisible", "--name", name) == 0) return;
            Thread.sleep(100);
        }
        throw new IOException("window '" + name + "' did not appear on " + display);
    }

    @Override
    public void close() {
        for (Process c : clients) c.destroyForcibly();
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) xvfb.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
