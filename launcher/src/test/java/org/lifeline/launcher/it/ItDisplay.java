package org.lifeline.launcher.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Xvfb the in-framework tests share. AWT takes its display from the DISPLAY environment variable, which
 * a running JVM cannot change, so the build sets DISPLAY for the test JVM (pom: lifeline.it.display) and
 * the first test starts an X server there; it lives as long as the test JVM.
 */
final class ItDisplay {
    static final String DISPLAY = System.getenv().getOrDefault("DISPLAY", ":97");
    private static Process xvfb;

    private ItDisplay() {
    }

    static synchronized void ensureRunning() throws IOException {
        if (xvfb != null && xvfb.isAlive()) return;
        Path socket = Path.of("/tmp/.X11-unix/X" + DISPLAY.substring(1));
        if (Files.exists(socket)) return; // a server is already there (e.g. a developer's)
        // The server must outlive this JVM's exit: AWT keeps its X connection to the end, and losing it
        // during shutdown makes the JVM exit with an error. A small watchdog stops Xvfb once the JVM is gone.
        long jvm = ProcessHandle.current().pid();
        String script = "Xvfb " + DISPLAY + " -screen 0 1024x768x24 -nolisten tcp -noreset & x=$!; "
                + "while kill -0 " + jvm + " 2>/dev/null; do sleep 0.5; done; kill $x";
        xvfb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process started = xvfb;
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(socket)) {
            if (!started.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("Xvfb " + DISPLAY + " did not start (is the xvfb package installed? .ci/run installs it)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting Xvfb", e);
            }
        }
    }
}
