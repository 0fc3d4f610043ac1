package org.lifeline.transport.tcp.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Both sides' pipelines, top to bottom: TLS, the idle watch, framing, then the handshake, which hands over to a
 * {@link ConnectionHandler} once both sides have proven the password.
 */
final class Pipelines {
    private Pipelines() {
    }

    static void build(Channel channel, SslContext tls, TransportSettings settings, long handshakeMillis,
            HandshakeHandler handshake) {
        SslHandler ssl = tls.newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(handshakeMillis);
        ChannelPipeline p = channel.pipeline();
        p.addLast("tls", ssl);
        p.addLast("idle", new IdleStateHandler(settings.idleTimeoutMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("frameDecoder", new FrameDecoder());
        p.addLast("frameEncoder", new FrameEncoder());
        p.addLast("handshake", handshake);
    }
}
