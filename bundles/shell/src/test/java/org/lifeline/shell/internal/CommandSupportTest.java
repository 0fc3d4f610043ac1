package org.lifeline.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.api.LifelineException;

class CommandSupportTest {
    @TempDir
    Path dir;

    @Test
    void utf8BytesFromGogosConsoleBecomeTheTextThatWasTyped() {
        String typed = "Grüße 👋 日本";
        String asGogoHandsItOver = new String(typed.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(CommandSupport.fromConsole(asGogoHandsItOver)).isEqualTo(typed);
        assertThat(CommandSupport.fromConsole("plain ascii")).isEqualTo("plain ascii");
        assertThat(CommandSupport.fromConsole(typed)).isEqualTo(typed);
        assertThat(CommandSupport.fromConsole("caf\u00e9")).isEqualTo("caf\u00e9");
    }

    @Test
    void passwordFileGivesItsFirstLineOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "k7vq-3xmp\nsecond line\n");

        assertThat(CommandSupport.readPasswordFile(file.toString())).containsExactly("k7vq-3xmp".toCharArray());
    }

    @Test
    void emptyOrOversizedPasswordFileIsRefusedWithOneLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path large = Files.write(dir.resolve("large"), new byte[CommandSupport.MAX_PASSWORD_FILE_BYTES + 1]);

        assertThatThrownBy(() -> CommandSupport.readPasswordFile(empty.toString()))
                .isInstanceOf(LifelineException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> CommandSupport.readPasswordFile(large.toString()))
                .isInstanceOf(LifelineException.class).hasMessageContaining("too large for a password file");
        assertThatThrownBy(() -> CommandSupport.readPasswordFile(dir.resolve("missing").toString()))
                .isInstanceOf(LifelineException.class).hasMessageContaining("cannot read the password file");
    }

    @Test
    void tableAlignsColumnsTwoSpacesApart() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        CommandSupport.table(out, List.of(new String[] { "ID", "PEER" }, new String[] { "12", "bob" }));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("ID  PEER", "12  bob");
    }

    @Test
    void failurePrintsOneLineAndIsRethrownSoScriptsSeeIt() {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> CommandSupport.run(() -> {
                throw new LifelineException("no such session 9: see ra:sessions");
            })).isInstanceOf(LifelineException.class);
        } finally {
            System.setErr(err);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("no such session 9: see ra:sessions" + System.lineSeparator());
    }
}
