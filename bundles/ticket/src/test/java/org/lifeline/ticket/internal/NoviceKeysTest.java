package org.lifeline.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.api.invitation.NoviceIdentity;

/** The identity is a real TLS 1.3 server identity, also after a round trip through its PEM files (127.0.0.1 only). */
class NoviceKeysTest {
    @TempDir
    Path dir;

    @Test
    void certificateIsSelfSignedP256AndFingerprintIsSha256OfItsDer() throws Exception {
        NoviceIdentity id = NoviceKeys.generate("k3x9q2ma7fzd");
        X509Certificate cert = id.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(cert.getSubjectX500Principal().getName()).contains("k3x9q2ma7fzd");
        assertThat(NoviceKeys.fingerprint(cert)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reloadedIdentityServesTls13ToAClientThatPinsItsFingerprint() throws Exception {
        NoviceIdentity generated = NoviceKeys.generate("k3x9q2ma7fzd");
        Path key = dir.resolve("k.key.pem");
        Path cert = dir.resolve("k.cert.pem");
        Files.writeString(key, NoviceKeys.privateKeyPem(generated.privateKey()));
        Files.writeString(cert, NoviceKeys.certificatePem(generated.certificate()));
        NoviceIdentity id = NoviceKeys.read(key, cert);
        assertThat(id.certificate()).isEqualTo(generated.certificate());
        byte[] pin = NoviceKeys.fingerprint(id.certificate());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("novice", id.privateKey(), new char[0], new X509Certificate[] {id.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext server = SSLContext.getInstance("TLSv1.3");
        server.init(kmf.getKeyManagers(), null, null);
        SSLContext client = SSLContext.getInstance("TLSv1.3");
        client.init(null, new TrustManager[] {pinning(pin)}, null);

        try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getByName("127.0.0.1"))) {
            listening.setEnabledProtocols(new String[] {"TLSv1.3"});
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listening.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("hello".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return s.getSession().getProtocol();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", listening.getLocalPort());
                    InputStream in = s.getInputStream()) {
                assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            assertThat(served.get()).isEqualTo("TLSv1.3");
        }
    }

    private static X509TrustManager pinning(byte[] pin) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (!MessageDigest.isEqual(NoviceKeys.fingerprint(chain[0]), pin)) throw new CertificateException("not pinned");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
