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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * sockets cost the novice only a slot each, never memory beyond the handshake frame limit. The connection closed
 * is the oldest of the address holding the most slots, so a computer flooding the port pushes out its own
 * connections, never a handshake from another address.
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
                evicted = oldestOfBusiestAddress();
                unauthenticated.remove(evicted);
            }
            unauthenticated.add(ch);
        }
        if (evicted != null) {
            LOG.log(Level.FINE, "Too many connections are still unauthenticated; closing the oldest, from {0}",
                    evicted.remoteAddress());
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

    /** The oldest connection of the address with the most waiting connections (the oldest address on a tie). */
    private Channel oldestOfBusiestAddress() {
        Map<InetAddress, Integer> count = new HashMap<>();
        Map<InetAddress, Channel> oldest = new HashMap<>();
        Channel evict = null;
        int most = 0;
        for (Channel c : unauthenticated) {
            InetAddress a = address(c);
            int n = count.merge(a, 1, Integer::sum);
            oldest.putIfAbsent(a, c);
            if (n > most) {
                most = n;
                evict = oldest.get(a);
            }
        }
        return evict;
    }

    private static InetAddress address(Channel ch) {
        return ch.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
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
