package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.lifeline.api.transport.Hello;

class HandshakeMessagesTest {
    @Property(tries = 200)
    void helloRoundTrips(@ForAll int version, @ForAll @StringLength(min = 1, max = 40) String id,
            @ForAll @StringLength(max = 64) String name, @ForAll boolean low) throws Exception {
        String safeId = id.replace('\uFFFD', 'x');
        if (safeId.getBytes(StandardCharsets.UTF_8).length > HandshakeMessages.MAX_INVITATION_ID_BYTES) return;
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(safeId) || !StandardCharsets.UTF_8.newEncoder().canEncode(name)) {
            return;
        }
        Hello hello = new Hello(version, safeId, name, low);
        assertThat(HandshakeMessages.hello(HandshakeMessages.hello(hello))).isEqualTo(hello);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverCrashTheDecoders(@ForAll @Size(max = 600) byte[] junk) {
        decodeQuietly(() -> HandshakeMessages.hello(junk));
        decodeQuietly(() -> HandshakeMessages.challenge(junk));
        decodeQuietly(() -> HandshakeMessages.proof(junk));
        decodeQuietly(() -> HandshakeMessages.confirmMac(junk));
        decodeQuietly(() -> HandshakeMessages.text(junk));
    }

    private interface Decode {
        Object run() throws MalformedMessageException;
    }

    private static void decodeQuietly(Decode decode) {
        try {
            decode.run();
        } catch (MalformedMessageException expected) {
            // the only failure a decoder may have
        }
    }

    @Property(tries = 50)
    void anExpertNameOverTheLimitIsRefused(@ForAll @StringLength(min = 65, max = 80) String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] id = "inv".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 1 + 2 + id.length + 2 + nameBytes.length);
        b.put((byte) HandshakeMessages.WIRE_VERSION).putInt(1).put((byte) 0).putShort((short) id.length).put(id)
                .putShort((short) nameBytes.length).put(nameBytes);
        assertThatThrownBy(() -> HandshakeMessages.hello(b.array())).isInstanceOf(MalformedMessageException.class);
    }

    @Property(tries = 50)
    void textShownToAPersonHasNoControlCharacters(@ForAll @StringLength(max = 300) String text) throws Exception {
        String shown = HandshakeMessages.text(HandshakeMessages.text(text));
        assertThat(shown.codePoints()).noneMatch(Character::isISOControl);
        assertThat(shown.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(HandshakeMessages.MAX_TEXT_BYTES);
    }
}
