package org.lifeline.testing.x11;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private X server for one test class: {@code Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp
 * -retro -noreset}. {@code -displayfd} lets the server itself claim a free display number (atomically, by
 * its lock file) and say which once it accepts connections, so parallel test runs never share or race for
 * a display. {@code -retro}: a patterned root, so a picture of it is never trivially blank;
 * {@code -noreset}: no server reset, refusing connections, whenever the last client leaves.
 * A missing Xvfb is an error, not a skip: CI installs it.
 */
public final class Xvfb implements AutoCloseable {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int number;
    private final Path log;
    private final List<Process> clients = new ArrayList<>();

    private Xvfb(Process process, int number, Path log) {
        this.process = process;
        this.number = number;
        this.log = log;
    }

    public static Xvfb start() throws IOException, InterruptedException {
        Path log = Files.createTempFile("xvfb-", ".log");
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", WIDTH + "x" + HEIGHT + "x24",
                "-nolisten", "tcp", "-retro", "-noreset").redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> announced = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = announced.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.trim().matches("\\d+")) {
            p.destroyForcibly().waitFor();
            String why = Files.readString(log);
            Files.deleteIfExists(log);
            throw new IOException("Xvfb did not start within " + START_TIMEOUT + ": " + why);
        }
        // Should the test JVM exit without closing it, the server must not outlive the run.
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return new Xvfb(p, Integer.parseInt(line.trim()), log);
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

    /** Starts a prepared client (see {@link #builder}) that is killed when this server closes; output is dropped unless redirected. */
    public Process spawn(ProcessBuilder builder) throws IOException {
        builder.redirectErrorStream(true);
        if (builder.redirectOutput() == ProcessBuilder.Redirect.PIPE) builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
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
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A stray log in the temp folder is harmless.
        }
    }
}
