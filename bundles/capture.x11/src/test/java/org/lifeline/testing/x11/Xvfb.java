package org.lifeline.testing.x11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private X server for one test class: {@code Xvfb :N -screen 0 1280x800x24 -nolisten tcp -retro -noreset} on the
 * first free display from 50 ({@code -retro}: a patterned root, so a picture of it is never trivially blank;
 * {@code -noreset}: no server reset, refusing connections, whenever the last client leaves).
 * A missing Xvfb is an error, not a skip: CI installs it.
 */
public final class Xvfb implements AutoCloseable {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;
    private static final int FIRST_DISPLAY = 50;
    private static final int LAST_DISPLAY = 150;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int number;
    private final List<Process> clients = new ArrayList<>();

    private Xvfb(Process process, int number) {
        this.process = process;
        this.number = number;
    }

    public static Xvfb start() throws IOException, InterruptedException {
        for (int n = FIRST_DISPLAY; n <= LAST_DISPLAY; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", WIDTH + "x" + HEIGHT + "x24",
                    "-nolisten", "tcp", "-retro", "-noreset").redirectErrorStream(true)
                    .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "xvfb-" + n + ".log").toFile())
                    .start();
            Xvfb server = new Xvfb(p, n);
            if (server.awaitReady()) return server;
            server.close();
        }
        throw new IOException("no free X display between :" + FIRST_DISPLAY + " and :" + LAST_DISPLAY);
    }

    /** Ready when the socket exists and a client (xdotool) can talk to it; false if Xvfb gave up (display taken). */
    private boolean awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) return false;
            if (Files.exists(socket) && run("xdotool", "getmouselocation").exitValue() == 0) return true;
            Thread.sleep(50);
        }
        throw new IOException("Xvfb :" + number + " did not start within " + START_TIMEOUT);
    }

    public String display() {
        return ":" + number;
    }

    /** Runs an X client on this display to completion (30 s at most) and returns it. */
    public Process run(String... command) throws IOException, InterruptedException {
        Process p = builder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return p;
    }

    /** Runs an X client and returns its standard output, failing on a non-zero exit. */
    public String output(String... command) throws IOException, InterruptedException {
        Process p = run(command);
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed: " + out);
        return out;
    }

    /** Starts an X client that is killed when this server closes. */
    public Process spawn(String... command) throws IOException {
        return spawn(builder(command));
    }

    /** Starts a prepared client (see {@link #builder}) that is killed when this server closes. */
    public Process spawn(ProcessBuilder builder) throws IOException {
        Process p = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        clients.add(p);
        return p;
    }

    public ProcessBuilder builder(String... command) {
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().put("DISPLAY", display());
        return b;
    }

    /** The display's own screenshot ({@code xwd -root}), as 0x00RRGGBB pixels. */
    public XwdImage screenshot() throws IOException, InterruptedException {
        Process p = builder("xwd", "-root", "-silent").start();
        byte[] dump = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("xwd failed");
        return XwdImage.parse(dump);
    }

    /** Fails with the first differing pixel instead of printing a million array elements. */
    public static void assertSamePixels(int width, int[] expected, int[] actual) {
        if (expected.length != actual.length) throw new AssertionError("sizes differ: " + expected.length + " vs " + actual.length);
        int differing = 0, first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                if (first < 0) first = i;
                differing++;
            }
        }
        if (differing > 0) {
            throw new AssertionError(differing + " pixels differ; first at (" + first % width + "," + first / width
                    + "): expected " + Integer.toHexString(expected[first]) + " but was " + Integer.toHexString(actual[first]));
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process c : clients) c.destroy();
        for (Process c : clients) {
            if (!c.waitFor(5, TimeUnit.SECONDS)) c.destroyForcibly();
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
