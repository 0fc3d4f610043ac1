package org.lifeline.transport.tcp.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** SHA-256 of a certificate's DER encoding: what the ticket pins. */
final class Fingerprints {
    private Fingerprints() {
    }

    static byte[] of(Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** The certificate the TLS peer presented on this channel (the expert's view of the novice). */
    static byte[] peerOf(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        try {
            return of(tls.engine().getSession().getPeerCertificates()[0]);
        } catch (SSLPeerUnverifiedException e) {
            throw new IllegalStateException("TLS finished without a peer certificate", e);
        }
    }

    /** Where a handshake handler learns the fingerprint as its side sees it; tests without TLS supply their own. */
    @FunctionalInterface
    interface Source {
        byte[] fingerprint(ChannelHandlerContext ctx);
    }
}
