package org.lifeline.transport.tcp.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lifeline.api.LifelineException;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.ListenRequest;
import org.lifeline.api.transport.Listener;

/**
 * One novice's listening socket for one invitation.
 *
 * <p>At most {@code maxUnauthenticated} connections may be in TLS or the handshake at once. When one more
 * arrives, the <em>oldest</em> unauthenticated one is closed, not the newcomer: refusing newcomers would let 64
 * silent sockets lock the real expert out until their deadline, while evicting the oldest means an attacker must
 * open 64 connections within one real handshake (well under a second) to push the expert out, and silent
 * sockets cost the novice only a slot each, never memory beyond the handshake frame limit.
 */
final class NoviceListener implements Listener {
    private static final Logger LOG = Logger.getLogger(NoviceListener.class.getName());

    private final TransportSettings settings;
    private final ListenRequest request;
    private final SslContext tls;
    private final byte[] fingerprint;
    private final SecureRandom random;
    private final LinkedHashSet<Channel> unauthenticated = new LinkedHashSet<>();
    private final Consumer<Connection> tracker;
    private final Consumer<NoviceListener> onClosed;
    private Channel server;
    private int port;

    private NoviceListener(TransportSettings settings, ListenRequest request, SecureRandom random,
            Consumer<Connection> tracker, Consumer<NoviceListener> onClosed) {
        this.tracker = tracker;
        this.settings = settings;
        this.request = request;
        this.tls = TlsContexts.novice(request.identity());
        this.fingerprint = Fingerprints.of(request.identity().certificate());
        this.random = random;
        this.onClosed = onClosed;
    }

    static NoviceListener bind(EventLoopGroup group, TransportSettings settings, ListenRequest request,
            SecureRandom random, Consumer<Connection> tracker, Consumer<NoviceListener> onClosed) {
        NoviceListener listener = new NoviceListener(settings, request, random, tracker, onClosed);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.writeLowWaterMark(), settings.writeHighWaterMark()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        listener.accept(ch);
                    }
                });
        InetSocketAddress address = settings.bindHost() == null ? new InetSocketAddress(request.port())
                : new InetSocketAddress(settings.bindHost(), request.port());
        var bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            if (cause instanceof BindException) {
                throw new LifelineException("port " + request.port() + " is already in use on this computer: "
                        + "choose another port, or 0 for any free one", cause);
            }
            throw new LifelineException("cannot listen for the expert on port " + request.port() + " ("
                    + ExpertHandshake.rootMessage(cause) + ")", cause);
        }
        listener.server = bound.channel();
        listener.port = ((InetSocketAddress) bound.channel().localAddress()).getPort();
        return listener;
    }

    private void accept(SocketChannel ch) {
        Channel evicted = null;
        synchronized (unauthenticated) {
            if (unauthenticated.size() >= settings.maxUnauthenticated()) {
                Iterator<Channel> oldest = unauthenticated.iterator();
                evicted = oldest.next();
                oldest.remove();
            }
            unauthenticated.add(ch);
        }
        if (evicted != null) {
            LOG.log(Level.FINE, "{0} connections are still unauthenticated; closing the oldest, from {1}",
                    new Object[] {settings.maxUnauthenticated(), evicted.remoteAddress()});
            CloseReason.offer(evicted, "too many connections were waiting to authenticate");
            evicted.close();
        }
        ch.closeFuture().addListener(f -> authenticatedOrGone(ch));
        Pipelines.build(ch, tls, settings, settings.handshakeTimeoutMillis(),
                new NoviceHandshake(settings, request.gatekeeper(), fingerprint, random, connection -> {
                    authenticatedOrGone(ch);
                    tracker.accept(connection);
                }, this::handOver));
    }

    private void authenticatedOrGone(Channel ch) {
        synchronized (unauthenticated) {
            unauthenticated.remove(ch);
        }
    }

    private void handOver(Connection connection) {
        try {
            request.onConnection().accept(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The session refused a new connection", e);
            connection.close("the novice's computer could not start the session");
        }
    }

    /** Connections still in TLS or the handshake (for tests and diagnostics). */
    int unauthenticatedCount() {
        synchronized (unauthenticated) {
            return unauthenticated.size();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (server.eventLoop().inEventLoop()) {
            server.close();
        } else {
            server.close().awaitUninterruptibly();
        }
        List<Channel> pending;
        synchronized (unauthenticated) {
            pending = new ArrayList<>(unauthenticated);
            unauthenticated.clear();
        }
        pending.forEach(Channel::close);
        onClosed.accept(this);
    }
}
