package org.lifeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JitDirectivesTest {
    /** A method named in a match list or an inline rule (not a pattern with '*'). */
    private static final Pattern METHOD = Pattern.compile("\"[-+]?(org/lifeline/[\\w/$]+)\\.(\\w+)\"");

    @Test
    void everyMethodTheDirectivesNameExistsInTheCodec() throws Exception {
        List<String> named = new ArrayList<>();
        Matcher m = METHOD.matcher(resource());
        while (m.find()) {
            Class<?> type = Class.forName(m.group(1).replace('/', '.'));
            // a renamed method would leave a directive that silently matches nothing
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                    .as("%s in %s", m.group(2), type.getName()).contains(m.group(2));
            named.add(m.group(2));
        }
        assertThat(named).contains("applyOffset", "writeTile", "detectMove", "encode");
    }

    @Test
    void theRunningJvmTakesThemForTheCodecOnly() throws Exception {
        assertThat(JitDirectives.install()).isEqualTo("2 compiler directives added");
        String stack = JitDirectives.diagnosticCommand("compilerDirectivesPrint");
        assertThat(stack).contains("matching: org/lifeline/codec/tile/internal/*.*")
                .contains("-org/lifeline/codec/tile/internal/MotionDetector.applyOffset")
                .containsPattern("matching: [^\\n]*org/lifeline/codec/tile/internal/MotionDetector.detectMove")
                .containsPattern("c2 directives:\\s+inline: -\\s+Enable:true Exclude:true");
        JitDirectives.diagnosticCommand("compilerDirectivesRemove");
        JitDirectives.diagnosticCommand("compilerDirectivesRemove");
        assertThat(JitDirectives.diagnosticCommand("compilerDirectivesPrint")).doesNotContain("MotionDetector");
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

    private static String resource() throws Exception {
        try (InputStream in = JitDirectives.class.getResourceAsStream(JitDirectives.RESOURCE)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
