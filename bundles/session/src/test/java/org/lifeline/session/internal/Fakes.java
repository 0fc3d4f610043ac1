package org.lifeline.session.internal;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.lifeline.api.LifelineException;
import org.lifeline.api.input.EscapeWatcher;
import org.lifeline.api.input.InputSink;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.invitation.InvitationGate;
import org.lifeline.api.invitation.NoviceIdentity;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketCodec;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.policy.AssistancePolicy;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionEvent;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionListener;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.ConnectRequest;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.Hello;
import org.lifeline.api.transport.ListenRequest;
import org.lifeline.api.transport.Listener;
import org.lifeline.api.transport.Transport;
import org.lifeline.api.transport.WireChannel;
import org.osgi.service.log.Logger;

/**
 * In-memory stand-ins for the other bundles. The connection pair delivers each side's frames in order on
 * its own thread, as a transport's event loop would; the real transport is tested in its own bundle.
 */
final class Fakes {
    static final Duration WAIT = Duration.ofSeconds(10);

    private Fakes() {
    }

    /** One end of an in-memory connection; frames reach the other end on that end's delivery thread. */
    static final class FakeConnection implements Connection {
        private final String peer;
        private final Hello hello;
        private final ExecutorService delivery;
        private FakeConnection other;
        private volatile BiConsumer<WireChannel, byte[]> receiver;
        private final List<Object[]> early = new ArrayList<>();
        private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final AtomicBoolean told = new AtomicBoolean();
        private final AtomicLong in = new AtomicLong();
        private final AtomicLong out = new AtomicLong();
        final List<WireChannel> sentChannels = new CopyOnWriteArrayList<>();
        volatile String closedWith;

        private FakeConnection(String peer, Hello hello, String thread) {
            this.peer = peer;
            this.hello = hello;
            this.delivery = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            });
        }

        /** [expert's end, novice's end]. */
        static FakeConnection[] pair(Hello hello) {
            FakeConnection expert = new FakeConnection("127.0.0.1:40000", hello, "fake-expert-io");
            FakeConnection novice = new FakeConnection("127.0.0.1:50000", hello, "fake-novice-io");
            expert.other = novice;
            novice.other = expert;
            return new FakeConnection[] { expert, novice };
        }

        @Override
        public String peer() {
            return peer;
        }

        @Override
        public Hello hello() {
            return hello;
        }

        @Override
        public boolean send(WireChannel channel, byte[] payload) {
            if (!open.get()) return false;
            sentChannels.add(channel);
            out.addAndGet(payload.length);
            byte[] copy = payload.clone();
            other.delivery.execute(() -> other.arrive(channel, copy));
            return true;
        }

        private void arrive(WireChannel channel, byte[] payload) {
            if (!open.get()) return;
            in.addAndGet(payload.length);
            BiConsumer<WireChannel, byte[]> r;
            synchronized (early) {
                r = receiver;
                if (r == null) {
                    early.add(new Object[] { channel, payload });
                    return;
                }
            }
            r.accept(channel, payload);
        }

        @Override
        public void onFrame(BiConsumer<WireChannel, byte[]> r) {
            delivery.execute(() -> {
                List<Object[]> pending;
                synchronized (early) {
                    receiver = r;
                    pending = new ArrayList<>(early);
                    early.clear();
                }
                for (Object[] f : pending) r.accept((WireChannel) f[0], (byte[]) f[1]);
            });
        }

        @Override
        public void onClose(Consumer<String> listener) {
            closeListeners.add(listener);
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public void close(String reason) {
            if (!open.getAndSet(false)) return;
            closedWith = reason;
            // frames already queued still reach the peer, as a flushing close would deliver them
            other.delivery.execute(() -> other.ended("the other side closed the connection: " + reason));
            delivery.execute(() -> ended(reason));
        }

        /** The network failed: both ends learn it at once. */
        void drop() {
            open.set(false);
            other.open.set(false);
            delivery.execute(() -> ended("the connection was lost"));
            other.delivery.execute(() -> other.ended("the connection was lost"));
        }

        private void ended(String reason) {
            open.set(false);
            if (told.compareAndSet(false, true)) {
                for (Consumer<String> l : closeListeners) l.accept(reason);
            }
        }

        @Override
        public long bytesIn() {
            return in.get();
        }

        @Override
        public long bytesOut() {
            return out.get();
        }

        @Override
        public long roundTripMillis() {
            return 1;
        }

        @Override
        public long pendingBytes() {
            return 0;
        }

        FakeConnection other() {
            return other;
        }
    }

    /** Both machines' transports: a novice's listen request is found by its port. */
    static final class FakeNetwork {
        final Map<Integer, ListenRequest> listening = new ConcurrentHashMap<>();
        final List<ConnectRequest> connects = new CopyOnWriteArrayList<>();
        final List<FakeConnection[]> pairs = new CopyOnWriteArrayList<>();
        private final AtomicInteger nextPort = new AtomicInteger(45000);

        Transport transport() {
            return new Transport() {
                @Override
                public Listener listen(ListenRequest request) {
                    int port = request.port() == 0 ? nextPort.incrementAndGet() : request.port();
                    if (listening.putIfAbsent(port, request) != null) {
                        throw new LifelineException("port " + port + " is in use");
                    }
                    return new Listener() {
                        @Override
                        public int port() {
                            return port;
                        }

                        @Override
                        public void close() {
                            listening.remove(port, request);
                        }
                    };
                }

                @Override
                public CompletableFuture<Connection> connect(ConnectRequest request) {
                    connects.add(request);
                    String password = request.password() == null ? "" : new String(request.password());
                    CompletableFuture<Connection> result = new CompletableFuture<>();
                    ListenRequest target = request.candidates().stream().map(c -> listening.get(c.port()))
                            .filter(r -> r != null).findFirst().orElse(null);
                    if (target == null) {
                        result.completeExceptionally(new LifelineException("nobody listens at " + request.candidates()));
                        return result;
                    }
                    Admission a = target.gatekeeper().admit(request.hello());
                    if (!a.admitted()) {
                        result.completeExceptionally(new LifelineException(a.refusal()));
                        return result;
                    }
                    if (!password.equals(new String(a.srpVerifier(), StandardCharsets.UTF_8))) {
                        target.gatekeeper().failedAttempt(request.hello());
                        result.completeExceptionally(new LifelineException("wrong password"));
                        return result;
                    }
                    target.gatekeeper().succeeded(request.hello());
                    FakeConnection[] pair = FakeConnection.pair(request.hello());
                    pairs.add(pair);
                    target.onConnection().accept(pair[1]);
                    result.complete(pair[0]);
                    return result;
                }
            };
        }
    }

    /** The invitation store: one open invitation whose "verifier" is just the password, for the fake transport. */
    static final class FakeGate implements InvitationGate {
        final Map<String, String> passwords = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile String refusal;

        @Override
        public Admission admit(String invitationId) {
            calls.add("admit " + invitationId);
            if (refusal != null) return Admission.refused(refusal);
            String pw = passwords.get(invitationId);
            if (pw == null) return Admission.refused("there is no such invitation");
            return new Admission(null, new byte[16], pw.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Optional<NoviceIdentity> identity(String invitationId) {
            return passwords.containsKey(invitationId) ? Optional.of(new NoviceIdentity(null, null)) : Optional.empty();
        }

        @Override
        public void failedAttempt(String invitationId) {
            calls.add("failed " + invitationId);
        }

        @Override
        public void succeeded(String invitationId) {
            calls.add("succeeded " + invitationId);
        }

        @Override
        public void sessionStarted(String invitationId) {
            calls.add("session " + invitationId);
        }
    }

    /** Returns a fixed ticket for any file (the real codec is tested in the ticket bundle). */
    static final class FakeTicketCodec implements TicketCodec {
        volatile Ticket ticket;

        @Override
        public byte[] write(Ticket t) {
            return new byte[0];
        }

        @Override
        public Ticket read(byte[] file) throws TicketException {
            if (file.length == 0) throw new TicketException(TicketException.Reason.NOT_XML, "the file is empty");
            return ticket;
        }
    }

    static final class FakePolicy implements AssistancePolicy {
        volatile boolean controlEnabled = true;

        @Override
        public boolean invitationsEnabled() {
            return true;
        }

        @Override
        public boolean controlEnabled() {
            return controlEnabled;
        }

        @Override
        public Duration defaultExpiry() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration maxExpiry() {
            return Duration.ofDays(99);
        }

        @Override
        public boolean passwordRequired() {
            return false;
        }
    }

    static final class RecordingListener implements SessionListener {
        final BlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();
        final List<SessionEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void sessionEvent(SessionEvent event) {
            all.add(event);
            events.add(event);
        }

        /** The first event (from now on) that matches; earlier non-matching ones are consumed. */
        SessionEvent await(Predicate<SessionEvent> p) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (;;) {
                SessionEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) throw new AssertionError("no matching event within " + WAIT + "; saw " + all);
                if (p.test(e)) return e;
            }
        }

        SessionEvent await(String sessionId, SessionEvent.Type type) throws InterruptedException {
            return await(e -> e.sessionId().equals(sessionId) && e.type() == type);
        }

        SessionEvent awaitState(String sessionId, SessionState state) throws InterruptedException {
            return await(e -> e.sessionId().equals(sessionId) && e.state() == state);
        }
    }

    /** Records what a feature is told, in order. */
    static final class RecordingFeature implements SessionFeature {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final List<Session> sessions = new CopyOnWriteArrayList<>();

        private void add(String call) {
            calls.add(call);
            queue.add(call);
        }

        @Override
        public void started(Session session) {
            sessions.add(session);
            add("started " + session.id());
        }

        @Override
        public void received(Session session, byte[] payload) {
            add("received " + session.id() + " " + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void stateChanged(Session session, SessionState state) {
            add("state " + session.id() + " " + state);
        }

        @Override
        public void ended(Session session) {
            add("ended " + session.id());
        }

        String await(Predicate<String> p) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (;;) {
                String c = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (c == null) throw new AssertionError("no matching call within " + WAIT + "; saw " + calls);
                if (p.test(c)) return c;
            }
        }
    }

    static final class RecordingInputSink implements InputSink {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

        @Override
        public void pointer(int x, int y, int buttonMask) {
            calls.add("pointer " + x + " " + y + " " + buttonMask);
        }

        @Override
        public void wheel(int dx, int dy) {
            calls.add("wheel " + dx + " " + dy);
        }

        @Override
        public void key(int keysym, boolean down) {
            calls.add(String.format("key 0x%x %s", keysym, down ? "down" : "up"));
        }

        @Override
        public void area(int originX, int originY) {
            calls.add("area " + originX + " " + originY);
        }

        @Override
        public void releaseAll() {
            calls.add("release all");
        }

        String next() throws InterruptedException {
            String c = calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (c == null) throw new AssertionError("the input sink got nothing within " + WAIT);
            return c;
        }
    }

    /** Stands in for the native Esc hook: {@link #press()} fires from the watcher's own thread. */
    static final class FakeEscapeWatcher implements EscapeWatcher {
        private volatile Runnable onEscape;
        private volatile CountDownLatch watching = new CountDownLatch(1);
        private volatile CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger watches = new AtomicInteger();

        @Override
        public AutoCloseable watch(Runnable callback) {
            onEscape = callback;
            watches.incrementAndGet();
            stopped = new CountDownLatch(1);
            watching.countDown();
            return () -> {
                onEscape = null;
                watching = new CountDownLatch(1);
                stopped.countDown();
            };
        }

        void awaitWatching() throws InterruptedException {
            if (!watching.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("never watched for Esc");
        }

        void awaitStopped() throws InterruptedException {
            if (!stopped.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("still watching for Esc");
        }

        boolean isWatching() {
            return onEscape != null;
        }

        void press() {
            Runnable r = onEscape;
            if (r == null) throw new AssertionError("Esc pressed while nobody watches");
            Thread t = new Thread(r, "fake-escape-hook");
            t.start();
        }
    }

    /** Waits until a log line contains {@code text} (the frame was handled on another thread). */
    static void awaitLine(List<String> log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (log.stream().noneMatch(l -> l.contains(text))) {
            if (System.nanoTime() > deadline) throw new AssertionError("no log line with '" + text + "' in " + log);
            Thread.sleep(5);
        }
    }

    /** An OSGi Logger that keeps every message (with its arguments filled in) for assertions. */
    static Logger recordingLogger(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("is")) return true;
                    if (name.equals("getName")) return "test";
                    if (args != null && args.length > 0 && args[0] instanceof String format) {
                        Object[] rest = args.length == 2 && args[1] instanceof Object[] a ? a
                                : Arrays.copyOfRange(args, 1, args.length);
                        lines.add(name + ": " + fill(format, rest));
                    }
                    return null;
                });
    }

    private static String fill(String format, Object[] args) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (Object a : args) {
            int at = format.indexOf("{}", from);
            if (at < 0) break;
            b.append(format, from, at).append(a);
            from = at + 2;
        }
        return b.append(format.substring(from)).toString();
    }
}
