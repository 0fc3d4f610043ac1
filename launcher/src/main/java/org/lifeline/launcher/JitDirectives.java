package org.lifeline.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Adds the launcher's HotSpot compiler directives ({@code jit-directives.json}, JEP 165) to the running JVM:
 * what {@code -XX:CompilerDirectivesFile} would do, for a launcher started as {@code java -jar}, which cannot
 * carry JVM options. They keep all code but one pixel loop with C1 (measured in {@code launcher/bench/RESULTS.md}:
 * C2 cost the novice more CPU compiling than its code saved over a session's busy minutes). {@code bin/lifeline} does the same with
 * {@code -XX:TieredStopAtLevel=1}, which is cheaper still (no profiling stage); then they are not added. Only a
 * HotSpot JVM has the diagnostic command; elsewhere this does nothing, {@code -Dlifeline.jit.directives=false} turns
 * it off (to measure without), and {@code -Dlifeline.startup.trace=true} prints the JVM's answer.
 */
final class JitDirectives {
    static final String RESOURCE = "jit-directives.json";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private JitDirectives() {
    }

    /** Off the start-up path: the management classes take ~80 ms to load; code gets hot enough for C2 seconds later. */
    static void installInBackground() {
        if (!enabled()) return;
        boolean trace = Boolean.getBoolean("lifeline.startup.trace");
        Thread t = new Thread(() -> {
            String answer = install();
            if (trace) System.err.println("JIT directives: " + answer);
        }, "lifeline-jit-directives");
        t.setDaemon(true);
        t.start();
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("lifeline.jit.directives"));
    }

    /** Adds the directives; returns the JVM's answer, or why not. Never throws: the directives only save CPU. */
    static String install() {
        String unneeded;
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            unneeded = notNeeded(vm.getVMOption("TieredCompilation").getValue(),
                    vm.getVMOption("TieredStopAtLevel").getValue());
        } catch (RuntimeException | LinkageError e) {
            return "not added: " + e;
        }
        if (unneeded != null) return "not added: " + unneeded;
        Path file = null;
        try (InputStream in = JitDirectives.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "no " + RESOURCE + " in the launcher";
            // the diagnostic command reads a file; it parses it at once, so the copy can go right after
            file = Files.createTempFile("lifeline-jit", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return diagnosticCommand("compilerDirectivesAdd", file.toString()).trim();
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return "not added: " + e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * Why the directives would be pointless or harmful with these JVM options, or null. Without tiered compilation
     * C2 is the only compiler: excluding it would leave everything interpreted.
     */
    static String notNeeded(String tieredCompilation, String tieredStopAtLevel) {
        if ("false".equals(tieredCompilation)) return "C2 is the only compiler (-XX:-TieredCompilation)";
        if (!"4".equals(tieredStopAtLevel)) return "C2 is off already (-XX:TieredStopAtLevel=" + tieredStopAtLevel + ")";
        return null;
    }

    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(answer);
    }
}
