package org.lifeline.transport.tcp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.ConnectRequest;

/**
 * The expert's way in (DESIGN §8): the ticket's candidates are tried in order, the next one started after the
 * stagger or as soon as the latest one fails, all in parallel from then on; the first that completes the whole
 * handshake wins and the others are closed. The novice's own refusal ends the run at once. Every attempt of one
 * run lives on one event loop, so the run needs no locks and the password is wiped with nothing still reading it.
 */
final class CandidateDialer {
    static final Duration DEFAULT_STAGGER = Duration.ofMillis(500);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    static final int FINGERPRINT_BYTES = 32;
    static final String ADVICE = "Check the addresses in the ticket; if the novice is behind a router (NAT), put "
            + "the router's public address first; the invitation may also have expired or been revoked: ask the novice for a new one.";

    private final EventLoopGroup group;
    private final TransportSettings settings;
    private final SecureRandom random;
    private final Consumer<Connection> tracker;
    private final Executor resolver;

    /** @param resolver runs blocking host name look-ups */
    CandidateDialer(EventLoopGroup group, TransportSettings settings, SecureRandom random, Consumer<Connection> tracker,
            Executor resolver) {
        this.group = group;
        this.resolver = resolver;
        this.settings = settings;
        this.random = random;
        this.tracker = tracker;
    }

    CompletableFuture<Connection> connect(ConnectRequest request) {
        byte[] password = HandshakeMessages.utf8(request.password());
        if (request.password() != null) Arrays.fill(request.password(), '\0');
        try {
            validate(request);
        } catch (LifelineException e) {
            Arrays.fill(password, (byte) 0);
            return CompletableFuture.failedFuture(e);
        }
        Run run = new Run(request, password);
        run.start();
        return run.future;
    }

    private static void validate(ConnectRequest request) {
        if (request.candidates() == null || request.candidates().isEmpty()) {
            throw new LifelineException("the ticket lists no address to connect to: ask the novice for a new invitation");
        }
        if (request.certificateFingerprint() == null || request.certificateFingerprint().length != FINGERPRINT_BYTES) {
            throw new LifelineException("the ticket's certificate fingerprint is damaged: ask the novice to send "
                    + "the invitation again");
        }
        if (request.hello() == null || request.hello().invitationId() == null || request.hello().invitationId().isEmpty()) {
            throw new LifelineException("the ticket has no invitation id: ask the novice to send the invitation again");
        }
        if (request.hello().invitationId().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > HandshakeMessages.MAX_INVITATION_ID_BYTES) {
            throw new LifelineException("the ticket's invitation id is too long: ask the novice to send the "
                    + "invitation again");
        }
        String name = request.hello().expertName();
        if (name == null || name.length() > HandshakeMessages.MAX_EXPERT_NAME_CHARS) {
            throw new LifelineException("the expert's name must be at most " + HandshakeMessages.MAX_EXPERT_NAME_CHARS
                    + " characters: choose a shorter name");
        }
    }

    private final class Run {
        final CompletableFuture<Connection> future = new CompletableFuture<>();
        private final ConnectRequest request;
        private final byte[] password;
        private final EventLoop loop = group.next();
        private final List<HostPort> candidates;
        private final SslContext tls;
        private final long staggerMillis;
        private final long timeoutMillis;
        private final Channel[] channels;
        private final String[] reasons;
        private final boolean[] over;
        private int started;
        private boolean done;
        private ScheduledFuture<?> stagger;
        private ScheduledFuture<?> deadline;

        Run(ConnectRequest request, byte[] password) {
            this.request = request;
            this.password = password;
            this.candidates = List.copyOf(request.candidates());
            this.tls = TlsContexts.expert(request.certificateFingerprint());
            this.staggerMillis = positive(request.stagger(), DEFAULT_STAGGER);
            this.timeoutMillis = positive(request.timeout(), DEFAULT_TIMEOUT);
            this.channels = new Channel[candidates.size()];
            this.reasons = new String[candidates.size()];
            this.over = new boolean[candidates.size()];
        }

        void start() {
            // a caller who cancels or abandons the future must not leave attempts running
            future.whenComplete((c, e) -> {
                try {
                    loop.execute(this::finished);
                } catch (RejectedExecutionException stopped) {
                    Arrays.fill(password, (byte) 0);
                }
            });
            onLoop(() -> {
                deadline = loop.schedule(this::timeUp, timeoutMillis, TimeUnit.MILLISECONDS);
                next();
            });
        }

        private void next() {
            if (done || started == candidates.size()) return;
            int i = started++;
            attempt(i);
            if (started < candidates.size()) {
                stagger = loop.schedule(this::next, staggerMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void attempt(int i) {
            HostPort candidate = candidates.get(i);
            CompletableFuture<ConnectionHandler> result = new CompletableFuture<>();
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(settings.writeLowWaterMark(), settings.writeHighWaterMark()))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            Pipelines.build(ch, tls, settings, timeoutMillis, new ExpertHandshake(settings,
                                    timeoutMillis, request.hello(), password, Fingerprints::peerOf, random,
                                    candidate.toString(), result));
                        }
                    });
            // Netty's default resolver would block this run's event loop on a slow DNS server
            CompletableFuture<InetAddress> resolved;
            try {
                resolved = CompletableFuture.supplyAsync(() -> resolve(candidate.host()), resolver);
            } catch (RejectedExecutionException stopped) {
                resolved = CompletableFuture.failedFuture(stopped);
            }
            resolved.whenComplete((address, error) -> onLoop(() -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    result.completeExceptionally(AttemptFailure.failed(connectFailure(cause)));
                } else if (done) {
                    result.completeExceptionally(AttemptFailure.failed("not needed any more"));
                } else {
                    ChannelFuture connecting = bootstrap.connect(new InetSocketAddress(address, candidate.port()));
                    channels[i] = connecting.channel();
                    connecting.addListener(f -> {
                        if (!f.isSuccess()) {
                            result.completeExceptionally(AttemptFailure.failed(connectFailure(f.cause())));
                        }
                    });
                }
            }));
            result.whenComplete((connection, error) -> onLoop(() -> attemptOver(i, connection, error)));
        }

        private void onLoop(Runnable task) {
            if (loop.inEventLoop()) {
                task.run();
                return;
            }
            try {
                loop.execute(task);
            } catch (RejectedExecutionException stopped) {
                future.completeExceptionally(new LifelineException(
                        "the network part of Lifeline stopped while connecting: try again in a moment"));
            }
        }

        private void attemptOver(int i, ConnectionHandler connection, Throwable error) {
            over[i] = true;
            if (connection != null) {
                if (done) {
                    connection.close("another address of the novice answered first");
                    return;
                }
                done = true;
                closeAllBut(i);
                tracker.accept(connection);
                future.complete(connection);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (reasons[i] == null) {
                reasons[i] = cause instanceof AttemptFailure ? cause.getMessage() : ExpertHandshake.rootMessage(cause);
            }
            if (done) return;
            if (cause instanceof AttemptFailure failure && failure.isFinal()) {
                done = true;
                closeAllBut(-1);
                future.completeExceptionally(new LifelineException(failure.getMessage()));
                return;
            }
            if (started == candidates.size()) {
                for (boolean o : over) if (!o) return;
                done = true;
                future.completeExceptionally(new LifelineException(allFailed()));
            } else if (i == started - 1) {
                if (stagger != null) stagger.cancel(false);
                next();
            }
        }

        private void timeUp() {
            if (done) return;
            done = true;
            for (int i = 0; i < candidates.size(); i++) {
                if (reasons[i] == null) reasons[i] = i < started ? "timed out" : "not tried (time ran out)";
            }
            closeAllBut(-1);
            future.completeExceptionally(new LifelineException(allFailed()));
        }

        private String allFailed() {
            if (candidates.size() == 1 && reasons[0].startsWith("the computer at ")) {
                return reasons[0] + ": check the address in the ticket, or ask the novice to send the invitation again";
            }
            List<String> each = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) each.add(candidates.get(i) + ": " + reasons[i]);
            return "could not connect to the novice: " + String.join("; ", each) + ". " + ADVICE;
        }

        private void closeAllBut(int winner) {
            if (stagger != null) stagger.cancel(false);
            if (deadline != null) deadline.cancel(false);
            for (int i = 0; i < started; i++) {
                if (i != winner && channels[i] != null) channels[i].close();
            }
        }

        private void finished() {
            if (!done) {
                done = true;
                closeAllBut(-1);
            }
            Arrays.fill(password, (byte) 0);
        }
    }

    private static long positive(Duration d, Duration fallback) {
        return d == null || d.isNegative() || d.isZero() ? fallback.toMillis() : d.toMillis();
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    static String connectFailure(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) return "timed out";
        if (cause instanceof NoRouteToHostException) return "no route to host";
        if (cause instanceof UnknownHostException) return "unknown host";
        if (cause instanceof ConnectException) {
            String m = cause.getMessage();
            return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("refused") ? "connection refused"
                    : "could not connect (" + m + ")";
        }
        return "could not connect (" + ExpertHandshake.rootMessage(cause) + ")";
    }
}
