package org.lifeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JitDirectivesTest {
    private static final long PATIENCE_NANOS = 30_000_000_000L;

    @Test
    void hotCodeStaysWithC1OnceTheyAreAdded() throws Exception {
        // the control: without the directives this JVM's C2 takes a hot method, so the levels can be told apart
        assertThat(levelsReached(JitDirectivesTest::hotBefore, "hotBefore", 4)).contains(4);
        assertThat(JitDirectives.install()).isEqualTo("2 compiler directives added");
        try {
            assertThat(JitDirectives.diagnosticCommand("compilerDirectivesPrint"))
                    .contains("matching: org/lifeline/capture/x11/internal/PixelFormat.convertInts")
                    .containsPattern("matching: \\*\\.\\*\\s+c1 directives:\\s+inline: -\\s+Enable:false Exclude:false[^\\n]*\\s+"
                            + "c2 directives:\\s+inline: -\\s+Enable:true Exclude:true");
            // as hot as the control, for as long: C1 compiles it again without profiling (tier 1), C2 never
            assertThat(levelsReached(JitDirectivesTest::hotAfter, "hotAfter", 1)).contains(1).doesNotContain(4);
        } finally {
            JitDirectives.diagnosticCommand("compilerDirectivesRemove");
            JitDirectives.diagnosticCommand("compilerDirectivesRemove");
        }
        assertThat(JitDirectives.diagnosticCommand("compilerDirectivesPrint")).doesNotContain("Exclude:true");
    }

    @Test
    void everyMethodTheDirectivesNameExists() throws Exception {
        Matcher m = Pattern.compile("\"[-+]?(org/lifeline/[\\w/$]+)\\.(\\w+)\"").matcher(resource());
        int named = 0;
        while (m.find()) {
            Class<?> type = Class.forName(m.group(1).replace('/', '.'));
            // a renamed method would leave a directive that silently matches nothing
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                    .as("%s in %s", m.group(2), type.getName()).contains(m.group(2));
            named++;
        }
        assertThat(named).isPositive();
    }

    @Test
    void notAddedWhereC2IsOffOrTheOnlyCompiler() {
        assertThat(JitDirectives.notNeeded("true", "4")).isNull();
        assertThat(JitDirectives.notNeeded("true", "1")).contains("-XX:TieredStopAtLevel=1");
        // excluding C2 there would leave all code interpreted
        assertThat(JitDirectives.notNeeded("false", "4")).contains("-XX:-TieredCompilation");
    }

    @Test
    void aSystemPropertyTurnsThemOff() {
        String before = System.getProperty("lifeline.jit.directives");
        try {
            System.setProperty("lifeline.jit.directives", "false");
            assertThat(JitDirectives.enabled()).isFalse();
            System.clearProperty("lifeline.jit.directives");
            assertThat(JitDirectives.enabled()).isTrue();
        } finally {
            if (before != null) System.setProperty("lifeline.jit.directives", before);
        }
    }

    /**
     * Runs {@code method} hot (compiled in the background) until the JVM's code list shows it at {@code wanted}, then
     * a while longer; returns every level it was seen at.
     */
    private static Set<Integer> levelsReached(IntUnaryOperator method, String name, int wanted) throws Exception {
        Pattern line = Pattern.compile("(?m)^\\d+ (\\d) \\d+ " + Pattern.quote(JitDirectivesTest.class.getName()) + "\\."
                + name + "\\(");
        Set<Integer> seen = new TreeSet<>();
        long until = System.nanoTime() + PATIENCE_NANOS, enough = Long.MAX_VALUE;
        int sink = 0;
        while (System.nanoTime() < Math.min(until, enough)) {
            for (int i = 0; i < 20_000; i++) sink += method.applyAsInt(i);
            Matcher m = line.matcher(JitDirectives.diagnosticCommand("compilerCodelist"));
            while (m.find()) seen.add(Integer.parseInt(m.group(1)));
            if (seen.contains(wanted) && enough == Long.MAX_VALUE) enough = System.nanoTime() + 500_000_000L;
        }
        assertThat(sink).isNotEqualTo(42); // keeps the loop's result alive
        return seen;
    }

    static int hotBefore(int n) {
        int h = n;
        for (int i = 0; i < 16; i++) h = h * 31 + i;
        return h;
    }

    static int hotAfter(int n) {
        int h = n;
        for (int i = 0; i < 16; i++) h = h * 31 + i;
        return h;
    }

    private static String resource() throws Exception {
        try (InputStream in = JitDirectives.class.getResourceAsStream(JitDirectives.RESOURCE)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
