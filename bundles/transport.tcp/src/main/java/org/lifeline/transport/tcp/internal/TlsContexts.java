package org.lifeline.transport.tcp.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.NoviceIdentity;

/** TLS 1.3 only, on the JDK's provider (no native library to ship per platform). */
final class TlsContexts {
    static final String TLS_1_3 = "TLSv1.3";

    private TlsContexts() {
    }

    static SslContext novice(NoviceIdentity identity) {
        try {
            return SslContextBuilder.forServer(identity.privateKey(), identity.certificate())
                    .sslProvider(SslProvider.JDK).protocols(TLS_1_3).build();
        } catch (SSLException | RuntimeException e) {
            throw new LifelineException("the invitation's key cannot be used for a secure connection ("
                    + e.getMessage() + "): make a new invitation", e);
        }
    }

    static SslContext expert(byte[] pin) {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols(TLS_1_3)
                    .trustManager(new PinningTrustManager(pin))
                    // the pin is the identity; host names in a ticket are whatever the person typed
                    .endpointIdentificationAlgorithm(null).build();
        } catch (SSLException e) {
            throw new LifelineException("this computer cannot open a TLS 1.3 connection (" + e.getMessage()
                    + "): update Java", e);
        }
    }
}
