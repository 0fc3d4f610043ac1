package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a script uses it: commands on standard input, output on standard output. */
class LauncherScriptIT {

    @Test
    void lbThenShutdownListsEveryBundleActiveAndExitsCleanly(@TempDir Path data) throws Exception {
        Process p = launch(data, "lb\nshutdown\n");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> rows = out.lines().filter(l -> l.matches("\\s*(g! )?\\s*\\d+\\|.*")).toList();
        assertThat(rows).as(out).hasSizeGreaterThan(20);
        for (String row : rows) {
            boolean otherOs = row.contains("Win32") || row.contains("macOS");
            // the native TLS build is a fragment: attached to its host it is Resolved, never Active
            boolean fragment = row.contains("TomcatNative [BoringSSL");
            assertThat(row).as("bundle row").contains(otherOs ? "Installed" : fragment ? "Resolved" : "Active");
        }
        assertThat(out).contains("Lifeline Session", "Lifeline Shell", "Lifeline X11 capture");
        assertThat(out).doesNotContain("Exception", "\tat ");
        assertThat(data.resolve("log/lifeline.log")).exists();
    }

    @Test
    void endOfInputStopsLifelineLikeAShell(@TempDir Path data) throws Exception {
        Process p = launch(data, "echo still-here\n");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("still-here").doesNotContain("Exception");
    }

    @Test
    void theStartScriptRunsLifelineOnC1AndPassesItsOptionsAndInputThrough(@TempDir Path data) throws Exception {
        Path script = LauncherProcess.DIST.resolve("bin/lifeline");
        assertThat(script).isExecutable();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "--headless", "--data", data.toString())
                .redirectErrorStream(true);
        pb.environment().put("LIFELINE_JAVA", java());
        pb.environment().put("LIFELINE_JAVA_OPTS", "-Xmx200m -Dlifeline.startup.trace=true");
        Process p = pb.start();
        // the script execs java: this process becomes the JVM, with the script's options and the caller's
        List<String> arguments = List.of();
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); !arguments.contains("-jar")
                && System.nanoTime() < until; Thread.sleep(20)) {
            arguments = p.toHandle().info().arguments().map(List::of).orElse(List.of());
        }
        assertThat(arguments).containsSubsequence("-XX:TieredStopAtLevel=1", "-Xmx200m", "-jar")
                .endsWith("--headless", "--data", data.toString());
        p.getOutputStream().write("echo still-here\nshutdown\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("still-here", "JIT directives: not added: C2 is off already (-XX:TieredStopAtLevel=1)")
                .doesNotContain("Exception");
    }

    @Test
    void unknownOptionIsOneClearLineAndExitCode2(@TempDir Path data) throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", LauncherProcess.DIST.resolve("lifeline.jar").toString(), "--bogus")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).startsWith("lifeline: unknown option --bogus").contains("usage:");
    }

    private static Process launch(Path data, String script) throws IOException {
        Process p = new ProcessBuilder(java(), "-jar", LauncherProcess.DIST.resolve("lifeline.jar").toString(),
                "--headless", "--data", data.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
