package org.lifeline.transport.tcp.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.lifeline.api.transport.Hello;

/**
 * Byte layouts of the handshake messages (DESIGN §5). Every field has a named limit, and every decoder reads
 * exactly its message: a short, long or badly encoded one is a {@link MalformedMessageException}.
 */
final class HandshakeMessages {
    /** Layout version of these messages; bumped when a layout changes. */
    static final int WIRE_VERSION = 1;
    static final int MAX_INVITATION_ID_BYTES = 128;
    static final int MAX_EXPERT_NAME_CHARS = 64;
    static final int MAX_EXPERT_NAME_BYTES = MAX_EXPERT_NAME_CHARS * 4;
    static final int MAX_SALT_BYTES = 64;
    /** Refusals and goodbyes are one line for a person. */
    static final int MAX_TEXT_BYTES = 1024;
    static final int MAC_BYTES = 32;
    private static final int LOW_BANDWIDTH = 1;

    private HandshakeMessages() {
    }

    record Challenge(byte[] salt, byte[] b) {
    }

    record Proof(byte[] a, byte[] mac) {
    }

    static byte[] hello(Hello hello) {
        byte[] id = hello.invitationId().getBytes(StandardCharsets.UTF_8);
        byte[] name = hello.expertName().getBytes(StandardCharsets.UTF_8);
        if (id.length > MAX_INVITATION_ID_BYTES) throw new IllegalArgumentException("invitation id too long");
        if (hello.expertName().length() > MAX_EXPERT_NAME_CHARS) throw new IllegalArgumentException("name too long");
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 1 + 2 + id.length + 2 + name.length);
        b.put((byte) WIRE_VERSION).putInt(hello.protocolVersion()).put((byte) (hello.lowBandwidth() ? LOW_BANDWIDTH : 0));
        b.putShort((short) id.length).put(id).putShort((short) name.length).put(name);
        return b.array();
    }

    static Hello hello(byte[] message) throws MalformedMessageException {
        try {
            ByteBuffer b = ByteBuffer.wrap(message);
            int wire = Byte.toUnsignedInt(b.get());
            if (wire != WIRE_VERSION) throw new MalformedMessageException("hello layout version " + wire);
            int protocol = b.getInt();
            int flags = Byte.toUnsignedInt(b.get());
            if ((flags & ~LOW_BANDWIDTH) != 0) throw new MalformedMessageException("hello flags " + flags);
            String id = string(b, MAX_INVITATION_ID_BYTES, "invitation id");
            String name = string(b, MAX_EXPERT_NAME_BYTES, "expert name");
            end(b, "hello");
            if (id.isEmpty()) throw new MalformedMessageException("empty invitation id");
            if (name.length() > MAX_EXPERT_NAME_CHARS) throw new MalformedMessageException("expert name too long");
            return new Hello(protocol, id, name, (flags & LOW_BANDWIDTH) != 0);
        } catch (BufferUnderflowException e) {
            throw new MalformedMessageException("hello too short");
        }
    }

    static byte[] challenge(Challenge c) {
        ByteBuffer b = ByteBuffer.allocate(1 + c.salt().length + SrpGroup.BYTES);
        b.put((byte) c.salt().length).put(c.salt()).put(c.b());
        return b.array();
    }

    static Challenge challenge(byte[] message) throws MalformedMessageException {
        try {
            ByteBuffer b = ByteBuffer.wrap(message);
            int saltLength = Byte.toUnsignedInt(b.get());
            if (saltLength == 0 || saltLength > MAX_SALT_BYTES) throw new MalformedMessageException("salt of " + saltLength);
            byte[] salt = bytes(b, saltLength);
            byte[] bValue = bytes(b, SrpGroup.BYTES);
            end(b, "challenge");
            return new Challenge(salt, bValue);
        } catch (BufferUnderflowException e) {
            throw new MalformedMessageException("challenge too short");
        }
    }

    static byte[] proof(Proof p) {
        return ByteBuffer.allocate(SrpGroup.BYTES + MAC_BYTES).put(p.a()).put(p.mac()).array();
    }

    static Proof proof(byte[] message) throws MalformedMessageException {
        if (message.length != SrpGroup.BYTES + MAC_BYTES) throw new MalformedMessageException("proof of " + message.length);
        ByteBuffer b = ByteBuffer.wrap(message);
        return new Proof(bytes(b, SrpGroup.BYTES), bytes(b, MAC_BYTES));
    }

    static byte[] confirm(byte[] mac) {
        return mac.clone();
    }

    static byte[] confirmMac(byte[] message) throws MalformedMessageException {
        if (message.length != MAC_BYTES) throw new MalformedMessageException("confirmation of " + message.length);
        return message.clone();
    }

    /** A refusal or goodbye; cut at the limit rather than refused, since it is only shown. */
    static byte[] text(String text) {
        byte[] utf8 = printable(text).getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) return utf8;
        return printable(new String(utf8, 0, MAX_TEXT_BYTES, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** Text from the other side is shown to a person: control characters (terminal escapes) become spaces. */
    static String text(byte[] message) throws MalformedMessageException {
        if (message.length > MAX_TEXT_BYTES) throw new MalformedMessageException("text of " + message.length);
        return printable(utf8(message, "text"));
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0xFFFD ? ' ' : c));
        return out.toString().strip();
    }

    private static String string(ByteBuffer b, int max, String what) throws MalformedMessageException {
        int length = Short.toUnsignedInt(b.getShort());
        if (length > max) throw new MalformedMessageException(what + " of " + length + " bytes");
        return utf8(bytes(b, length), what);
    }

    private static String utf8(byte[] bytes, String what) throws MalformedMessageException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(what + " is not UTF-8");
        }
    }

    private static byte[] bytes(ByteBuffer b, int length) {
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }

    private static void end(ByteBuffer b, String what) throws MalformedMessageException {
        if (b.hasRemaining()) throw new MalformedMessageException(b.remaining() + " extra bytes after the " + what);
    }

    /** UTF-8 of a password without ever making a String of it; the caller wipes the result. */
    static byte[] utf8(char[] password) {
        if (password == null || password.length == 0) return new byte[0];
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) java.util.Arrays.fill(encoded.array(), (byte) 0);
        return out;
    }
}
