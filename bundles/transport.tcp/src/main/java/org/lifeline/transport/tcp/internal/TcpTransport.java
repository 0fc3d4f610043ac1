package org.lifeline.transport.tcp.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.lifeline.api.LifelineException;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.ConnectRequest;
import org.lifeline.api.transport.ListenRequest;
import org.lifeline.api.transport.Listener;
import org.lifeline.api.transport.Transport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Netty TCP with TLS 1.3 and an SRP-6a password proof: the novice listens, the expert connects. One event loop
 * group per component instance, shut down on deactivation (which ends every connection it carries).
 */
@Component(service = Transport.class, property = Transport.TRANSPORT_ID + "=tcp",
        configurationPid = TcpTransport.PID)
@Designate(ocd = TcpTransport.Config.class)
public class TcpTransport implements Transport {
    static final String PID = "org.lifeline.transport.tcp";
    /** How long deactivation waits for connections to close before the threads are stopped anyway. */
    static final long SHUTDOWN_TIMEOUT_MILLIS = 3_000;
    private static final long SHUTDOWN_QUIET_MILLIS = 100;

    @ObjectClassDefinition(name = "Lifeline TCP transport", description = "Timers and limits of the TLS connections")
    public @interface Config {
        @AttributeDefinition(description = "I/O threads")
        int ioThreads() default TransportSettings.IO_THREADS;

        @AttributeDefinition(description = "Milliseconds a new connection has to finish TLS and the password proof")
        long handshakeTimeoutMillis() default TransportSettings.HANDSHAKE_TIMEOUT_MILLIS;

        @AttributeDefinition(description = "Milliseconds without hearing anything before a connection counts as lost")
        long idleTimeoutMillis() default TransportSettings.IDLE_TIMEOUT_MILLIS;

        @AttributeDefinition(description = "Milliseconds between keep-alive pings")
        long pingIntervalMillis() default TransportSettings.PING_INTERVAL_MILLIS;

        @AttributeDefinition(description = "Connections per invitation that may be authenticating at once")
        int maxUnauthenticated() default TransportSettings.MAX_UNAUTHENTICATED;
    }

    static final String SHUTTING_DOWN = "Lifeline is shutting down on the other computer";

    private final List<NoviceListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private volatile EventLoopGroup group;
    private volatile TransportSettings settings;
    private CandidateDialer dialer;
    private ExecutorService resolver;

    @Activate
    void activate(Config config) {
        TransportSettings d = TransportSettings.DEFAULTS;
        start(new TransportSettings(Math.max(1, config.ioThreads()), config.handshakeTimeoutMillis(),
                config.idleTimeoutMillis(), config.pingIntervalMillis(), Math.max(1, config.maxUnauthenticated()),
                d.maxPendingBytes(), d.writeLowWaterMark(), d.writeHighWaterMark(), null));
    }

    void start(TransportSettings s) {
        settings = s;
        group = new MultiThreadIoEventLoopGroup(s.ioThreads(), new DefaultThreadFactory("lifeline-tcp", true),
                NioIoHandler.newFactory());
        resolver = Executors.newCachedThreadPool(new DefaultThreadFactory("lifeline-resolve", true));
        dialer = new CandidateDialer(group, s, random, this::track, resolver);
    }

    @Deactivate
    void deactivate() {
        for (NoviceListener l : new ArrayList<>(listeners)) l.close();
        // a goodbye with a reason beats the bare "connection lost" the group's shutdown would leave behind;
        // the group closes its channels before running queued tasks, so the goodbyes must leave first
        List<Connection> open = new ArrayList<>(connections);
        CountDownLatch closed = new CountDownLatch(open.size());
        for (Connection c : open) {
            c.onClose(reason -> closed.countDown());
            c.close(SHUTTING_DOWN);
        }
        try {
            closed.await(ConnectionHandler.BYE_GRACE_MILLIS + SHUTDOWN_QUIET_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EventLoopGroup g = group;
        group = null;
        if (resolver != null) resolver.shutdownNow();
        if (g != null) {
            g.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS + 1_000);
        }
    }

    @Override
    public Listener listen(ListenRequest request) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.identity(), "identity");
        Objects.requireNonNull(request.gatekeeper(), "gatekeeper");
        Objects.requireNonNull(request.onConnection(), "onConnection");
        NoviceListener listener = NoviceListener.bind(running(), settings, request, random, this::track,
                listeners::remove);
        listeners.add(listener);
        return listener;
    }

    @Override
    public CompletableFuture<Connection> connect(ConnectRequest request) {
        Objects.requireNonNull(request, "request");
        running();
        return dialer.connect(request);
    }

    /** Every authenticated connection, both sides, until it closes. */
    private void track(Connection connection) {
        connections.add(connection);
        connection.onClose(reason -> connections.remove(connection));
    }

    private EventLoopGroup running() {
        EventLoopGroup g = group;
        if (g == null || g.isShuttingDown()) {
            throw new LifelineException("the network part of Lifeline is stopping: try again in a moment");
        }
        return g;
    }
}
