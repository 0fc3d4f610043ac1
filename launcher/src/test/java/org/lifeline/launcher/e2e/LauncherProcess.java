package org.lifeline.launcher.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Lifeline launcher in its own JVM, driven through its shell on standard input exactly as a script
 * would drive it: {@code printf 'ra:invite ...\n' | java -jar lifeline.jar --headless}.
 */
final class LauncherProcess implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("lifeline.dist", "target/lifeline"));
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final String name;
    private final Path data;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int marker;

    private LauncherProcess(String name, Path data, Process process) {
        this.name = name;
        this.data = data;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                lines.add("<<stdout closed: " + e.getMessage() + ">>");
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a headless launcher.
     *
     * @param etc configuration files to place in {@code etc/} before start (name, content)
     */
    static LauncherProcess start(String name, Path data, String display, String... etc) throws IOException {
        Files.createDirectories(data.resolve("etc"));
        for (int i = 0; i + 1 < etc.length; i += 2) Files.writeString(data.resolve("etc").resolve(etc[i]), etc[i + 1]);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.awt.headless=true", "-jar", DIST.resolve("lifeline.jar").toString(),
                "--headless", "--loopback-only", "--data", data.toString()));
        if (display != null) cmd.addAll(List.of("--display", display));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (display != null) pb.environment().put("DISPLAY", display);
        LauncherProcess p = new LauncherProcess(name, data, pb.start());
        p.awaitLine("ready in", COMMAND_TIMEOUT_SECONDS);
        return p;
    }

    Path data() {
        return data;
    }

    /** Runs one shell line and returns what it printed (prompts removed). */
    String run(String command) throws IOException, InterruptedException {
        String end = "__end_" + (++marker) + "__";
        synchronized (this) {
            stdin.write(command + "\necho " + end + "\n");
            stdin.flush();
        }
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_TIMEOUT_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) throw new IOException(name + ": no answer to '" + command + "'; so far:\n" + out);
            String clean = line.replace("g! ", "");
            if (clean.contains(end)) break;
            if (!clean.isBlank()) out.append(clean).append('\n');
        }
        return out.toString();
    }

    /** Like {@link #run} but fails unless the output has no error. */
    String ok(String command) throws IOException, InterruptedException {
        String out = run(command);
        if (out.contains("gogo:") || out.toLowerCase().contains("exception")) {
            throw new AssertionError(name + ": '" + command + "' failed:\n" + out);
        }
        return out;
    }

    private void awaitLine(String text, long seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StringBuilder seen = new StringBuilder();
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!process.isAlive()) break;
                    continue;
                }
                    seen.append(line).append('\n');
                if (line.contains(text)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException(name + " did not print '" + text + "':\n" + seen);
    }

    /** Ends the shell's input: Lifeline stops cleanly and the process exits; returns its exit code. */
    int shutdown() throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(name + " did not stop within 30 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stdin.close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
