package org.lifeline.ticket.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.invitation.CandidateProvider;
import org.lifeline.api.invitation.DeliveryReceipt;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationChannel;
import org.lifeline.api.invitation.InvitationGate;
import org.lifeline.api.invitation.InvitationRequest;
import org.lifeline.api.invitation.InvitationService;
import org.lifeline.api.invitation.InvitationStatus;
import org.lifeline.api.invitation.NoviceIdentity;
import org.lifeline.api.invitation.NoviceListener;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.policy.AssistancePolicy;
import org.lifeline.api.policy.Durations;
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
 * The novice's invitations, kept in {@code <lifeline.data>/invitations}: {@code ID.invitation} (status,
 * dates, SRP salt and verifier, the issued ticket), {@code ID.key.pem} and {@code ID.cert.pem} (the TLS
 * identity), all owner-only. Also the gate the transport asks during a handshake.
 *
 * <p>The {@link NoviceListener} reference is optional and dynamic on purpose: the session bundle provides
 * it and itself needs {@link InvitationGate}, so a mandatory reference would leave both waiting for
 * each other. When a listener arrives, every open invitation starts listening again on its port.
 */
@Component(service = {InvitationService.class, InvitationGate.class}, immediate = true)
public class InvitationStore implements InvitationService, InvitationGate {
    static final String DATA_PROPERTY = "lifeline.data";
    static final int MAX_RECIPIENT_LENGTH = 1024;
    static final int MAX_MESSAGE_LENGTH = 4096;
    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int ID_LENGTH = 12;
    /**
     * How long an admitted attempt counts as running when the transport reports neither success nor
     * failure (the connection dropped before the password proof).
     */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    /** No look-alike letters or digits: an id may be read out over the phone. */
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference
    AssistancePolicy policy;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    volatile Logger logger;

    private final XmlTicketCodec codec = new XmlTicketCodec();
    private final Map<InvitationChannel, String> channels = new ConcurrentHashMap<>();
    private final Map<CandidateProvider, long[]> candidateProviders = new ConcurrentHashMap<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile NoviceListener listener;
    Clock clock = Clock.systemUTC();

    /**
     * Guards records, identities, reserved ids and the folder. Never held while calling a listener, channel
     * or candidate provider: the transport calls the gate from its event loop, and a listener that waited
     * for that loop while we held the lock would wait forever.
     */
    private final Object lock = new Object();
    private final Map<String, InvitationRecord> records = new HashMap<>();
    private final Map<String, NoviceIdentity> identities = new HashMap<>();
    private final Set<String> reserved = new HashSet<>();
    private Path folder;

    @Activate
    void activate(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        open(data != null && !data.isBlank() ? Path.of(data, "invitations") : context.getDataFile("invitations").toPath());
    }

    /** Loads every invitation in {@code dir}; damaged files are set aside as {@code *.corrupt} and reported. */
    void open(Path dir) {
        synchronized (lock) {
            try {
                SecureFiles.createDirectory(dir);
            } catch (IOException e) {
                throw new LifelineException("cannot use the invitation folder " + dir + " (" + e.getMessage()
                        + "): check that the data folder is writable");
            }
            folder = dir;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.invitation")) {
                for (Path f : files) load(f);
            } catch (IOException e) {
                throw new LifelineException("cannot read the invitation folder " + dir + ": " + e.getMessage());
            }
        }
        relistenAll();
    }

    private void load(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".invitation".length());
        try {
            if (Files.size(file) > InvitationRecord.MAX_FILE_BYTES) throw new IOException("file too large");
            records.put(id, InvitationRecord.fromFile(Files.readAllBytes(file), id, codec));
        } catch (IOException e) {
            Path aside = asideName(file);
            String what;
            try {
                Files.move(file, aside);
                what = "set aside as " + aside.getFileName();
            } catch (IOException moveFailed) {
                what = "left in place (could not rename it: " + moveFailed.getMessage() + ")";
            }
            String line = "invitation file " + name + " is damaged (" + e.getMessage() + ") and was " + what
                    + ": invitation " + id + " is gone; make a new one";
            warnings.add(line);
            warn(line);
        }
    }

    private static Path asideName(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        for (int n = 1; Files.exists(aside); n++) aside = file.resolveSibling(file.getFileName() + ".corrupt." + n);
        return aside;
    }

    @Deactivate
    void deactivate() {
        List<String> open = new ArrayList<>();
        synchronized (lock) {
            for (InvitationRecord r : records.values()) {
                if (r.status == InvitationStatus.OPEN) open.add(r.id);
            }
            records.clear();
            identities.clear();
            folder = null;
        }
        NoviceListener l = listener;
        if (l != null) open.forEach(id -> closeQuietly(l, id));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindListener(NoviceListener l) {
        boolean opened;
        synchronized (lock) {
            listener = l;
            opened = folder != null;
        }
        if (opened) relistenAll();
    }

    void unbindListener(NoviceListener l) {
        synchronized (lock) {
            if (listener == l) listener = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindChannel(InvitationChannel channel, Map<String, Object> properties) {
        Object id = properties.get(InvitationChannel.CHANNEL_ID);
        channels.put(channel, id != null ? id.toString() : channel.id());
    }

    void unbindChannel(InvitationChannel channel, Map<String, Object> properties) {
        channels.remove(channel);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCandidates(CandidateProvider provider, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        candidateProviders.put(provider, new long[] {ranking instanceof Integer i ? i : 0,
                serviceId instanceof Long l ? l : Long.MAX_VALUE});
    }

    void unbindCandidates(CandidateProvider provider, Map<String, Object> properties) {
        candidateProviders.remove(provider);
    }

    // ---- InvitationService

    /** What {@link #create} decided under the lock, to be carried out without it. */
    private record Plan(String id, InvitationChannel channel, String channelId, String recipient, String message,
            Duration expiry, boolean hasPassword, NoviceListener listener) {
    }

    @Override
    public Invitation create(InvitationRequest request) {
        char[] password = request.password();
        try {
            Plan plan;
            synchronized (lock) {
                plan = plan(request, password);
                reserved.add(plan.id());
            }
            try {
                return carryOut(plan, request, password);
            } finally {
                synchronized (lock) {
                    reserved.remove(plan.id());
                }
            }
        } finally {
            if (password != null) Arrays.fill(password, '\0');
        }
    }

    private Plan plan(InvitationRequest request, char[] password) {
        ensureOpen();
        if (!policy.invitationsEnabled()) {
            throw new LifelineException("invitations are turned off on this computer: an administrator can allow them with ra:policy invitations.enabled true");
        }
        String channelId = request.channelId() == null || request.channelId().isBlank() ? "file" : request.channelId();
        InvitationChannel channel = channel(channelId);
        String recipient = request.recipient() == null ? "" : request.recipient().strip();
        if (recipient.isEmpty()) {
            throw new LifelineException("no recipient: say where the invitation goes (--to, or --out FILE for the file channel)");
        }
        if (recipient.length() > MAX_RECIPIENT_LENGTH) {
            throw new LifelineException("the recipient is longer than " + MAX_RECIPIENT_LENGTH + " characters: shorten it");
        }
        String message = request.message() == null ? "" : request.message();
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new LifelineException("the message is longer than " + MAX_MESSAGE_LENGTH + " characters: shorten it");
        }
        Duration expiry = request.expiry() == null ? policy.defaultExpiry() : request.expiry();
        checkExpiry(expiry);
        boolean hasPassword = password != null && password.length > 0;
        if (!hasPassword && policy.passwordRequired()) {
            throw new LifelineException("this computer's policy requires a password for every invitation: give --password PW, or --password generate");
        }
        if (hasPassword && password.length > MAX_PASSWORD_LENGTH) {
            throw new LifelineException("the password is longer than " + MAX_PASSWORD_LENGTH + " characters: choose a shorter one");
        }
        if (request.port() < 0 || request.port() > 65535) {
            throw new LifelineException("port " + request.port() + " is not a TCP port: give 1-65535, or 0 for any free port");
        }
        NoviceListener l = listener;
        if (l == null) {
            throw new LifelineException("no transport is running: nothing could listen for the expert; start the session and transport bundles (lb) and try again");
        }
        return new Plan(newId(), channel, channelId, recipient, message, expiry, hasPassword, l);
    }

    private Invitation carryOut(Plan p, InvitationRequest request, char[] password) {
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        NoviceIdentity identity = NoviceKeys.generate(p.id());
        SrpVerifiers.Verifier verifier = SrpVerifiers.make(p.id(), p.hasPassword() ? password : new char[0]);
        InvitationRecord r = new InvitationRecord(p.id(), p.channelId(), p.recipient(), p.message(), created,
                p.hasPassword(), request.lowBandwidth(), verifier.salt(), verifier.verifier());
        r.expires = created.plus(p.expiry());
        r.status = InvitationStatus.OPEN;
        boolean listening = false;
        try {
            synchronized (lock) {
                ensureOpen();
                writeIdentity(p.id(), identity);
                // the listener asks for the identity before the invitation is stored
                identities.put(p.id(), identity);
            }
            r.port = p.listener().listen(p.id(), request.port());
            listening = true;
            if (r.port < 1 || r.port > 65535) {
                throw new LifelineException("the transport reported port " + r.port + " for the new invitation: restart Lifeline and try again");
            }
            List<HostPort> addresses = candidates(r.port);
            if (addresses.isEmpty()) {
                throw new LifelineException("this computer has no network address to put in the invitation: connect to a network and try again");
            }
            issueTicket(r, NoviceKeys.fingerprint(identity.certificate()), addresses);
            p.channel().send(r.toInvitation(clock.instant()), r.ticketFile, p.recipient(), p.message());
            synchronized (lock) {
                ensureOpen();
                save(r);
                records.put(p.id(), r);
                identities.put(p.id(), identity);
                return r.toInvitation(clock.instant());
            }
        } catch (RuntimeException e) {
            if (listening) closeQuietly(p.listener(), p.id());
            synchronized (lock) {
                identities.remove(p.id());
                if (folder != null) deleteQuietly(p.id());
            }
            throw e;
        }
    }

    private void checkExpiry(Duration expiry) {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new LifelineException("an invitation must last longer than zero: give e.g. --expires 1h");
        }
        Duration max = policy.maxExpiry().compareTo(AssistancePolicy.ABSOLUTE_MAX_EXPIRY) < 0 ? policy.maxExpiry()
                : AssistancePolicy.ABSOLUTE_MAX_EXPIRY;
        if (expiry.compareTo(max) > 0) {
            throw new LifelineException("an invitation can last at most " + Durations.format(max) + " on this computer, not "
                    + Durations.format(expiry) + ": choose a shorter expiry");
        }
    }

    /** Sets the record's ticket: made now, valid until the record's expiry, for these addresses. */
    private void issueTicket(InvitationRecord r, byte[] fingerprint, List<HostPort> addresses) {
        r.ticket = ticket(r, fingerprint, addresses, r.expires);
        r.ticketFile = codec.write(r.ticket);
    }

    private Ticket ticket(InvitationRecord r, byte[] fingerprint, List<HostPort> addresses, Instant expires) {
        List<HostPort> limited = addresses.size() > TicketFormat.MAX_ADDRESSES ? addresses.subList(0, TicketFormat.MAX_ADDRESSES) : addresses;
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Ticket(System.getProperty("user.name", ""), limited, TicketFormat.PROTOCOL_VERSION, r.id,
                fingerprint, start, Duration.between(start, expires), r.passwordProtected, r.lowBandwidth);
    }

    /** Every provider's candidates, higher service ranking first, each address once. Calls out: never under the lock. */
    List<HostPort> candidates(int port) {
        List<Map.Entry<CandidateProvider, long[]>> providers = new ArrayList<>(candidateProviders.entrySet());
        providers.sort(Comparator.comparingLong((Map.Entry<CandidateProvider, long[]> e) -> -e.getValue()[0])
                .thenComparingLong(e -> e.getValue()[1]));
        Set<HostPort> out = new LinkedHashSet<>();
        for (Map.Entry<CandidateProvider, long[]> e : providers) {
            try {
                out.addAll(e.getKey().candidates(port));
            } catch (RuntimeException ex) {
                warn("a connection candidate provider failed, its addresses are left out: " + ex);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Invitation> list() {
        synchronized (lock) {
            Instant now = clock.instant();
            return records.values().stream()
                    .sorted(Comparator.comparing((InvitationRecord r) -> r.created).thenComparing(r -> r.id))
                    .map(r -> r.toInvitation(now)).toList();
        }
    }

    @Override
    public Optional<Invitation> find(String id) {
        synchronized (lock) {
            InvitationRecord r = id == null ? null : records.get(id);
            return r == null ? Optional.empty() : Optional.of(r.toInvitation(clock.instant()));
        }
    }

    @Override
    public DeliveryReceipt resend(String id) {
        InvitationChannel channel;
        Invitation invitation;
        byte[] ticketFile;
        synchronized (lock) {
            InvitationRecord r = record(id);
            InvitationStatus s = r.statusAt(clock.instant());
            if (s == InvitationStatus.EXPIRED) {
                throw new LifelineException("invitation " + id + " expired at " + r.expires + ": extend it with ra:expiry " + id + " 1h, then resend it");
            }
            if (s != InvitationStatus.OPEN) {
                throw new LifelineException("invitation " + id + " is " + s + " and cannot be sent again: make a new one with ra:invite");
            }
            channel = channel(r.channelId);
            invitation = r.toInvitation(clock.instant());
            ticketFile = r.ticketFile.clone();
        }
        return channel.send(invitation, ticketFile, invitation.recipient(), invitation.message());
    }

    @Override
    public Invitation revoke(String id) {
        Invitation result;
        boolean close = false;
        synchronized (lock) {
            InvitationRecord r = record(id);
            if (r.status != InvitationStatus.REVOKED) {
                InvitationStatus before = r.status;
                r.status = InvitationStatus.REVOKED;
                try {
                    save(r);
                } catch (RuntimeException e) {
                    r.status = before;
                    throw e;
                }
                close = true;
            }
            result = r.toInvitation(clock.instant());
        }
        NoviceListener l = listener;
        if (close && l != null) closeQuietly(l, id);
        return result;
    }

    @Override
    public Invitation changeExpiry(String id, Instant expires) {
        Instant now = clock.instant();
        InvitationRecord r;
        Invitation before;
        boolean wasExpired;
        synchronized (lock) {
            r = record(id);
            InvitationStatus s = r.statusAt(now);
            if (s == InvitationStatus.REVOKED || s == InvitationStatus.LOCKED) {
                throw new LifelineException("invitation " + id + " is " + s + " and cannot be extended: make a new one with ra:invite");
            }
            if (!expires.isAfter(now)) {
                throw new LifelineException("the new expiry " + expires + " is already past: to end an invitation use ra:revoke " + id);
            }
            checkExpiry(Duration.between(now, expires));
            before = r.toInvitation(now);
            wasExpired = s == InvitationStatus.EXPIRED;
        }
        List<HostPort> addresses = candidates(before.port());
        Ticket t = ticket(r, before.ticket().certificateFingerprint(),
                addresses.isEmpty() ? before.ticket().addresses() : addresses, expires);
        byte[] file = codec.write(t);
        if ("file".equals(before.channelId())) {
            channel(before.channelId()).send(new Invitation(before.id(), before.channelId(), before.recipient(),
                    before.message(), before.created(), expires, InvitationStatus.OPEN, before.lastUsed(),
                    before.sessions(), before.failedAttempts(), before.passwordProtected(), before.lowBandwidth(),
                    before.port(), t), file, before.recipient(), before.message());
        }
        Invitation result;
        synchronized (lock) {
            r = record(id);
            Instant oldExpires = r.expires;
            Ticket oldTicket = r.ticket;
            byte[] oldFile = r.ticketFile;
            r.expires = expires;
            r.ticket = t;
            r.ticketFile = file;
            try {
                save(r);
            } catch (RuntimeException e) {
                r.expires = oldExpires;
                r.ticket = oldTicket;
                r.ticketFile = oldFile;
                throw e;
            }
            result = r.toInvitation(clock.instant());
        }
        NoviceListener l = listener;
        if (wasExpired && result.status() == InvitationStatus.OPEN && l != null) relisten(l, id, result.port());
        return result;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    // ---- InvitationGate

    @Override
    public Admission admit(String invitationId) {
        synchronized (lock) {
            return admitLocked(invitationId);
        }
    }

    private Admission admitLocked(String invitationId) {
        InvitationRecord r = invitationId == null ? null : records.get(invitationId);
        if (r == null) return Admission.refused("this computer has no such invitation: ask the novice for a new one");
        if (!policy.invitationsEnabled()) return Admission.refused("Remote Assistance invitations are turned off on this computer");
        Instant now = clock.instant();
        switch (r.statusAt(now)) {
            case REVOKED -> {
                return Admission.refused("this invitation was cancelled by the novice: ask for a new one");
            }
            case LOCKED -> {
                return Admission.refused("this invitation is locked after " + MAX_FAILED_ATTEMPTS + " wrong passwords: ask the novice for a new one");
            }
            case EXPIRED -> {
                return Admission.refused("this invitation expired at " + r.expires + ": ask the novice for a new one");
            }
            default -> {
            }
        }
        Instant retry = retryAfter(r);
        if (retry != null && now.isBefore(retry)) {
            long seconds = (Duration.between(now, retry).toMillis() + 999) / 1000;
            return Admission.refused("too many wrong passwords: wait " + seconds + " s and try again");
        }
        // Attempts running side by side each get one guess; together with the failures so far they may never
        // exceed the lock limit, or parallel connections would get more than five guesses.
        while (!r.inFlight.isEmpty() && !now.isBefore(r.inFlight.peekFirst().plus(HANDSHAKE_TIMEOUT))) r.inFlight.pollFirst();
        if (r.failedAttempts + r.inFlight.size() >= MAX_FAILED_ATTEMPTS) {
            return Admission.refused("too many attempts with this invitation at once: wait a minute and try again");
        }
        r.inFlight.addLast(now);
        return new Admission(null, r.srpSalt.clone(), r.srpVerifier.clone());
    }

    /** Exponential back-off: after the n-th failure the next try waits 2^(n-1) seconds. */
    static Instant retryAfter(InvitationRecord r) {
        if (r.failedAttempts == 0 || r.lastFailure == null) return null;
        return r.lastFailure.plusSeconds(1L << Math.min(r.failedAttempts - 1, 30));
    }

    @Override
    public Optional<NoviceIdentity> identity(String invitationId) {
        synchronized (lock) {
            return identityLocked(invitationId);
        }
    }

    private Optional<NoviceIdentity> identityLocked(String invitationId) {
        if (invitationId == null) return Optional.empty();
        NoviceIdentity cached = identities.get(invitationId);
        if (cached != null) return Optional.of(cached);
        if (!records.containsKey(invitationId)) return Optional.empty();
        try {
            NoviceIdentity loaded = NoviceKeys.read(keyFile(invitationId), certFile(invitationId));
            identities.put(invitationId, loaded);
            return Optional.of(loaded);
        } catch (IOException e) {
            warn("the key of invitation " + invitationId + " cannot be read (" + e.getMessage() + "); it cannot be used");
            return Optional.empty();
        }
    }

    @Override
    public void failedAttempt(String invitationId) {
        synchronized (lock) {
            failedAttemptLocked(invitationId);
        }
    }

    private void failedAttemptLocked(String invitationId) {
        InvitationRecord r = invitationId == null ? null : records.get(invitationId);
        if (r == null) return;
        r.inFlight.pollFirst();
        r.failedAttempts++;
        r.lastFailure = clock.instant();
        if (r.failedAttempts >= MAX_FAILED_ATTEMPTS && r.status == InvitationStatus.OPEN) {
            r.status = InvitationStatus.LOCKED;
            warn("invitation " + r.id + " is locked after " + r.failedAttempts + " wrong passwords");
        }
        saveQuietly(r);
    }

    @Override
    public void succeeded(String invitationId) {
        synchronized (lock) {
            succeededLocked(invitationId);
        }
    }

    private void succeededLocked(String invitationId) {
        InvitationRecord r = invitationId == null ? null : records.get(invitationId);
        if (r == null) return;
        r.inFlight.pollFirst();
        r.failedAttempts = 0;
        r.lastFailure = null;
        saveQuietly(r);
    }

    @Override
    public void sessionStarted(String invitationId) {
        synchronized (lock) {
            InvitationRecord r = invitationId == null ? null : records.get(invitationId);
            if (r == null) return;
            r.sessions++;
            r.lastUsed = clock.instant();
            saveQuietly(r);
        }
    }

    // ---- helpers

    /** Listens again for every open invitation on its port (after a restart, or when a listener arrives). */
    private void relistenAll() {
        NoviceListener l = listener;
        if (l == null) return;
        Map<String, Integer> open = new HashMap<>();
        synchronized (lock) {
            Instant now = clock.instant();
            for (InvitationRecord r : records.values()) {
                if (r.statusAt(now) == InvitationStatus.OPEN) open.put(r.id, r.port);
            }
        }
        open.forEach((id, port) -> relisten(l, id, port));
    }

    private void relisten(NoviceListener l, String id, int port) {
        try {
            int bound = l.listen(id, port);
            if (bound == port) return;
            List<HostPort> addresses = candidates(bound);
            synchronized (lock) {
                InvitationRecord r = records.get(id);
                if (r == null) return;
                r.port = bound;
                issueTicket(r, r.ticket.certificateFingerprint(), addresses.isEmpty() ? r.ticket.addresses() : addresses);
                save(r);
            }
            warn("invitation " + id + " now listens on port " + bound + " instead of " + port + ": send it again with ra:resend " + id);
        } catch (RuntimeException e) {
            warn("invitation " + id + " cannot listen again on port " + port + ": " + e.getMessage());
        }
    }

    private InvitationRecord record(String id) {
        ensureOpen();
        InvitationRecord r = id == null ? null : records.get(id);
        if (r == null) throw new LifelineException("there is no invitation " + id + ": ra:invitations lists them");
        return r;
    }

    private InvitationChannel channel(String id) {
        InvitationChannel c = channels.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (c == null) {
            throw new LifelineException("there is no invitation channel '" + id + "': ra:channels lists the installed ones");
        }
        return c;
    }

    private void ensureOpen() {
        if (folder == null) throw new LifelineException("the invitation store is not running: restart Lifeline");
    }

    private String newId() {
        while (true) {
            StringBuilder b = new StringBuilder(ID_LENGTH);
            for (int i = 0; i < ID_LENGTH; i++) b.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
            String id = b.toString();
            if (!records.containsKey(id) && !reserved.contains(id) && !Files.exists(recordFile(id))) return id;
        }
    }

    private Path recordFile(String id) {
        return folder.resolve(id + ".invitation");
    }

    private Path keyFile(String id) {
        return folder.resolve(id + ".key.pem");
    }

    private Path certFile(String id) {
        return folder.resolve(id + ".cert.pem");
    }

    private void writeIdentity(String id, NoviceIdentity identity) {
        try {
            SecureFiles.write(keyFile(id), NoviceKeys.privateKeyPem(identity.privateKey()).getBytes(StandardCharsets.US_ASCII));
            SecureFiles.write(certFile(id), NoviceKeys.certificatePem(identity.certificate()).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new LifelineException("cannot save the invitation's key in " + folder + " (" + e.getMessage() + "): check the data folder");
        }
    }

    private void save(InvitationRecord r) {
        try {
            SecureFiles.write(recordFile(r.id), r.toFile());
        } catch (IOException e) {
            throw new LifelineException("cannot save invitation " + r.id + " in " + folder + " (" + e.getMessage() + "): check the data folder");
        }
    }

    private void saveQuietly(InvitationRecord r) {
        try {
            save(r);
        } catch (LifelineException e) {
            warn(e.getMessage());
        }
    }

    private void deleteQuietly(String id) {
        for (Path p : List.of(recordFile(id), keyFile(id), certFile(id))) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                warn("cannot delete " + p + ": " + e.getMessage());
            }
        }
    }

    private void closeQuietly(NoviceListener l, String id) {
        try {
            l.close(id);
        } catch (RuntimeException e) {
            warn("closing the listener of invitation " + id + " failed: " + e.getMessage());
        }
    }

    private void warn(String message) {
        Logger l = logger;
        if (l != null) {
            l.warn(message);
        } else {
            java.util.logging.Logger.getLogger(InvitationStore.class.getName()).log(Level.WARNING, message);
        }
    }
}
