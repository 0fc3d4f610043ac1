package org.lifeline.ticket.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.agreement.srp.SRP6VerifierGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.BigIntegers;

/**
 * SRP-6a salt and verifier for an invitation password. The transport runs the exchange with exactly these
 * parameters: RFC 5054 3072-bit group, SHA-256, identity = invitation id in UTF-8, password = the
 * password's UTF-8 bytes (empty for an invitation without one), a 32-byte random salt. The verifier is
 * stored big-endian without a sign byte.
 */
final class SrpVerifiers {
    static final int SALT_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Verifier(byte[] salt, byte[] verifier) {
    }

    private SrpVerifiers() {
    }

    static Verifier make(String invitationId, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] pw = utf8(password == null ? new char[0] : password);
        try {
            SRP6VerifierGenerator g = new SRP6VerifierGenerator();
            g.init(SRP6StandardGroups.rfc5054_3072, new SHA256Digest());
            BigInteger v = g.generateVerifier(salt, invitationId.getBytes(StandardCharsets.UTF_8), pw);
            return new Verifier(salt, BigIntegers.asUnsignedByteArray(v));
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** UTF-8 without an intermediate String, so the only copies are ones we wipe. */
    static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        return out;
    }
}
