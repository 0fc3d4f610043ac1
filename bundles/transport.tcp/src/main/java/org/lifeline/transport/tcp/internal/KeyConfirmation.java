package org.lifeline.transport.tcp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Key confirmation after SRP (DESIGN §5 step 5). The key comes from the SRP secret S through HKDF-SHA-256, salted
 * with the transcript hash; each side MACs its role, the transcript, the invitation id and the TLS certificate
 * fingerprint as that side sees it. A relaying man in the middle presents another certificate to the expert, so
 * the two MACs can only match when nobody sits between the TLS endpoints.
 */
final class KeyConfirmation {
    static final int KEY_BYTES = 32;
    private static final byte[] KEY_INFO = "lifeline transport key confirmation v1".getBytes(StandardCharsets.US_ASCII);

    enum Role {
        EXPERT("lifeline expert confirms"), NOVICE("lifeline novice confirms");

        private final byte[] label;

        Role(String label) {
            this.label = label.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private KeyConfirmation() {
    }

    static byte[] transcriptHash(byte[] hello, byte[] salt, byte[] a, byte[] b) {
        SHA256Digest d = new SHA256Digest();
        for (byte[] part : new byte[][] {hello, salt, a, b}) update(d, part);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** Wipes {@code secret} (the padded SRP S) after use; the caller wipes the returned key. */
    static byte[] key(byte[] secret, byte[] transcriptHash) {
        try {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(secret, transcriptHash, KEY_INFO));
            byte[] key = new byte[KEY_BYTES];
            hkdf.generateBytes(key, 0, key.length);
            return key;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static byte[] mac(byte[] key, Role role, byte[] transcriptHash, String invitationId, byte[] fingerprint) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : new byte[][] {role.label, transcriptHash, invitationId.getBytes(StandardCharsets.UTF_8),
                fingerprint}) {
            byte[] length = ByteBuffer.allocate(4).putInt(part.length).array();
            mac.update(length, 0, length.length);
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static boolean matches(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    private static void update(SHA256Digest d, byte[] part) {
        byte[] length = ByteBuffer.allocate(4).putInt(part.length).array();
        d.update(length, 0, length.length);
        d.update(part, 0, part.length);
    }
}
