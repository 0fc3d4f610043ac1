package org.lifeline.channel.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.DeliveryReceipt;

class FileChannelTest {
    private static final byte[] TICKET = "<UPLOADINFO/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final FileChannel channel = new FileChannel();

    @Test
    void writesTheTicketCreatingParentFolders() throws Exception {
        Path target = dir.resolve("a/b/help.msrcincident");
        DeliveryReceipt r = channel.send(null, TICKET, target.toString(), "ignored");
        assertThat(target).hasBinaryContent(TICKET);
        assertThat(r.channelId()).isEqualTo("file");
        assertThat(r.recipient()).isEqualTo(target.toString());
        assertThat(r.detail()).isEqualTo("saved to " + target);
    }

    @Test
    void replacesAnOlderTicketAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("help.msrcincident");
        Files.writeString(target, "old");
        channel.send(null, TICKET, target.toString(), "");
        assertThat(target).hasBinaryContent(TICKET);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void aFolderGetsTheDefaultName() {
        DeliveryReceipt r = channel.send(null, TICKET, dir.toString(), "");
        assertThat(dir.resolve(FileChannel.DEFAULT_NAME)).hasBinaryContent(TICKET);
        assertThat(r.recipient()).endsWith(FileChannel.DEFAULT_NAME);
    }

    @Test
    void unwritablePlaceIsOneClearLine() throws Exception {
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> channel.send(null, TICKET, blocker.resolve("sub/help.msrcincident").toString(), ""))
                .isInstanceOf(LifelineException.class)
                .hasMessageStartingWith("cannot save the invitation to ")
                .hasMessageContaining("choose another file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptyOrInvalidNameIsRefused() {
        assertThatThrownBy(() -> channel.send(null, TICKET, " ", "")).hasMessageContaining("not a file name");
        assertThatThrownBy(() -> channel.send(null, TICKET, "bad\0name", "")).hasMessageContaining("not a file name");
    }

    @Test
    void identifiesItselfAsTheFileChannel() {
        assertThat(channel.id()).isEqualTo("file");
        assertThat(channel.displayName()).isEqualTo("Save as a file");
    }
}
