package org.lifeline.ticket.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.invitation.TicketException.Reason;

/**
 * RCTICKET's last field: what the expert needs to find and trust the novice, base64 of
 * <pre>
 * "LLCI" | format u8 (1) | protocol version u16 | id length u8 | id UTF-8 | fingerprint length u8 (32) |
 * fingerprint | SHA-256 of everything before it
 * </pre>
 * The digest is not a secret key (the expert has none to check one with): it only makes every edit,
 * accidental or not, a clear TAMPERED error. A forged CONNINFO with a fresh digest still gets no
 * connection, because the TLS pin and the SRP key confirmation cover the fingerprint.
 */
record ConnInfo(int protocolVersion, String invitationId, byte[] fingerprint) {
    static final int FORMAT = 1;
    static final int FINGERPRINT_BYTES = 32;
    static final int DIGEST_BYTES = 32;
    static final int MAX_ID_BYTES = 64;
    /** Longest base64 text even looked at: a valid one is about 180 characters. */
    static final int MAX_TEXT_LENGTH = 512;

    private static final byte[] MAGIC = {'L', 'L', 'C', 'I'};

    String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] id = invitationId.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(MAGIC);
        out.write(FORMAT);
        out.write(protocolVersion >>> 8);
        out.write(protocolVersion);
        out.write(id.length);
        out.writeBytes(id);
        out.write(fingerprint.length);
        out.writeBytes(fingerprint);
        out.writeBytes(sha256(out.toByteArray()));
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static ConnInfo decode(String text) throws TicketException {
        if (text.length() > MAX_TEXT_LENGTH) throw tampered();
        byte[] b;
        try {
            b = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw tampered();
        }
        // Base64 ignores the unused low bits of the last character, so two texts can give the same
        // bytes; only the one canonical spelling is the one we wrote.
        if (!Base64.getEncoder().encodeToString(b).equals(text)) throw tampered();
        int minimum = MAGIC.length + 1 + 2 + 1 + 1 + 1 + DIGEST_BYTES;
        if (b.length < minimum) throw tampered();
        int body = b.length - DIGEST_BYTES;
        if (!MessageDigest.isEqual(sha256(Arrays.copyOf(b, body)), Arrays.copyOfRange(b, body, b.length))) {
            throw tampered();
        }
        if (!Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC)) throw tampered();
        int p = MAGIC.length;
        int format = b[p++] & 0xff;
        if (format != FORMAT) {
            throw new TicketException(Reason.UNSUPPORTED_PROTOCOL,
                    "this invitation was made by a newer Lifeline (ticket format " + format + "): update Lifeline and open it again");
        }
        int version = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        p += 2;
        int idLen = b[p++] & 0xff;
        if (idLen == 0 || idLen > MAX_ID_BYTES || p + idLen + 1 > body) throw tampered();
        String id = new String(b, p, idLen, StandardCharsets.UTF_8);
        p += idLen;
        int fpLen = b[p++] & 0xff;
        if (fpLen != FINGERPRINT_BYTES || p + fpLen != body) throw tampered();
        if (!TicketFormat.validInvitationId(id)) throw tampered();
        return new ConnInfo(version, id, Arrays.copyOfRange(b, p, body));
    }

    static TicketException tampered() {
        return new TicketException(Reason.TAMPERED,
                "this invitation's connection data (CONNINFO) has been changed: ask the novice to send the invitation again");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
