package org.lifeline.session.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message of the session protocol on {@code WireChannel.CONTROL}:
 * {@code [version u8][type u8][reason length u16][reason UTF-8]}. The transport's handshake is over by the
 * time these flow, so this is only consent, control and goodbye.
 */
record ControlMessage(Type type, String reason) {
    static final int VERSION = 1;
    /** Longest reason a peer may send, in UTF-8 bytes; a person reads it, so a few lines are plenty. */
    static final int MAX_REASON_BYTES = 512;
    static final int HEADER_BYTES = 4;
    static final int MAX_MESSAGE_BYTES = HEADER_BYTES + MAX_REASON_BYTES;

    enum Type {
        CONSENT_ACCEPTED(1), CONSENT_DENIED(2), CONTROL_REQUEST(3), CONTROL_GRANTED(4), CONTROL_DENIED(5),
        CONTROL_ENDED(6), CONTROL_RELEASED(7), BYE(8),
        /** Expert → novice: this connection is the one the expert kept; ask the novice. */
        CONSENT_REQUEST(9);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) return t;
            }
            return null;
        }
    }

    ControlMessage {
        Objects.requireNonNull(type, "type");
        reason = reason == null ? "" : reason;
    }

    static ControlMessage of(Type type) {
        return new ControlMessage(type, "");
    }

    byte[] encode() {
        byte[] text = truncateUtf8(reason, MAX_REASON_BYTES);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + text.length);
        b.put((byte) VERSION).put((byte) type.code).putShort((short) text.length).put(text);
        return b.array();
    }

    static ControlMessage decode(byte[] frame) throws MalformedFrameException {
        if (frame == null || frame.length < HEADER_BYTES) {
            throw new MalformedFrameException("control message shorter than its header");
        }
        if (frame.length > MAX_MESSAGE_BYTES) {
            throw new MalformedFrameException("control message of " + frame.length + " bytes exceeds "
                    + MAX_MESSAGE_BYTES);
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        int version = b.get() & 0xff;
        if (version != VERSION) throw new MalformedFrameException("control message version " + version);
        int code = b.get() & 0xff;
        Type type = Type.of(code);
        if (type == null) throw new MalformedFrameException("unknown control message type " + code);
        int length = b.getShort() & 0xffff;
        if (length != b.remaining()) {
            throw new MalformedFrameException("control message reason length " + length + " but "
                    + b.remaining() + " bytes follow");
        }
        return new ControlMessage(type, strictUtf8(b));
    }

    private static String strictUtf8(ByteBuffer b) throws MalformedFrameException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException("control message reason is not UTF-8");
        }
    }

    /** Cuts at a character boundary so the peer's strict decoder never sees half a character. */
    static byte[] truncateUtf8(String s, int maxBytes) {
        byte[] all = s.getBytes(StandardCharsets.UTF_8);
        if (all.length <= maxBytes) return all;
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(s), out, true);
        byte[] cut = new byte[out.position()];
        out.flip().get(cut);
        return cut;
    }
}
