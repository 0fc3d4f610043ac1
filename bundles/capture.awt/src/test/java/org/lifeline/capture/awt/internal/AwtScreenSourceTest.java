package org.lifeline.capture.awt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.lifeline.testing.x11.Xvfb;
import org.lifeline.testing.x11.XwdImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwtScreenSourceTest {
    @TempDir
    Path dir;

    @Test
    void aHeadlessJvmSeesNoScreenSoTheServiceIsNotOffered() {
        // The test JVM runs with -Djava.awt.headless=true, like a relay or a server.
        assertThat(AwtScreenSource.displayAvailable()).isFalse();
    }

    @Test
    void robotCaptureOnARealDisplayEqualsTheDisplaysOwnScreenshot() throws Exception {
        try (Xvfb xvfb = Xvfb.start()) {
            xvfb.spawn("xterm", "-fa", "DejaVuSansMono", "-geometry", "40x6+100+100", "-title", "awt-capture",
                    "-e", "sh", "-c", "echo robot; exec sleep 600");
            xvfb.output("xdotool", "search", "--sync", "--onlyvisible", "--name", "awt-capture");
            Path out = dir.resolve("frame.bin");
            Process probe = forkedJvm(xvfb, AwtCaptureProbe.class, out.toString()).start();
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
            assertThat(probe.exitValue()).as(new String(probe.getInputStream().readAllBytes())).isZero();
            XwdImage shot = xvfb.screenshot();
            try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
                assertThat(in.readBoolean()).as("display available").isTrue();
                assertThat(in.readInt()).as("monitors").isEqualTo(1);
                int w = in.readInt(), h = in.readInt();
                assertThat(w).isEqualTo(Xvfb.WIDTH);
                assertThat(h).isEqualTo(Xvfb.HEIGHT);
                int[] pixels = new int[w * h];
                for (int i = 0; i < pixels.length; i++) pixels[i] = in.readInt();
                Xvfb.assertSamePixels(w, shot.pixels(), pixels);
            }
        }
    }

    /** A JVM on the test's class path whose DISPLAY is this Xvfb and which is not headless. */
    static ProcessBuilder forkedJvm(Xvfb xvfb, Class<?> main, String... args) {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaCommand, "-Djava.awt.headless=false",
                "-cp", classPath, main.getName()));
        command.addAll(java.util.List.of(args));
        return xvfb.builder(command.toArray(String[]::new)).redirectErrorStream(true);
    }
}
