package org.lifeline.transport.tcp.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.BooleanSupplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.agreement.srp.SRP6VerifierGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.BigIntegers;
import org.lifeline.api.invitation.NoviceIdentity;

final class TestSupport {
    static final SecureRandom RANDOM = new SecureRandom();

    private TestSupport() {
    }

    /** A per-invitation identity as the ticket bundle makes one: EC P-256, self-signed. */
    static NoviceIdentity identity(String cn) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + cn);
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(RANDOM.nextLong() & Long.MAX_VALUE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                    pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new NoviceIdentity(pair.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verifier exactly as the ticket bundle computes it. */
    static byte[] verifier(String invitationId, byte[] salt, String password) {
        SRP6VerifierGenerator generator = new SRP6VerifierGenerator();
        generator.init(SRP6StandardGroups.rfc5054_3072, new SHA256Digest());
        return BigIntegers.asUnsignedByteArray(generator.generateVerifier(salt,
                invitationId.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** Waits for something another thread does; fails at the deadline. */
    static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(10);
        }
    }
}
