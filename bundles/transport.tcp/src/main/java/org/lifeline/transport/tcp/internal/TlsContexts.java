package org.lifeline.transport.tcp.internal;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.NoviceIdentity;

/**
 * TLS 1.3 only. On BoringSSL (netty-tcnative) when the distribution has a build for this platform: it cost the
 * novice a third less CPU for TLS and spared the JIT the JDK's TLS code (launcher/bench/RESULTS.md); on the JDK's
 * provider otherwise, or when the system property {@value #ENGINE_PROPERTY} is {@code jdk}.
 */
final class TlsContexts {
    static final String TLS_1_3 = "TLSv1.3";
    /** {@code jdk} keeps TLS on the JDK's provider even where the native one is available. */
    static final String ENGINE_PROPERTY = "lifeline.tls.engine";
    private static final Logger LOG = Logger.getLogger(TlsContexts.class.getName());
    private static final AtomicBoolean announced = new AtomicBoolean();

    private TlsContexts() {
    }

    static SslProvider provider() {
        SslProvider provider = "jdk".equalsIgnoreCase(System.getProperty(ENGINE_PROPERTY)) || !OpenSsl.isAvailable()
                ? SslProvider.JDK : SslProvider.OPENSSL;
        // said at the first connection, not at start-up: loading the native library takes ≈ 150 ms
        if (!announced.getAndSet(true)) LOG.log(Level.INFO, "TLS 1.3 by {0}", describe(provider));
        return provider;
    }

    /** For the log: which TLS implementation connections use. */
    static String engine() {
        return describe(provider());
    }

    private static String describe(SslProvider provider) {
        return provider == SslProvider.OPENSSL ? OpenSsl.versionString() + " (netty-tcnative)" : "the JDK's TLS";
    }

    static SslContext novice(NoviceIdentity identity) {
        try {
            return SslContextBuilder.forServer(identity.privateKey(), identity.certificate())
                    .sslProvider(provider()).protocols(TLS_1_3).build();
        } catch (SSLException | RuntimeException e) {
            throw new LifelineException("the invitation's key cannot be used for a secure connection ("
                    + e.getMessage() + "): make a new invitation", e);
        }
    }

    static SslContext expert(byte[] pin) {
        try {
            return SslContextBuilder.forClient().sslProvider(provider()).protocols(TLS_1_3)
                    .trustManager(new PinningTrustManager(pin))
                    // the pin is the identity; host names in a ticket are whatever the person typed
                    .endpointIdentificationAlgorithm(null).build();
        } catch (SSLException e) {
            throw new LifelineException("this computer cannot open a TLS 1.3 connection (" + e.getMessage()
                    + "): update Java", e);
        }
    }
}
