package org.lifeline.input.awt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifeline.testing.x11.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwtInputSinkTest {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aHeadlessJvmGetsNoRobotSoTheServiceIsNotOffered() {
        // The test JVM runs with -Djava.awt.headless=true, like a relay or a server.
        assertThat(AwtInputRegistration.robotIfDisplay()).isNull();
    }

    @Test
    void robotTypesShiftedTextIntoAnXtermAndMovesThePointer() throws Exception {
        try (Xvfb xvfb = Xvfb.start()) {
            Path file = dir.resolve("typed.txt");
            xvfb.spawn("xterm", "-fa", "DejaVuSansMono", "-geometry", "60x4+0+0", "-title", "awt-typing",
                    "-e", "sh", "-c", "exec cat > " + file);
            xvfb.output("xdotool", "search", "--sync", "--onlyvisible", "--name", "awt-typing");
            String text = "Echo \"Hi!\" & (x)";
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Djava.awt.headless=false", "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    AwtInputProbe.class.getName(), text, "400", "300"));
            Process probe = xvfb.builder(command.toArray(String[]::new)).redirectErrorStream(true).start();
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
            assertThat(probe.exitValue()).as(new String(probe.getInputStream().readAllBytes())).isZero();
            assertThat(awaitLine(file)).isEqualTo(text + "\n");
            assertThat(xvfb.output("xdotool", "getmouselocation")).startsWith("x:405 y:306 ");
        }
    }

    private static String awaitLine(Path file) throws Exception {
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.endsWith("\n")) return text;
            }
            Thread.sleep(50);
        }
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(nothing arrived)";
    }
}
