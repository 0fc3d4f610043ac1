package org.lifeline.transport.tcp.internal;

import java.math.BigInteger;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.SRP6GroupParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * The SRP-6a parameters both sides and the ticket bundle's verifier share: RFC 5054's 3072-bit group, SHA-256,
 * identity = the invitation id's UTF-8 bytes, password = the password's UTF-8 bytes (empty without a password).
 */
final class SrpGroup {
    static final SRP6GroupParameters GROUP = SRP6StandardGroups.rfc5054_3072;
    /** A and B travel as unsigned big-endian numbers of exactly the group's size. */
    static final int BYTES = (GROUP.getN().bitLength() + 7) / 8;

    private SrpGroup() {
    }

    static Digest digest() {
        return new SHA256Digest();
    }

    static byte[] encode(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(BYTES, value);
    }

    static BigInteger decode(byte[] value) {
        return new BigInteger(1, value);
    }
}
