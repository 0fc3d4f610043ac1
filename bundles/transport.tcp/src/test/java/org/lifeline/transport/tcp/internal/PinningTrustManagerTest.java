package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.lifeline.api.invitation.NoviceIdentity;

class PinningTrustManagerTest {
    private final NoviceIdentity novice = TestSupport.identity("novice");
    private final PinningTrustManager trust = new PinningTrustManager(Fingerprints.of(novice.certificate()));

    @Test
    void thePinnedCertificateIsTrusted() {
        assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] {novice.certificate()}, "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
    }

    @Test
    void anyOtherCertificateIsAPinMismatch() {
        X509Certificate other = TestSupport.identity("novice").certificate();
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other}, "ECDHE_ECDSA"))
                .isInstanceOf(PinningTrustManager.PinMismatchException.class);
    }

    @Test
    void aMismatchIsRecognisedInsideTheTlsFailure() {
        var tls = new javax.net.ssl.SSLHandshakeException("certificate_unknown");
        tls.initCause(new PinningTrustManager.PinMismatchException());
        assertThat(PinningTrustManager.isPinMismatch(tls)).isTrue();
        assertThat(PinningTrustManager.isPinMismatch(new javax.net.ssl.SSLHandshakeException("other"))).isFalse();
    }

    @Test
    void anEmptyChainIsAPinMismatch() {
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
                .isInstanceOf(PinningTrustManager.PinMismatchException.class);
    }

    @Test
    void theExpertSideNeverTrustsClients() {
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {novice.certificate()}, "ECDHE_ECDSA"))
                .isInstanceOf(java.security.cert.CertificateException.class);
    }
}
