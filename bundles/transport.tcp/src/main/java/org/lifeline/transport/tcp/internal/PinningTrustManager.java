package org.lifeline.transport.tcp.internal;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 the ticket carries. No CA, no host name: the
 * novice's certificate is self-signed and the address may be anything the person typed. Extending
 * {@link X509ExtendedTrustManager} keeps the JDK from wrapping it with its own host-name checks.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final byte[] pin;

    PinningTrustManager(byte[] pin) {
        this.pin = pin.clone();
    }

    /** Thrown for a certificate that is not the pinned one; the dialer tells it apart from other TLS failures. */
    static final class PinMismatchException extends CertificateException {
        private static final long serialVersionUID = 1L;

        PinMismatchException() {
            super("the server certificate is not the one pinned by the ticket");
        }
    }

    static boolean isPinMismatch(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PinMismatchException) return true;
        }
        return false;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) throw new PinMismatchException();
        // No validity-date check: the pin is the identity, the novice's gate enforces the invitation's expiry, and
        // a date check would only turn a few minutes of clock difference between the two computers into a failure.
        if (!MessageDigest.isEqual(pin, Fingerprints.of(chain[0]))) throw new PinMismatchException();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the expert side never accepts TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
