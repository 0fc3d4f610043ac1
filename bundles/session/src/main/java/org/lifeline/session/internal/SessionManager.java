package org.lifeline.session.internal;

import static org.lifeline.session.internal.AuditLog.fields;
import static org.lifeline.session.internal.AuditLog.seconds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeline.api.LifelineException;
import org.lifeline.api.input.EscapeWatcher;
import org.lifeline.api.input.InputSink;
import org.lifeline.api.input.RemoteInput;
import org.lifeline.api.invitation.InvitationGate;
import org.lifeline.api.invitation.NoviceIdentity;
import org.lifeline.api.invitation.NoviceListener;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketCodec;
import org.lifeline.api.policy.AssistancePolicy;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionEvent;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionListener;
import org.lifeline.api.session.SessionService;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.ConnectRequest;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.Hello;
import org.lifeline.api.transport.ListenRequest;
import org.lifeline.api.transport.Listener;
import org.lifeline.api.transport.Transport;
import org.lifeline.api.transport.WireChannel;
import org.lifeline.session.internal.ControlMessage.Type;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Sessions on both sides: the novice's listening endpoints and the sessions they accept, the expert's
 * connections from tickets, consent and control (DESIGN §5), and the expert's input, which is only sent
 * while the novice has granted control. Every state change is decided here under the session's lock and
 * told to the peer on {@link WireChannel#CONTROL}; features and listeners hear about it in the same order
 * on the session's mailbox.
 */
@Component(service = { SessionService.class, NoviceListener.class, RemoteInput.class }, immediate = true)
public class SessionManager implements SessionService, NoviceListener, RemoteInput {
    static final Duration CONNECT_STAGGER = Duration.ofMillis(500);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** How long {@link #open} waits beyond the transport's own timeout before giving up on it. */
    static final Duration CONNECT_GRACE = Duration.ofSeconds(5);
    /** How long an authenticated connection may stay unclaimed before the novice closes it. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);
    /** Names come from the peer; longer ones are cut so tables and logs stay readable. */
    static final int MAX_NAME_CHARS = 64;
    /** Ended sessions stay visible (ra:sessions, ra:await) until this many have piled up. */
    static final int MAX_CLOSED_SESSIONS_KEPT = 100;
    /** Frames waiting for a slow feature beyond this end the session rather than fill the memory. */
    static final int MAX_PENDING_CALLBACKS = 10_000;
    static final String DATA_PROPERTY = "lifeline.data";
    static final String ESCAPE_REASON = "the novice pressed Esc";
    static final String STOP_REASON = "the novice took control back";
    static final String POLICY_REFUSAL = "control is turned off on this computer (policy control.enabled=false)";
    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Reference(service = LoggerFactory.class)
    Logger log;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile InvitationGate gate;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TicketCodec ticketCodec;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AssistancePolicy policy;

    /** The greedy option keeps the highest-ranked sink (the native one over the AWT fallback). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InputSink inputSink;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    private volatile Transport transport;
    private volatile EscapeWatcher escapeWatcher;

    private final Clock clock;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    /** Guarded by itself. */
    private final Map<String, Listening> listening = new HashMap<>();
    /** Guarded by itself; per channel, the best-ranked feature first. */
    private final Map<WireChannel, List<FeatureEntry>> features = new EnumMap<>(WireChannel.class);
    private final ExecutorService escapeExecutor = Executors.newSingleThreadExecutor(daemon("lifeline-escape-watch"));
    /** Confined to {@link #escapeExecutor}. */
    private AutoCloseable escapeHandle;
    private EscapeWatcher escapeHandleOwner;

    private volatile ExecutorService callbacks;
    private volatile AuditLog audit;
    private volatile boolean active;
    private volatile boolean inputSinkMissingReported;

    public SessionManager() {
        this(Clock.systemUTC());
    }

    SessionManager(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        Path dir;
        if (data == null || data.isBlank()) {
            dir = Path.of(System.getProperty("user.home"), ".lifeline");
            log.warn("framework property {} is not set: the audit log goes to {}", DATA_PROPERTY, dir);
        } else {
            dir = Path.of(data);
        }
        start(dir);
    }

    void start(Path dataDir) {
        audit = new AuditLog(dataDir);
        callbacks = Executors.newCachedThreadPool(daemon("lifeline-session"));
        active = true;
    }

    @Deactivate
    void deactivate() {
        active = false;
        synchronized (listening) {
            for (Listening l : listening.values()) closeQuietly(l.listener);
            listening.clear();
        }
        for (LiveSession s : sessions.values()) {
            closeSession(s, "Lifeline on this computer stopped",
                    new ControlMessage(Type.BYE, "Lifeline on the other computer stopped"));
        }
        try {
            escapeExecutor.execute(this::stopWatchingEscape);
        } catch (RejectedExecutionException alreadyStopped) {
            // deactivated before: nothing is watched any more
        }
        escapeExecutor.shutdown();
        ExecutorService pool = callbacks;
        if (pool != null) pool.shutdown();
    }

    // ---------------------------------------------------------------- references with side effects

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindTransport")
    void bindTransport(Transport t) {
        Transport previous = transport;
        transport = t;
        if (active && previous != t) relistenAll();
    }

    void unbindTransport(Transport t) {
        if (transport == t) transport = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindEscapeWatcher")
    void bindEscapeWatcher(EscapeWatcher w) {
        escapeWatcher = w;
        escapeWatchChanged();
    }

    void unbindEscapeWatcher(EscapeWatcher w) {
        if (escapeWatcher == w) escapeWatcher = null;
        escapeWatchChanged();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindFeature")
    void bindFeature(SessionFeature feature, Map<String, Object> properties) {
        WireChannel channel = channelOf(properties);
        if (channel == null) {
            warn("ignoring a session feature without a valid {} property: {}", SessionFeature.CHANNEL,
                    properties.get(SessionFeature.CHANNEL));
            return;
        }
        if (channel == WireChannel.CONTROL) {
            warn("ignoring a session feature that claims the CONTROL channel: it belongs to the session layer");
            return;
        }
        synchronized (features) {
            List<FeatureEntry> list = features.computeIfAbsent(channel, c -> new ArrayList<>());
            list.add(new FeatureEntry(feature, ranking(properties), serviceId(properties)));
            list.sort(FeatureEntry.BEST_FIRST);
        }
        for (LiveSession s : sessions.values()) s.mailbox.execute(() -> refreshFeature(s, channel, null));
    }

    void unbindFeature(SessionFeature feature, Map<String, Object> properties) {
        WireChannel channel = channelOf(properties);
        if (channel == null) return;
        synchronized (features) {
            List<FeatureEntry> list = features.get(channel);
            if (list == null || !list.removeIf(e -> e.feature() == feature)) return;
        }
        for (LiveSession s : sessions.values()) s.mailbox.execute(() -> refreshFeature(s, channel, feature));
    }

    // ---------------------------------------------------------------- novice: listening

    @Override
    public int listen(String invitationId, int preferredPort) {
        Objects.requireNonNull(invitationId, "invitationId");
        synchronized (listening) {
            Listening existing = listening.get(invitationId);
            if (existing != null) return existing.port;
            Listener listener = openListener(invitationId, preferredPort);
            listening.put(invitationId, new Listening(listener.port(), listener));
            info("listening on port {} for invitation {}", listener.port(), invitationId);
            return listener.port();
        }
    }

    @Override
    public void close(String invitationId) {
        Listening l;
        synchronized (listening) {
            l = listening.remove(invitationId);
        }
        if (l != null) {
            closeQuietly(l.listener);
            info("stopped listening for invitation {}", invitationId);
        }
    }

    private Listener openListener(String invitationId, int port) {
        InvitationGate g = requireGate();
        NoviceIdentity identity = g.identity(invitationId).orElseThrow(() -> new LifelineException(
                "there is no invitation " + invitationId + ": ra:invitations lists them"));
        return requireTransport().listen(new ListenRequest(port, identity,
                new InvitationGatekeeper(invitationId, () -> gate), c -> noviceConnected(invitationId, c)));
    }

    /** A new transport replaced the old one: the invitations keep their ports on the new one. */
    private void relistenAll() {
        synchronized (listening) {
            for (Map.Entry<String, Listening> e : listening.entrySet()) {
                Listening l = e.getValue();
                closeQuietly(l.listener);
                try {
                    l.listener = openListener(e.getKey(), l.port);
                } catch (RuntimeException ex) {
                    error("could not listen again on port {} for invitation {}: {}", l.port, e.getKey(),
                            ex.getMessage());
                }
            }
        }
    }

    void noviceConnected(String invitationId, Connection connection) {
        if (!active) {
            connection.close("the novice's Lifeline is stopping");
            return;
        }
        PendingConnection pending = new PendingConnection(invitationId, connection);
        connection.onFrame(pending::frame);
        CompletableFuture.delayedExecutor(CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(pending::expire);
    }

    /**
     * An authenticated connection the expert has not yet claimed. The expert's transport may authenticate on
     * several candidate addresses at once and keep only the first; the session layer there says
     * CONSENT_REQUEST on the one it keeps, so the novice is asked once, about that one, and the others close
     * without a trace.
     */
    private final class PendingConnection {
        private final String invitationId;
        private final Connection connection;
        /** Set once claimed; frames arrive on one transport thread, in order. */
        private volatile LiveSession session;
        /** Touched only on the transport's thread. */
        private long dropped;

        PendingConnection(String invitationId, Connection connection) {
            this.invitationId = invitationId;
            this.connection = connection;
        }

        void frame(WireChannel channel, byte[] payload) {
            LiveSession s = session;
            if (s != null) {
                received(s, channel, payload);
                return;
            }
            ControlMessage m = null;
            if (channel == WireChannel.CONTROL) {
                try {
                    m = ControlMessage.decode(payload);
                } catch (MalformedFrameException e) {
                    warn("dropped a malformed control message from {}: {}", connection.peer(), e.getMessage());
                    return;
                }
            }
            if (m == null || m.type() != Type.CONSENT_REQUEST) {
                if (worthLogging(++dropped)) {
                    info("dropped a {} frame from {}: the expert has not asked for consent yet (frames dropped so far: {})",
                            channel, connection.peer(), dropped);
                }
                return;
            }
            claim();
        }

        /** A connection nobody claims would hold the novice's resources for as long as the expert likes. */
        void expire() {
            if (session == null && connection.isOpen()) {
                info("closing the connection from {}: it never asked for consent", connection.peer());
                connection.close("the connection did not ask for the novice's consent in time");
            }
        }

        private void claim() {
            Hello hello = connection.hello();
            String expert = displayName(hello == null ? null : hello.expertName());
            boolean lowBandwidth = hello != null && hello.lowBandwidth();
            LiveSession s = newSession(Role.NOVICE, connection, expert, localUserName(), invitationId, lowBandwidth);
            session = s;
            // counted here, not at authentication: the candidates the expert abandoned never get this far
            InvitationGate g = gate;
            try {
                if (g != null) g.sessionStarted(invitationId);
            } catch (RuntimeException e) {
                warn("the invitation list failed to count session {}: {}", s.id(), e.getMessage());
            }
            register(s, false, () -> {
                audit(s, "connected", fields());
                publish(s, SessionEvent.Type.CONSENT_REQUESTED, s.who() + " wants to connect");
            });
        }
    }

    // ---------------------------------------------------------------- expert: opening a ticket

    @Override
    public SessionInfo open(Path ticketPath, char[] password, String expertName) {
        try {
            TicketCodec codec = ticketCodec;
            if (codec == null) {
                throw new LifelineException("cannot read tickets: the ticket bundle (org.lifeline.ticket) is not running");
            }
            Ticket ticket = codec.read(readTicket(ticketPath));
            if (ticket.isExpired(clock.instant())) {
                throw new LifelineException("this invitation expired on " + EXPIRY_FORMAT.format(ticket.expires())
                        + ": ask " + displayName(ticket.userName()) + " for a new one");
            }
            if (ticket.passwordProtected() && (password == null || password.length == 0)) {
                throw new LifelineException("this invitation is protected by a password: give it with --password or --password-file");
            }
            String name = displayName(expertName == null || expertName.isBlank() ? localUserName() : expertName);
            Hello hello = new Hello(ticket.protocolVersion(), ticket.invitationId(), name, ticket.lowBandwidth());
            ConnectRequest request = new ConnectRequest(ticket.addresses(), ticket.certificateFingerprint(), hello,
                    password, CONNECT_STAGGER, CONNECT_TIMEOUT);
            return connect(request, ticket, name).info();
        } finally {
            if (password != null) Arrays.fill(password, '\0');
        }
    }

    private LiveSession connect(ConnectRequest request, Ticket ticket, String expertName) {
        String novice = displayName(ticket.userName());
        Object decided = new Object();
        boolean[] abandoned = { false };
        CompletableFuture<Connection> connecting;
        try {
            connecting = requireTransport().connect(request);
        } catch (LifelineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LifelineException("could not connect to " + novice + "'s computer (" + e.getMessage()
                    + "): check the addresses in the ticket", e);
        }
        CompletableFuture<LiveSession> future = connecting.thenApply(c -> {
            synchronized (decided) {
                if (abandoned[0]) {
                    c.close("the expert stopped waiting");
                    throw new CancellationException();
                }
                LiveSession s = newSession(Role.EXPERT, c, novice, expertName, ticket.invitationId(),
                        ticket.lowBandwidth());
                register(s, true, () -> {
                    audit(s, "connected", fields());
                    publish(s, SessionEvent.Type.STATE_CHANGED,
                            "connected to " + s.who() + ": waiting for " + novice + " to accept");
                });
                s.sendControl(ControlMessage.of(Type.CONSENT_REQUEST));
                return s;
            }
        });
        try {
            return future.get(CONNECT_TIMEOUT.plus(CONNECT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LifelineException le) throw le;
            throw new LifelineException("could not connect to " + novice + "'s computer ("
                    + (cause == null ? e : cause).getMessage() + "): check the addresses in the ticket", cause);
        } catch (TimeoutException e) {
            synchronized (decided) {
                if (future.isDone() && !future.isCompletedExceptionally()) return future.join();
                abandoned[0] = true;
            }
            throw new LifelineException("no answer from " + novice + "'s computer within "
                    + CONNECT_TIMEOUT.plus(CONNECT_GRACE).toSeconds()
                    + " s: check the addresses in the ticket (the router's public address first)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (decided) {
                abandoned[0] = true;
            }
            throw new LifelineException("interrupted while connecting to " + novice);
        }
    }

    private static byte[] readTicket(Path path) {
        if (path == null) throw new LifelineException("give the ticket file to open");
        try (InputStream in = Files.newInputStream(path)) {
            byte[] file = in.readNBytes(TicketCodec.MAX_TICKET_BYTES + 1);
            if (file.length > TicketCodec.MAX_TICKET_BYTES) {
                throw new LifelineException(path + " is larger than a ticket can be ("
                        + TicketCodec.MAX_TICKET_BYTES / 1024 + " KiB): is it the invitation file?");
            }
            return file;
        } catch (NoSuchFileException e) {
            throw new LifelineException("there is no ticket file at " + path + ": check the path");
        } catch (IOException e) {
            throw new LifelineException("cannot read the ticket " + path + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- sessions

    private LiveSession newSession(Role role, Connection c, String peerName, String localName, String invitationId,
            boolean lowBandwidth) {
        String id = Integer.toString(nextId.incrementAndGet());
        SerialExecutor mailbox = new SerialExecutor(callbacks,
                e -> warn("session {}: a callback failed: {}", id, String.valueOf(e)));
        return new LiveSession(id, role, c, peerName, localName, invitationId, lowBandwidth, clock.instant(), mailbox);
    }

    /** Makes the session visible, announces it, then starts taking its frames (unless a receiver already routes them). */
    private void register(LiveSession s, boolean takeFrames, Runnable announce) {
        synchronized (s) {
            sessions.put(s.id(), s);
            announce.run();
        }
        Connection c = s.connection();
        if (takeFrames) c.onFrame((channel, payload) -> received(s, channel, payload));
        c.onClose(reason -> closeSession(s, reason == null || reason.isBlank() ? "the connection closed" : reason,
                null));
        if (!c.isOpen()) closeSession(s, "the connection closed", null);
        forgetOldClosedSessions();
    }

    @Override
    public List<SessionInfo> sessions() {
        return sessions.values().stream().sorted(BY_NUMBER).map(LiveSession::info).toList();
    }

    @Override
    public Optional<Session> session(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id.trim()));
    }

    @Override
    public void approve(String sessionId) {
        LiveSession s = find(sessionId);
        synchronized (s) {
            requireRole(s, Role.NOVICE, "only the novice accepts a connection");
            requireState(s, SessionState.AWAITING_CONSENT, "is not waiting for consent");
            s.sendControl(ControlMessage.of(Type.CONSENT_ACCEPTED));
            audit(s, "approved", fields());
            transition(s, SessionState.VIEWING, SessionEvent.Type.STATE_CHANGED,
                    "you accepted " + s.who() + ": they see your screen now");
        }
    }

    @Override
    public void deny(String sessionId) {
        LiveSession s = find(sessionId);
        synchronized (s) {
            requireRole(s, Role.NOVICE, "only the novice answers a connection request");
            requireState(s, SessionState.AWAITING_CONSENT, "is not waiting for consent");
            audit(s, "denied", fields());
            closeSession(s, "you declined the connection",
                    new ControlMessage(Type.CONSENT_DENIED, s.noviceName() + " declined the connection"));
        }
    }

    @Override
    public void takeControl(String sessionId) {
        LiveSession s = find(sessionId);
        synchronized (s) {
            requireRole(s, Role.EXPERT, "the novice does not ask for control; the expert does");
            switch (s.state()) {
                case VIEWING -> {
                    s.sendControl(ControlMessage.of(Type.CONTROL_REQUEST));
                    audit(s, "control-requested", fields());
                    transition(s, SessionState.CONTROL_REQUESTED, SessionEvent.Type.CONTROL_REQUESTED,
                            "you asked " + s.peerName() + " for control: waiting for the answer");
                }
                case CONTROL_REQUESTED -> throw new LifelineException("you already asked for control of session "
                        + s.id() + ": wait for " + s.peerName() + " to answer");
                case IN_CONTROL -> throw new LifelineException("you already have control of session " + s.id());
                case CLOSED -> throw ended(s);
                default -> throw new LifelineException("session " + s.id() + " is waiting for " + s.peerName()
                        + " to accept the connection: ask for control after that");
            }
        }
    }

    @Override
    public void releaseControl(String sessionId) {
        LiveSession s = find(sessionId);
        synchronized (s) {
            requireRole(s, Role.EXPERT, "the novice takes control back with ra:stop-control");
            switch (s.state()) {
                case IN_CONTROL, CONTROL_REQUESTED -> {
                    s.sendControl(ControlMessage.of(Type.CONTROL_RELEASED));
                    endControl(s, "you gave control back", "released by the expert");
                }
                case CLOSED -> throw ended(s);
                default -> throw new LifelineException("you do not have control of session " + s.id()
                        + " (it is " + describe(s.state()) + ")");
            }
        }
    }

    @Override
    public void grant(String sessionId) {
        LiveSession s = find(sessionId);
        synchronized (s) {
            requireRole(s, Role.NOVICE, "only the novice grants control");
            if (s.state() == SessionState.CLOSED) throw ended(s);
            if (s.state() != SessionState.CONTROL_REQUESTED) {
                throw new LifelineException("session " + s.id() + " is not asking for control");
            }
            if (!controlAllowed()) {
                refuseControl(s, POLICY_REFUSAL, policyRefusalFor(s));
                throw new LifelineException("control is turned off by policy (control.enabled=false): "
                        + "ra:policy control.enabled true allows it");
            }
            s.sendControl(ControlMessage.of(Type.CONTROL_GRANTED));
            s.controlSince = clock.instant();
            audit(s, "control-granted", fields());
            transition(s, SessionState.IN_CONTROL, SessionEvent.Type.CONTROL_GRANTED,
                    s.peerName() + " controls your computer now: press Esc to take it back");
        }
        escapeWatchChanged();
    }

    @Override
    public void stopControl(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            stopControlEverywhere(STOP_REASON);
            return;
        }
        LiveSession s = find(sessionId);
        synchronized (s) {
            requireRole(s, Role.NOVICE, "the expert gives control back with ra:release-control");
            if (s.state() == SessionState.CLOSED) throw ended(s);
            if (!stopControl(s, STOP_REASON)) {
                throw new LifelineException("session " + s.id() + " is not under control (it is "
                        + describe(s.state()) + ")");
            }
        }
        escapeWatchChanged();
    }

    /** Ends control (and refuses pending requests) on every novice session; returns how many there were. */
    int stopControlEverywhere(String reason) {
        int stopped = 0;
        for (LiveSession s : sessions.values()) {
            if (s.role() != Role.NOVICE) continue;
            synchronized (s) {
                if (stopControl(s, reason)) stopped++;
            }
        }
        if (stopped > 0) escapeWatchChanged();
        return stopped;
    }

    /** Must hold the session's lock. */
    private boolean stopControl(LiveSession s, String reason) {
        switch (s.state()) {
            case IN_CONTROL -> {
                s.sendControl(new ControlMessage(Type.CONTROL_ENDED, reason));
                endControl(s, "control ended: " + reason, reason);
                return true;
            }
            case CONTROL_REQUESTED -> {
                refuseControl(s, reason);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Novice: say no to a pending (or policy-forbidden) request. Must hold the session's lock. */
    private void refuseControl(LiveSession s, String reason) {
        refuseControl(s, reason, reason);
    }

    /** Novice: as above, with the reason worded for the expert. Must hold the session's lock. */
    private void refuseControl(LiveSession s, String reason, String toExpert) {
        s.sendControl(new ControlMessage(Type.CONTROL_DENIED, toExpert));
        String detail = s.peerName() + " asked for control; refused: " + reason;
        audit(s, "control-denied", fields("reason", reason));
        if (s.state() == SessionState.CONTROL_REQUESTED) {
            transition(s, SessionState.VIEWING, SessionEvent.Type.CONTROL_DENIED, detail);
        } else {
            publish(s, SessionEvent.Type.CONTROL_DENIED, detail);
        }
    }

    /** Back to VIEWING; the audit log gets how long control lasted. Must hold the session's lock. */
    private void endControl(LiveSession s, String detail, String reason) {
        if (s.state() == SessionState.IN_CONTROL) {
            releaseHeldInput(s);
            audit(s, "control-ended", fields("reason", reason, "duration_s", seconds(controlDuration(s))));
        } else {
            audit(s, "control-request-withdrawn", fields("reason", reason));
        }
        s.controlSince = null;
        transition(s, SessionState.VIEWING, SessionEvent.Type.CONTROL_ENDED, detail);
    }

    private Duration controlDuration(LiveSession s) {
        return s.controlSince == null ? Duration.ZERO : Duration.between(s.controlSince, clock.instant());
    }

    @Override
    public void disconnect(String sessionId) {
        LiveSession s = find(sessionId);
        synchronized (s) {
            if (s.state() == SessionState.CLOSED) throw ended(s);
            String me = s.role() == Role.EXPERT ? s.expertName() : s.noviceName();
            closeSession(s, "you ended the session", new ControlMessage(Type.BYE, me + " ended the session"));
        }
    }

    /**
     * Ends the session once, whatever asked for it: control ends first (and is audited with its duration),
     * features are told, the connection closes.
     */
    void closeSession(LiveSession s, String reason, ControlMessage tellPeer) {
        synchronized (s) {
            SessionState from = s.state();
            if (from == SessionState.CLOSED) return;
            if (tellPeer != null) s.sendControl(tellPeer);
            if (from == SessionState.IN_CONTROL) {
                releaseHeldInput(s);
                audit(s, "control-ended", fields("reason", reason, "duration_s", seconds(controlDuration(s))));
                s.controlSince = null;
                publish(s, SessionEvent.Type.CONTROL_ENDED, "control ended: " + reason);
            }
            s.closeReason(reason);
            audit(s, "closed", fields("reason", reason, "duration_s",
                    seconds(Duration.between(s.since(), clock.instant()))));
            transition(s, SessionState.CLOSED, SessionEvent.Type.CLOSED, reason);
        }
        s.connection().close(tellPeer != null ? tellPeer.reason() : reason);
        if (s.role() == Role.NOVICE) escapeWatchChanged();
        forgetOldClosedSessions();
    }

    private void forgetOldClosedSessions() {
        List<LiveSession> closed = sessions.values().stream().filter(s -> s.state() == SessionState.CLOSED)
                .sorted(BY_NUMBER).toList();
        for (int i = 0; i < closed.size() - MAX_CLOSED_SESSIONS_KEPT; i++) sessions.remove(closed.get(i).id());
    }

    // ---------------------------------------------------------------- frames from the peer

    void received(LiveSession s, WireChannel channel, byte[] payload) {
        if (channel == null || payload == null) return;
        if (channel == WireChannel.CONTROL) {
            controlMessage(s, payload);
            return;
        }
        List<InputEvent> input = null;
        if (channel == WireChannel.INPUT && s.role() == Role.NOVICE) {
            try {
                input = InputEvent.decode(payload);
            } catch (MalformedFrameException e) {
                warn("session {}: dropped a malformed input frame from {}: {}", s.id(), s.who(), e.getMessage());
                return;
            }
        }
        boolean overwhelmed = false;
        synchronized (s) {
            SessionState state = s.state();
            if (!state.isShared()) {
                if (worthLogging(++s.droppedFrames)) {
                    info("session {}: dropped {} bytes on {} from {}: the novice has not accepted (frames dropped so far: {})",
                            s.id(), payload.length, channel, s.who(), s.droppedFrames);
                }
                return;
            }
            if (channel == WireChannel.INPUT && state != SessionState.IN_CONTROL) {
                if (worthLogging(++s.droppedFrames)) {
                    info("session {}: dropped {} bytes of input from {}: control is not granted (frames dropped so far: {})",
                            s.id(), payload.length, s.who(), s.droppedFrames);
                }
                if (!s.inputDropReported) {
                    s.inputDropReported = true;
                    publish(s, SessionEvent.Type.INPUT_DROPPED,
                            "input from " + s.peerName() + " was ignored: control is not granted");
                }
                return;
            }
            if (s.mailbox.pending() > MAX_PENDING_CALLBACKS) {
                overwhelmed = true;
            } else {
                if (input != null) {
                    List<InputEvent> events = input;
                    s.mailbox.execute(() -> applyInput(s, events));
                }
                s.mailbox.execute(() -> deliver(s, channel, payload));
            }
        }
        if (overwhelmed) {
            closeSession(s, "this computer could not keep up with " + s.peerName() + "'s data",
                    new ControlMessage(Type.BYE, "the other computer could not keep up with the data"));
        }
    }

    private void controlMessage(LiveSession s, byte[] payload) {
        ControlMessage m;
        try {
            m = ControlMessage.decode(payload);
        } catch (MalformedFrameException e) {
            warn("session {}: dropped a malformed control message from {}: {}", s.id(), s.who(), e.getMessage());
            return;
        }
        String reason = displayText(m.reason());
        boolean controlChanged = false;
        synchronized (s) {
            SessionState state = s.state();
            switch (m.type()) {
                case CONSENT_ACCEPTED -> {
                    if (!expect(s, m, Role.EXPERT, state == SessionState.AWAITING_CONSENT)) return;
                    audit(s, "approved", fields());
                    transition(s, SessionState.VIEWING, SessionEvent.Type.STATE_CHANGED,
                            s.peerName() + " accepted: you see their screen now");
                }
                case CONSENT_DENIED -> {
                    if (!expect(s, m, Role.EXPERT, state == SessionState.AWAITING_CONSENT)) return;
                    audit(s, "denied", fields());
                    closeSession(s, reason.isEmpty() ? s.peerName() + " declined the connection" : reason, null);
                }
                case CONTROL_REQUEST -> {
                    if (!expect(s, m, Role.NOVICE, state == SessionState.VIEWING)) return;
                    if (!controlAllowed()) {
                        refuseControl(s, POLICY_REFUSAL, policyRefusalFor(s));
                        return;
                    }
                    audit(s, "control-requested", fields());
                    transition(s, SessionState.CONTROL_REQUESTED, SessionEvent.Type.CONTROL_REQUESTED,
                            s.who() + " asks to control your computer");
                }
                case CONTROL_GRANTED -> {
                    if (!expect(s, m, Role.EXPERT, state == SessionState.CONTROL_REQUESTED)) return;
                    s.controlSince = clock.instant();
                    audit(s, "control-granted", fields());
                    transition(s, SessionState.IN_CONTROL, SessionEvent.Type.CONTROL_GRANTED,
                            s.peerName() + " granted control: your input reaches their computer");
                }
                case CONTROL_DENIED -> {
                    if (!expect(s, m, Role.EXPERT, state == SessionState.CONTROL_REQUESTED)) return;
                    String why = reason.isEmpty() ? s.peerName() + " refused" : reason;
                    audit(s, "control-denied", fields("reason", why));
                    transition(s, SessionState.VIEWING, SessionEvent.Type.CONTROL_DENIED, "control refused: " + why);
                }
                case CONTROL_ENDED -> {
                    if (!expect(s, m, Role.EXPERT, state == SessionState.IN_CONTROL
                            || state == SessionState.CONTROL_REQUESTED)) {
                        return;
                    }
                    String why = reason.isEmpty() ? s.peerName() + " took control back" : reason;
                    endControl(s, "control ended: " + why, why);
                }
                case CONTROL_RELEASED -> {
                    if (!expect(s, m, Role.NOVICE, state == SessionState.IN_CONTROL
                            || state == SessionState.CONTROL_REQUESTED)) {
                        return;
                    }
                    endControl(s, s.peerName() + " gave control back", "released by the expert");
                    controlChanged = true;
                }
                case BYE -> closeSession(s, reason.isEmpty() ? s.peerName() + " ended the session" : reason, null);
                case CONSENT_REQUEST -> {
                    expect(s, m, Role.NOVICE, false);
                    return;
                }
                default -> throw new IllegalStateException(m.type().name());
            }
        }
        if (controlChanged) escapeWatchChanged();
    }

    /** A peer that keeps sending what it may not should not fill the log: the 1st, 10th, 100th ... drop is logged. */
    static boolean worthLogging(long count) {
        long n = count;
        while (n >= 10 && n % 10 == 0) n /= 10;
        return n == 1;
    }

    /** A message out of turn (a bug or a hostile peer) changes nothing; it is logged and dropped. */
    private boolean expect(LiveSession s, ControlMessage m, Role role, boolean stateOk) {
        if (s.role() == role && stateOk) return true;
        warn("session {}: ignored {} from {} while {} as {}", s.id(), m.type(), s.who(), s.state(), s.role());
        return false;
    }

    /**
     * Novice: when control ends, every key and button the expert still holds is let go, after any input
     * already queued on the mailbox (which is dropped there, since control has ended).
     */
    private void releaseHeldInput(LiveSession s) {
        if (s.role() != Role.NOVICE) return;
        s.mailbox.execute(() -> {
            InputSink sink = inputSink;
            if (sink == null) return;
            try {
                sink.releaseAll();
            } catch (RuntimeException e) {
                warn("session {}: could not release the keys the expert held: {}", s.id(), e.getMessage());
            }
        });
    }

    /** On the mailbox: control may have ended since the frame arrived. */
    private void applyInput(LiveSession s, List<InputEvent> events) {
        if (s.state() != SessionState.IN_CONTROL) {
            info("session {}: dropped input queued before control ended", s.id());
            return;
        }
        InputSink sink = inputSink;
        if (sink == null) {
            if (!inputSinkMissingReported) {
                inputSinkMissingReported = true;
                warn("session {}: input from {} cannot be applied: no input bundle is running", s.id(), s.who());
            }
            return;
        }
        inputSinkMissingReported = false;
        for (InputEvent e : events) e.applyTo(sink);
    }

    /** On the mailbox: only a feature that was told {@code started} gets frames. */
    private void deliver(LiveSession s, WireChannel channel, byte[] payload) {
        SessionFeature f = s.startedFeatures.get(channel);
        if (f == null) {
            if (channel != WireChannel.INPUT || s.role() != Role.NOVICE) {
                debug("session {}: no feature takes {} frames; dropped {} bytes", s.id(), channel, payload.length);
            }
            return;
        }
        if (channel == WireChannel.INPUT && s.state() != SessionState.IN_CONTROL) return;
        f.received(s, payload);
    }

    // ---------------------------------------------------------------- state changes and what follows them

    /** Must hold the session's lock; features and listeners hear of it in order, after the lock. */
    private void transition(LiveSession s, SessionState to, SessionEvent.Type type, String detail) {
        SessionState from = s.state();
        s.state(to);
        s.inputDropReported = false;
        SessionEvent event = new SessionEvent(s.id(), type, to, detail);
        s.mailbox.execute(() -> {
            featuresFollow(s, from, to);
            tellListeners(event);
        });
    }

    private void publish(LiveSession s, SessionEvent.Type type, String detail) {
        SessionEvent event = new SessionEvent(s.id(), type, s.state(), detail);
        s.mailbox.execute(() -> tellListeners(event));
    }

    private void tellListeners(SessionEvent event) {
        for (SessionListener l : listeners) {
            try {
                l.sessionEvent(event);
            } catch (RuntimeException e) {
                warn("a session listener failed on {}: {}", event, String.valueOf(e));
            }
        }
    }

    /** On the mailbox. */
    private void featuresFollow(LiveSession s, SessionState from, SessionState to) {
        if (to.isShared() && !from.isShared()) {
            for (WireChannel channel : WireChannel.values()) refreshFeature(s, channel, null);
        } else if (to.isShared()) {
            for (SessionFeature f : List.copyOf(s.startedFeatures.values())) safely(s, f, () -> f.stateChanged(s, to));
        } else if (to == SessionState.CLOSED) {
            for (SessionFeature f : List.copyOf(s.startedFeatures.values())) {
                safely(s, f, () -> f.stateChanged(s, SessionState.CLOSED));
                safely(s, f, () -> f.ended(s));
            }
            s.startedFeatures.clear();
        }
    }

    /**
     * On the mailbox: makes the channel's best feature the one this session talks to. A feature that is
     * going away ({@code departed}) is not called again; a displaced one is told {@code ended}.
     */
    private void refreshFeature(LiveSession s, WireChannel channel, SessionFeature departed) {
        SessionFeature current = topFeature(channel);
        SessionFeature previous = s.startedFeatures.get(channel);
        if (previous == current) return;
        if (previous != null) {
            s.startedFeatures.remove(channel);
            if (previous != departed) safely(s, previous, () -> previous.ended(s));
        }
        if (current != null && s.state().isShared()) {
            s.startedFeatures.put(channel, current);
            safely(s, current, () -> current.started(s));
        }
    }

    private SessionFeature topFeature(WireChannel channel) {
        synchronized (features) {
            List<FeatureEntry> list = features.get(channel);
            return list == null || list.isEmpty() ? null : list.get(0).feature();
        }
    }

    private void safely(LiveSession s, SessionFeature f, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            warn("session {}: feature {} failed: {}", s.id(), f.getClass().getName(), String.valueOf(e));
        }
    }

    // ---------------------------------------------------------------- the novice's Esc

    private void escapeWatchChanged() {
        try {
            escapeExecutor.execute(this::reconcileEscapeWatch);
        } catch (RejectedExecutionException stopping) {
            // deactivated: the watch was closed on the way out
        }
    }

    /** On the escape executor, never on the watcher's own thread: closing a watch may wait for that thread. */
    private void reconcileEscapeWatch() {
        boolean wanted = active && sessions.values().stream()
                .anyMatch(s -> s.role() == Role.NOVICE && s.state() == SessionState.IN_CONTROL);
        EscapeWatcher watcher = escapeWatcher;
        if (escapeHandle != null && (!wanted || escapeHandleOwner != watcher)) stopWatchingEscape();
        if (wanted && escapeHandle == null && watcher != null) {
            try {
                escapeHandle = watcher.watch(this::novicePressedEscape);
                escapeHandleOwner = watcher;
            } catch (RuntimeException e) {
                warn("cannot watch for the novice's Esc: {}", String.valueOf(e));
            }
        }
    }

    private void stopWatchingEscape() {
        if (escapeHandle == null) return;
        try {
            escapeHandle.close();
        } catch (Exception e) {
            warn("could not stop watching for Esc: {}", String.valueOf(e));
        }
        escapeHandle = null;
        escapeHandleOwner = null;
    }

    void novicePressedEscape() {
        int stopped = stopControlEverywhere(ESCAPE_REASON);
        if (stopped > 0) info("the novice pressed Esc: control ended on {} session(s)", stopped);
    }

    // ---------------------------------------------------------------- expert input

    @Override
    public void type(String sessionId, String text) {
        LiveSession s = controlled(sessionId);
        if (text == null || text.isEmpty()) return;
        sendInput(s, Keysyms.typing(text));
    }

    @Override
    public void key(String sessionId, int keysym) {
        LiveSession s = controlled(sessionId);
        if (keysym <= 0 || keysym > InputEvent.MAX_KEYSYM) {
            throw new LifelineException(String.format("0x%x is not a keysym: give a name like Return or a value like 0xff0d",
                    keysym));
        }
        sendInput(s, List.of(new InputEvent.Key(keysym, true), new InputEvent.Key(keysym, false)));
    }

    @Override
    public void click(String sessionId, int x, int y, int button) {
        LiveSession s = controlled(sessionId);
        if (button < 1 || button > 3) {
            throw new LifelineException("button " + button + " does not exist: use 1 (left), 2 (middle) or 3 (right)");
        }
        int mask = 1 << (button - 1);
        sendInput(s, List.of(pointerEvent(x, y, 0), pointerEvent(x, y, mask), pointerEvent(x, y, 0)));
    }

    @Override
    public void pointer(String sessionId, int x, int y, int buttonMask) {
        LiveSession s = controlled(sessionId);
        if (buttonMask < 0 || buttonMask > InputEvent.MAX_BUTTON_MASK) {
            throw new LifelineException("button mask " + buttonMask + " is out of range: bits 0..2 are left, middle, right");
        }
        sendInput(s, List.of(pointerEvent(x, y, buttonMask)));
    }

    @Override
    public void wheel(String sessionId, int dx, int dy) {
        LiveSession s = controlled(sessionId);
        if (Math.abs(dx) > InputEvent.MAX_WHEEL_NOTCHES || Math.abs(dy) > InputEvent.MAX_WHEEL_NOTCHES) {
            throw new LifelineException("scroll by at most " + InputEvent.MAX_WHEEL_NOTCHES + " notches at a time");
        }
        sendInput(s, List.of(new InputEvent.Wheel(dx, dy)));
    }

    private static InputEvent pointerEvent(int x, int y, int mask) {
        if (Math.abs(x) > InputEvent.MAX_COORDINATE || Math.abs(y) > InputEvent.MAX_COORDINATE) {
            throw new LifelineException("(" + x + ", " + y + ") is outside any screen");
        }
        return new InputEvent.Pointer(x, y, mask);
    }

    /** The control gate on the expert's side. */
    private LiveSession controlled(String sessionId) {
        LiveSession s = find(sessionId);
        if (s.role() != Role.EXPERT) {
            throw new LifelineException("session " + s.id() + " is the novice's side: input goes from the expert");
        }
        SessionState state = s.state();
        if (state == SessionState.CLOSED) throw ended(s);
        if (state != SessionState.IN_CONTROL) {
            throw new LifelineException("you do not have control of session " + s.id() + " (it is " + describe(state)
                    + "): ra:take-control " + s.id() + " and wait for " + s.peerName() + " to grant it");
        }
        return s;
    }

    private void sendInput(LiveSession s, List<InputEvent> events) {
        for (byte[] frame : InputEvent.encode(events)) {
            if (s.state() != SessionState.IN_CONTROL) {
                throw new LifelineException("control of session " + s.id() + " ended: the rest of the input was not sent");
            }
            if (!s.connection().send(WireChannel.INPUT, frame)) {
                throw new LifelineException("session " + s.id() + " has ended: the input was not sent");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private LiveSession find(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new LifelineException("give a session id: ra:sessions lists them");
        }
        LiveSession s = sessions.get(sessionId.trim());
        if (s == null) throw new LifelineException("there is no session " + sessionId.trim() + ": ra:sessions lists them");
        return s;
    }

    private static void requireRole(LiveSession s, Role role, String why) {
        if (s.role() != role) {
            throw new LifelineException("session " + s.id() + " is the " + s.role().name().toLowerCase()
                    + "'s side: " + why);
        }
    }

    private static void requireState(LiveSession s, SessionState state, String otherwise) {
        if (s.state() == SessionState.CLOSED) throw ended(s);
        if (s.state() != state) {
            throw new LifelineException("session " + s.id() + " " + otherwise + " (it is " + describe(s.state()) + ")");
        }
    }

    private static LifelineException ended(LiveSession s) {
        return new LifelineException("session " + s.id() + " has ended (" + s.closeReason() + ")");
    }

    static String describe(SessionState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    private static String policyRefusalFor(LiveSession s) {
        return "control is turned off on " + s.noviceName() + "'s computer (policy control.enabled=false)";
    }

    private boolean controlAllowed() {
        AssistancePolicy p = policy;
        return p != null && p.controlEnabled();
    }

    private InvitationGate requireGate() {
        InvitationGate g = gate;
        if (g == null) throw new LifelineException("the invitation list is not running: try again in a minute");
        return g;
    }

    private Transport requireTransport() {
        Transport t = transport;
        if (t == null) throw new LifelineException("no network transport is running: start org.lifeline.transport.tcp");
        return t;
    }

    private void audit(LiveSession s, String event, Map<String, Object> extra) {
        AuditLog a = audit;
        if (a == null) return;
        try {
            a.record(clock.instant(), s, event, extra);
        } catch (IOException e) {
            error("could not write the audit log {}: {}", a.file(), e.getMessage());
        }
    }

    static String localUserName() {
        return displayName(System.getProperty("user.name", "someone"));
    }

    /** A name or reason from the peer, made safe for a terminal: no control characters, bounded length. */
    static String displayName(String raw) {
        String clean = displayText(raw);
        if (clean.isEmpty()) return "someone";
        return clean.codePointCount(0, clean.length()) <= MAX_NAME_CHARS ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME_CHARS));
    }

    static String displayText(String raw) {
        if (raw == null) return "";
        StringBuilder b = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            int t = Character.getType(cp);
            b.appendCodePoint(Character.isISOControl(cp) || t == Character.FORMAT || t == Character.SURROGATE
                    || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR ? ' ' : cp);
        });
        return b.toString().strip();
    }

    private static WireChannel channelOf(Map<String, Object> properties) {
        Object v = properties.get(SessionFeature.CHANNEL);
        if (!(v instanceof String name)) return null;
        try {
            return WireChannel.valueOf(name.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
    }

    private static void closeQuietly(Listener l) {
        try {
            l.close();
        } catch (RuntimeException e) {
            // the transport may already have closed it on its way out
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final Comparator<LiveSession> BY_NUMBER = Comparator.comparingInt(s -> Integer.parseInt(s.id()));

    private void info(String format, Object... args) {
        if (log != null) log.info(format, args);
    }

    private void debug(String format, Object... args) {
        if (log != null) log.debug(format, args);
    }

    private void warn(String format, Object... args) {
        if (log != null) log.warn(format, args);
    }

    private void error(String format, Object... args) {
        if (log != null) log.error(format, args);
    }

    private static final class Listening {
        final int port;
        Listener listener;

        Listening(int port, Listener listener) {
            this.port = port;
            this.listener = listener;
        }
    }

    private record FeatureEntry(SessionFeature feature, int ranking, long serviceId) {
        static final Comparator<FeatureEntry> BEST_FIRST = Comparator.comparingInt(FeatureEntry::ranking).reversed()
                .thenComparingLong(FeatureEntry::serviceId);
    }
}
