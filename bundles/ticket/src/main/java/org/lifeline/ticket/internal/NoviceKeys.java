package org.lifeline.ticket.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lifeline.api.invitation.NoviceIdentity;

/**
 * The novice's per-invitation TLS identity: an EC P-256 key and a self-signed certificate that the
 * ticket pins by SHA-256. Trust comes from the pin, not from dates, so the certificate never expires
 * (RFC 5280's 99991231235959Z); the invitation's own expiry is what counts.
 */
final class NoviceKeys {
    /** RFC 5280 4.1.2.5: "no well-defined expiration date". */
    private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private NoviceKeys() {
    }

    static NoviceIdentity generate(String invitationId) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = g.generateKeyPair();
            X500Name name = new X500Name("CN=Lifeline invitation " + invitationId);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] serial = new byte[16];
            RANDOM.nextBytes(serial);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(NO_EXPIRY), name, pair.getPublic());
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new NoviceIdentity(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("this Java runtime cannot make an EC P-256 certificate", e);
        }
    }

    static byte[] fingerprint(X509Certificate certificate) {
        try {
            return ConnInfo.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    static String privateKeyPem(PrivateKey key) throws IOException {
        return pem(new JcaPKCS8Generator(key, null));
    }

    static String certificatePem(X509Certificate certificate) throws IOException {
        return pem(certificate);
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o instanceof JcaPKCS8Generator gen ? gen.generate() : o);
        }
        return out.toString();
    }

    /** @throws IOException when either file is missing or is not what we wrote */
    static NoviceIdentity read(Path keyFile, Path certificateFile) throws IOException {
        Object key = parse(keyFile);
        Object cert = parse(certificateFile);
        if (!(key instanceof PrivateKeyInfo info) || !(cert instanceof X509CertificateHolder holder)) {
            throw new IOException("not a private key and certificate: " + keyFile + ", " + certificateFile);
        }
        try {
            return new NoviceIdentity(new JcaPEMKeyConverter().getPrivateKey(info),
                    new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable key or certificate in " + keyFile.getParent(), e);
        }
    }

    private static Object parse(Path file) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            return p.readObject();
        }
    }
}
