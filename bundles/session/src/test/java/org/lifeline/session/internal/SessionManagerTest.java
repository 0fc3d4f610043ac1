package org.lifeline.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionEvent;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.ConnectRequest;
import org.lifeline.api.transport.WireChannel;
import org.lifeline.session.internal.Fakes.FakeConnection;
import org.lifeline.session.internal.Fakes.FakeEscapeWatcher;
import org.lifeline.session.internal.Fakes.FakeGate;
import org.lifeline.session.internal.Fakes.FakeNetwork;
import org.lifeline.session.internal.Fakes.FakePolicy;
import org.lifeline.session.internal.Fakes.FakeTicketCodec;
import org.lifeline.session.internal.Fakes.RecordingFeature;
import org.lifeline.session.internal.Fakes.RecordingInputSink;
import org.lifeline.session.internal.Fakes.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;

/**
 * Two session managers, a novice's and an expert's, joined by an in-memory connection pair: the session
 * protocol, its gates and the audit log, end to end above the transport.
 */
class SessionManagerTest {
    static final String INVITATION = "inv-1";
    static final String PASSWORD = "correct horse";
    static final String S = "1";

    @TempDir
    Path tmp;

    final FakeNetwork network = new FakeNetwork();
    final FakeGate gate = new FakeGate();
    final FakePolicy policy = new FakePolicy();
    final FakeTicketCodec codec = new FakeTicketCodec();
    final RecordingListener noviceEvents = new RecordingListener();
    final RecordingListener expertEvents = new RecordingListener();
    final RecordingFeature noviceChat = new RecordingFeature();
    final RecordingFeature expertChat = new RecordingFeature();
    final RecordingInputSink sink = new RecordingInputSink();
    final FakeEscapeWatcher escape = new FakeEscapeWatcher();
    final List<String> noviceLog = new CopyOnWriteArrayList<>();
    final List<String> expertLog = new CopyOnWriteArrayList<>();
    SessionManager novice;
    SessionManager expert;

    @BeforeEach
    void start() {
        novice = manager(tmp.resolve("novice"), noviceLog, noviceEvents);
        novice.gate = gate;
        novice.policy = policy;
        novice.inputSink = sink;
        novice.bindEscapeWatcher(escape);
        novice.bindFeature(noviceChat, feature(WireChannel.CHAT, 0, 1));

        expert = manager(tmp.resolve("expert"), expertLog, expertEvents);
        expert.gate = new FakeGate();
        expert.policy = new FakePolicy();
        expert.ticketCodec = codec;
        expert.bindFeature(expertChat, feature(WireChannel.CHAT, 0, 1));
        gate.passwords.put(INVITATION, PASSWORD);
    }

    @AfterEach
    void stop() {
        novice.deactivate();
        expert.deactivate();
    }

    private SessionManager manager(Path data, List<String> log, RecordingListener listener) {
        SessionManager m = new SessionManager();
        m.log = Fakes.recordingLogger(log);
        m.bindTransport(network.transport());
        m.listeners.add(listener);
        m.start(data);
        return m;
    }

    static Map<String, Object> feature(WireChannel channel, int ranking, long serviceId) {
        return Map.of(SessionFeature.CHANNEL, channel.name(), Constants.SERVICE_RANKING, ranking,
                Constants.SERVICE_ID, serviceId);
    }

    private Path ticketFile(Instant start, Duration length, boolean password) throws Exception {
        int port = novice.listen(INVITATION, 0);
        codec.ticket = new Ticket("bob", List.of(new HostPort("127.0.0.1", port)), 1, INVITATION,
                new byte[] { 1, 2, 3 }, start, length, password, true);
        Path file = tmp.resolve("help.msrcincident");
        Files.writeString(file, "<UPLOADINFO/>");
        return file;
    }

    /** The expert opens a fresh ticket; both sides wait for the novice's answer. */
    private SessionInfo connect() throws Exception {
        Path file = ticketFile(Instant.now(), Duration.ofHours(1), true);
        SessionInfo info = expert.open(file, PASSWORD.toCharArray(), "alice");
        noviceEvents.await(S, SessionEvent.Type.CONSENT_REQUESTED);
        return info;
    }

    private void share() throws Exception {
        connect();
        novice.approve(S);
        expertEvents.awaitState(S, SessionState.VIEWING);
    }

    private void control() throws Exception {
        share();
        expert.takeControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_REQUESTED);
        novice.grant(S);
        expertEvents.await(S, SessionEvent.Type.CONTROL_GRANTED);
    }

    private FakeConnection expertEnd() {
        return network.pairs.get(0)[0];
    }

    private FakeConnection noviceEnd() {
        return network.pairs.get(0)[1];
    }

    private Session noviceSession() {
        return novice.session(S).orElseThrow();
    }

    private Session expertSession() {
        return expert.session(S).orElseThrow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> auditEvents(SessionManager m, Path data) throws Exception {
        return Files.readAllLines(data.resolve(AuditLog.FILE_NAME)).stream()
                .map(l -> l.replaceAll(".*\"event\":\"([a-z-]+)\".*", "$1")).toList();
    }

    // ---------------------------------------------------------------- connecting and consent

    @Test
    void openingATicketConnectsAndAsksTheNoviceForConsent() throws Exception {
        Path file = ticketFile(Instant.now(), Duration.ofHours(1), true);

        SessionInfo info = expert.open(file, PASSWORD.toCharArray(), "alice");

        assertThat(info.id()).isEqualTo("1");
        assertThat(info.role()).isEqualTo(Role.EXPERT);
        assertThat(info.state()).isEqualTo(SessionState.AWAITING_CONSENT);
        assertThat(info.peerName()).isEqualTo("bob");
        assertThat(info.invitationId()).isEqualTo(INVITATION);
        ConnectRequest request = network.connects.get(0);
        assertThat(request.hello().expertName()).isEqualTo("alice");
        assertThat(request.hello().invitationId()).isEqualTo(INVITATION);
        assertThat(request.hello().lowBandwidth()).isTrue();
        assertThat(request.certificateFingerprint()).containsExactly(1, 2, 3);
        assertThat(request.stagger()).isEqualTo(Duration.ofMillis(500));
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(20));
        SessionEvent asked = noviceEvents.await(S, SessionEvent.Type.CONSENT_REQUESTED);
        assertThat(asked.detail()).isEqualTo("alice@127.0.0.1:50000 wants to connect");
        assertThat(asked.state()).isEqualTo(SessionState.AWAITING_CONSENT);
        assertThat(novice.sessions()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo(Role.NOVICE);
            assertThat(s.peerName()).isEqualTo("alice");
        });
        assertThat(gate.calls).containsExactly("admit " + INVITATION, "succeeded " + INVITATION, "session " + INVITATION);
    }

    @Test
    void aConnectionTheExpertDoesNotKeepNeverReachesTheNovice() throws Exception {
        int port = novice.listen(INVITATION, 0);
        ConnectRequest raw = new ConnectRequest(List.of(new HostPort("127.0.0.1", port)), new byte[] { 1 },
                new org.lifeline.api.transport.Hello(1, INVITATION, "alice", false), PASSWORD.toCharArray(),
                Duration.ofMillis(500), Duration.ofSeconds(20));
        FakeConnection loser = (FakeConnection) network.transport().connect(raw).get();
        loser.send(WireChannel.CHAT, utf8("hello?"));
        Fakes.awaitLine(noviceLog, "the expert has not asked for consent yet (frames dropped so far: 1)");
        loser.close("another candidate won");

        connect();

        assertThat(novice.sessions()).extracting(SessionInfo::id).containsExactly("1");
        assertThat(noviceEvents.all).filteredOn(e -> e.type() == SessionEvent.Type.CONSENT_REQUESTED).hasSize(1);
        assertThat(auditEvents(novice, tmp.resolve("novice"))).containsExactly("connected");
        // both authenticated; only the kept one counts as a session of the invitation
        assertThat(gate.calls).filteredOn(c -> c.startsWith("succeeded")).hasSize(2);
        assertThat(gate.calls).filteredOn(c -> c.startsWith("session")).containsExactly("session " + INVITATION);
    }

    @Test
    void featuresReceiveNothingBeforeTheNoviceConsents() throws Exception {
        connect();
        assertThat(expertSession().send(WireChannel.CHAT, utf8("polite"))).isFalse();
        assertThat(noviceSession().send(WireChannel.SCREEN, utf8("pixels"))).isFalse();
        expertEnd().send(WireChannel.CHAT, utf8("sneaky"));
        Fakes.awaitLine(noviceLog, "dropped 6 bytes on CHAT from alice@127.0.0.1:50000: the novice has not accepted (frames dropped so far: 1)");

        novice.approve(S);
        expertEvents.awaitState(S, SessionState.VIEWING);
        assertThat(expertSession().send(WireChannel.CHAT, utf8("hello"))).isTrue();

        noviceChat.await(c -> c.startsWith("received"));
        assertThat(noviceChat.calls).containsExactly("started 1", "received 1 hello");
        expertChat.await(c -> c.equals("started 1"));
    }

    @Test
    void deniedConnectionClosesBothSidesWithTheReason() throws Exception {
        connect();

        novice.deny(S);

        SessionEvent closed = expertEvents.await(S, SessionEvent.Type.CLOSED);
        assertThat(closed.detail()).endsWith("declined the connection");
        assertThat(expertSession().state()).isEqualTo(SessionState.CLOSED);
        assertThat(noviceSession().info().closeReason()).isEqualTo("you declined the connection");
        assertThat(noviceChat.calls).isEmpty();
        assertThat(expertChat.calls).isEmpty();
        assertThat(auditEvents(novice, tmp.resolve("novice"))).containsExactly("connected", "denied", "closed");
        assertThat(auditEvents(expert, tmp.resolve("expert"))).containsExactly("connected", "denied", "closed");
    }

    @Test
    void outOfOrderStepsAreRefusedWithOneClearLine() throws Exception {
        connect();
        assertThatThrownBy(() -> expert.approve(S)).isInstanceOf(LifelineException.class)
                .hasMessage("session 1 is the expert's side: only the novice accepts a connection");
        assertThatThrownBy(() -> expert.takeControl(S)).hasMessageContaining("waiting for bob to accept");
        assertThatThrownBy(() -> novice.grant(S)).hasMessage("session 1 is not asking for control");
        assertThatThrownBy(() -> novice.takeControl(S)).hasMessageContaining("the expert does");

        novice.approve(S);
        expertEvents.awaitState(S, SessionState.VIEWING);
        assertThatThrownBy(() -> novice.approve(S)).hasMessage("session 1 is not waiting for consent (it is viewing)");
        assertThatThrownBy(() -> novice.grant(S)).hasMessage("session 1 is not asking for control");
        assertThatThrownBy(() -> novice.stopControl(S)).hasMessage("session 1 is not under control (it is viewing)");
        assertThatThrownBy(() -> expert.releaseControl(S)).hasMessage("you do not have control of session 1 (it is viewing)");
        assertThatThrownBy(() -> novice.approve("7")).hasMessage("there is no session 7: ra:sessions lists them");

        expert.takeControl(S);
        assertThatThrownBy(() -> expert.takeControl(S)).hasMessageContaining("you already asked for control of session 1");
    }

    @Test
    void aControlMessageOutOfTurnChangesNothing() throws Exception {
        share();

        noviceEnd().send(WireChannel.CONTROL, ControlMessage.of(ControlMessage.Type.CONTROL_GRANTED).encode());
        noviceEnd().send(WireChannel.CONTROL, new byte[] { 9, 9 });
        novice.disconnect(S);

        expertEvents.await(S, SessionEvent.Type.CLOSED);
        assertThat(expertEvents.all).noneMatch(e -> e.type() == SessionEvent.Type.CONTROL_GRANTED);
        assertThat(expertLog).anySatisfy(l -> assertThat(l).contains("ignored CONTROL_GRANTED"));
        assertThat(expertLog).anySatisfy(l -> assertThat(l).contains("malformed control message"));
        assertThat(expertSession().info().closeReason()).endsWith("ended the session");
    }

    // ---------------------------------------------------------------- control and input

    @Test
    void inputBeforeTheGrantIsDroppedAndReported() throws Exception {
        share();
        assertThatThrownBy(() -> expert.type(S, "rm -rf"))
                .hasMessage("you do not have control of session 1 (it is viewing): ra:take-control 1 and wait for bob to grant it");
        assertThat(expertSession().send(WireChannel.INPUT, new byte[] { 1 })).isFalse();
        expertEnd().send(WireChannel.INPUT, InputEvent.encode(List.of(new InputEvent.Pointer(5, 5, 1))).get(0));

        SessionEvent dropped = noviceEvents.await(S, SessionEvent.Type.INPUT_DROPPED);
        assertThat(dropped.detail()).contains("control is not granted");

        expert.takeControl(S);
        SessionEvent asked = noviceEvents.await(S, SessionEvent.Type.CONTROL_REQUESTED);
        assertThat(asked.detail()).isEqualTo("alice@127.0.0.1:50000 asks to control your computer");
        assertThat(expertSession().state()).isEqualTo(SessionState.CONTROL_REQUESTED);
        novice.grant(S);
        expertEvents.await(S, SessionEvent.Type.CONTROL_GRANTED);
        expert.type(S, "a");

        assertThat(sink.next()).isEqualTo("key 0x61 down");
        assertThat(sink.next()).isEqualTo("key 0x61 up");
    }

    @Test
    void anInputFeatureHearsInputOnlyWhileTheExpertIsInControl() throws Exception {
        RecordingFeature inputFeature = new RecordingFeature();
        novice.bindFeature(inputFeature, feature(WireChannel.INPUT, 0, 7));
        share();
        inputFeature.await(c -> c.equals("started 1"));
        byte[] keyA = InputEvent.encode(List.of(new InputEvent.Key(0x61, true))).get(0);
        expertEnd().send(WireChannel.INPUT, keyA);
        noviceEvents.await(S, SessionEvent.Type.INPUT_DROPPED);

        expert.takeControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_REQUESTED);
        novice.grant(S);
        expertEvents.await(S, SessionEvent.Type.CONTROL_GRANTED);
        assertThat(expertSession().send(WireChannel.INPUT, keyA)).isTrue();

        inputFeature.await(c -> c.startsWith("received"));
        assertThat(inputFeature.calls).hasSize(4).startsWith("started 1", "state 1 CONTROL_REQUESTED", "state 1 IN_CONTROL");
        assertThat(sink.next()).isEqualTo("key 0x61 down");
    }

    @Test
    void anEscapeWatcherBoundDuringControlStartsWatchingAtOnce() throws Exception {
        novice.unbindEscapeWatcher(escape);
        control();
        FakeEscapeWatcher late = new FakeEscapeWatcher();

        novice.bindEscapeWatcher(late);
        late.awaitWatching();
        late.press();

        assertThat(expertEvents.await(S, SessionEvent.Type.CONTROL_ENDED).detail()).endsWith("the novice pressed Esc");
        late.awaitStopped();
        assertThat(escape.watches.get()).isZero();
    }

    @Test
    void stoppingControlWhenNobodyHasItIsQuiet() throws Exception {
        share();

        novice.stopControl(null);

        assertThat(noviceSession().state()).isEqualTo(SessionState.VIEWING);
    }

    @Test
    void stoppingLifelineTellsThePeerWhy() throws Exception {
        share();

        novice.deactivate();

        assertThat(expertEvents.await(S, SessionEvent.Type.CLOSED).detail()).isEqualTo("Lifeline on the other computer stopped");
        assertThat(noviceSession().info().closeReason()).isEqualTo("Lifeline on this computer stopped");
        assertThat(network.listening).isEmpty();
    }

    @Test
    void repeatedDropsAreLoggedSparingly() {
        assertThat(java.util.stream.LongStream.rangeClosed(1, 1000).filter(SessionManager::worthLogging).boxed())
                .containsExactly(1L, 10L, 100L, 1000L);
    }

    @Test
    void clicksKeysAndWheelReachTheInputSinkWhileInControl() throws Exception {
        control();

        expert.click(S, 10, 20, 3);
        expert.key(S, 0xff1b);
        expert.wheel(S, 0, 2);

        assertThat(List.of(sink.next(), sink.next(), sink.next(), sink.next(), sink.next(), sink.next()))
                .containsExactly("pointer 10 20 0", "pointer 10 20 4", "pointer 10 20 0", "key 0xff1b down",
                        "key 0xff1b up", "wheel 0 2");
        assertThatThrownBy(() -> expert.click(S, 1, 1, 7)).hasMessageContaining("use 1 (left), 2 (middle) or 3 (right)");
        assertThatThrownBy(() -> novice.type(S, "x")).hasMessageContaining("the novice's side");
    }

    @Test
    void escapeEndsControlAndTheExpertSeesControlEnded() throws Exception {
        control();
        escape.awaitWatching();

        long pressed = System.nanoTime();
        escape.press();
        SessionEvent ended = expertEvents.await(S, SessionEvent.Type.CONTROL_ENDED);
        long millis = (System.nanoTime() - pressed) / 1_000_000;

        assertThat(ended.detail()).isEqualTo("control ended: the novice pressed Esc");
        assertThat(ended.state()).isEqualTo(SessionState.VIEWING);
        assertThat(noviceEvents.await(S, SessionEvent.Type.CONTROL_ENDED).state()).isEqualTo(SessionState.VIEWING);
        assertThatThrownBy(() -> expert.key(S, 0x61)).hasMessageContaining("you do not have control");
        escape.awaitStopped();
        System.out.println("Esc to the expert's CONTROL_ENDED: " + millis + " ms (in memory)");
    }

    @Test
    void whatTheExpertHoldsIsLetGoWhenTheNovicePressesEsc() throws Exception {
        control();
        escape.awaitWatching();
        expert.pointer(S, 5, 6, 1);
        assertThat(sink.next()).isEqualTo("pointer 5 6 1");

        escape.press();

        assertThat(sink.next()).isEqualTo("release all");
    }

    @Test
    void whatTheExpertHoldsIsLetGoWhenTheNoviceStopsControlOrTheExpertReleasesIt() throws Exception {
        control();
        novice.stopControl(S);
        assertThat(sink.next()).isEqualTo("release all");
        expertEvents.await(S, SessionEvent.Type.CONTROL_ENDED);

        expert.takeControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_REQUESTED);
        novice.grant(S);
        expertEvents.await(S, SessionEvent.Type.CONTROL_GRANTED);
        expert.releaseControl(S);
        assertThat(sink.next()).isEqualTo("release all");
    }

    @Test
    void theNoviceStoppingControlTellsTheExpertWhy() throws Exception {
        control();

        novice.stopControl(null);

        assertThat(expertEvents.await(S, SessionEvent.Type.CONTROL_ENDED).detail())
                .isEqualTo("control ended: the novice took control back");
        assertThat(noviceEvents.await(S, SessionEvent.Type.CONTROL_ENDED).state()).isEqualTo(SessionState.VIEWING);
    }

    @Test
    void theNoviceCanRefuseAPendingRequest() throws Exception {
        share();
        expert.takeControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_REQUESTED);

        novice.stopControl(S);

        assertThat(expertEvents.await(S, SessionEvent.Type.CONTROL_DENIED).state()).isEqualTo(SessionState.VIEWING);
        assertThat(noviceSession().state()).isEqualTo(SessionState.VIEWING);
    }

    @Test
    void releasingControlTellsTheNoviceAndStopsWatchingEsc() throws Exception {
        control();
        escape.awaitWatching();

        expert.releaseControl(S);

        assertThat(noviceEvents.await(S, SessionEvent.Type.CONTROL_ENDED).detail()).isEqualTo("alice gave control back");
        escape.awaitStopped();
        assertThat(expertSession().state()).isEqualTo(SessionState.VIEWING);
    }

    @Test
    void policyWithoutControlRefusesEveryRequestOnBothSides() throws Exception {
        policy.controlEnabled = false;
        share();

        expert.takeControl(S);

        SessionEvent refused = expertEvents.await(S, SessionEvent.Type.CONTROL_DENIED);
        assertThat(refused.detail()).contains("policy control.enabled=false");
        assertThat(refused.state()).isEqualTo(SessionState.VIEWING);
        SessionEvent told = noviceEvents.await(S, SessionEvent.Type.CONTROL_DENIED);
        assertThat(told.detail()).startsWith("alice asked for control; refused: control is turned off");
        assertThat(noviceSession().state()).isEqualTo(SessionState.VIEWING);
        assertThat(noviceEvents.all).noneMatch(e -> e.type() == SessionEvent.Type.CONTROL_REQUESTED);
    }

    @Test
    void policyTurnedOffBeforeTheGrantRefusesIt() throws Exception {
        share();
        expert.takeControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_REQUESTED);
        policy.controlEnabled = false;

        assertThatThrownBy(() -> novice.grant(S)).hasMessageContaining("control is turned off by policy");

        assertThat(expertEvents.await(S, SessionEvent.Type.CONTROL_DENIED).detail()).contains("control.enabled=false");
        assertThat(noviceSession().state()).isEqualTo(SessionState.VIEWING);
    }

    @Test
    void aDroppedConnectionEndsControlAndClosesTheSession() throws Exception {
        control();
        escape.awaitWatching();
        noviceChat.await(c -> c.equals("state 1 IN_CONTROL"));

        noviceEnd().drop();

        assertThat(expertEvents.await(S, SessionEvent.Type.CONTROL_ENDED).detail())
                .isEqualTo("control ended: the connection was lost");
        assertThat(expertEvents.await(S, SessionEvent.Type.CLOSED).detail()).isEqualTo("the connection was lost");
        noviceEvents.await(S, SessionEvent.Type.CONTROL_ENDED);
        noviceEvents.await(S, SessionEvent.Type.CLOSED);
        assertThat(noviceSession().state()).isEqualTo(SessionState.CLOSED);
        assertThat(noviceChat.await(c -> c.startsWith("ended"))).isEqualTo("ended 1");
        assertThat(noviceChat.calls).containsSubsequence("started 1", "state 1 CONTROL_REQUESTED", "state 1 IN_CONTROL",
                "state 1 CLOSED", "ended 1");
        escape.awaitStopped();
        assertThat(auditEvents(novice, tmp.resolve("novice"))).endsWith("control-ended", "closed");
        assertThatThrownBy(() -> novice.disconnect(S)).hasMessage("session 1 has ended (the connection was lost)");
    }

    // ---------------------------------------------------------------- audit

    @Test
    void theAuditLogRecordsEveryStepWithDurations() throws Exception {
        control();
        expert.releaseControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_ENDED);
        expert.disconnect(S);
        noviceEvents.await(S, SessionEvent.Type.CLOSED);

        assertThat(auditEvents(novice, tmp.resolve("novice"))).containsExactly("connected", "approved",
                "control-requested", "control-granted", "control-ended", "closed");
        assertThat(auditEvents(expert, tmp.resolve("expert"))).containsExactly("connected", "approved",
                "control-requested", "control-granted", "control-ended", "closed");
        List<String> lines = Files.readAllLines(tmp.resolve("novice").resolve(AuditLog.FILE_NAME));
        assertThat(lines.get(0)).matches("\\{\"time\":\"[0-9T:.Z-]+\",\"session\":\"1\",\"role\":\"novice\","
                + "\"peer\":\"127.0.0.1:50000\",\"expert\":\"alice\",\"novice\":\"[^\"]+\",\"invitation\":\"inv-1\","
                + "\"event\":\"connected\"}");
        assertThat(lines.get(4)).contains("\"reason\":\"released by the expert\"").containsPattern("\"duration_s\":[0-9.]+");
        assertThat(lines.get(5)).contains("\"reason\":\"alice ended the session\"").containsPattern("\"duration_s\":[0-9.]+");
    }

    @Test
    void theAuditLogRecordsDenialsAndRefusals() throws Exception {
        policy.controlEnabled = false;
        share();
        expert.takeControl(S);
        noviceEvents.await(S, SessionEvent.Type.CONTROL_DENIED);
        novice.disconnect(S);

        assertThat(auditEvents(novice, tmp.resolve("novice"))).containsExactly("connected", "approved",
                "control-denied", "closed");
    }

    // ---------------------------------------------------------------- tickets

    @Test
    void anExpiredTicketIsRefusedLocallyWithoutConnecting() throws Exception {
        Path file = ticketFile(Instant.parse("2026-01-02T10:00:00Z"), Duration.ofHours(1), false);

        assertThatThrownBy(() -> expert.open(file, null, "alice")).isInstanceOf(LifelineException.class)
                .hasMessage("this invitation expired on 2026-01-02 11:00 UTC: ask bob for a new one");
        assertThat(network.connects).isEmpty();
    }

    @Test
    void aTicketNeedingAPasswordIsRefusedWithoutOne() throws Exception {
        Path file = ticketFile(Instant.now(), Duration.ofHours(1), true);

        assertThatThrownBy(() -> expert.open(file, new char[0], "alice")).hasMessageContaining("--password");
        assertThat(network.connects).isEmpty();
    }

    @Test
    void anOversizedOrMissingTicketFileIsRefused() throws Exception {
        Path big = tmp.resolve("big.msrcincident");
        Files.write(big, new byte[64 * 1024 + 1]);

        assertThatThrownBy(() -> expert.open(big, null, "alice")).hasMessageContaining("larger than a ticket can be");
        assertThatThrownBy(() -> expert.open(tmp.resolve("nothing"), null, "alice"))
                .hasMessageContaining("there is no ticket file at");
    }

    @Test
    void aRefusalFromTheNovicesSideReachesTheExpertAsItIs() throws Exception {
        Path file = ticketFile(Instant.now(), Duration.ofHours(1), true);
        gate.refusal = "this invitation was revoked: ask bob for a new one";

        assertThatThrownBy(() -> expert.open(file, PASSWORD.toCharArray(), "alice"))
                .hasMessage("this invitation was revoked: ask bob for a new one");
        assertThat(expert.sessions()).isEmpty();
    }

    @Test
    void closingAnInvitationStopsListeningButRunningSessionsGoOn() throws Exception {
        share();

        novice.close(INVITATION);

        assertThat(network.listening).isEmpty();
        assertThat(noviceSession().state()).isEqualTo(SessionState.VIEWING);
    }

    @Test
    void aNewTransportTakesOverTheInvitationsPort() throws Exception {
        int port = novice.listen(INVITATION, 0);
        var before = network.listening.get(port);

        novice.bindTransport(network.transport());

        assertThat(network.listening).containsOnlyKeys(port);
        assertThat(network.listening.get(port)).isNotSameAs(before);
        assertThat(novice.listen(INVITATION, 0)).isEqualTo(port);
    }

    // ---------------------------------------------------------------- features whiteboard

    @Test
    void aFeatureBoundWhileSharingStartsAndCanBeReplacedLive() throws Exception {
        share();
        noviceChat.await(c -> c.equals("started 1"));
        RecordingFeature better = new RecordingFeature();
        RecordingFeature screen = new RecordingFeature();

        novice.bindFeature(screen, feature(WireChannel.SCREEN, 0, 5));
        novice.bindFeature(better, feature(WireChannel.CHAT, 10, 6));
        better.await(c -> c.equals("started 1"));
        screen.await(c -> c.equals("started 1"));
        noviceChat.await(c -> c.equals("ended 1"));
        expertSession().send(WireChannel.CHAT, utf8("to the new one"));
        better.await(c -> c.equals("received 1 to the new one"));

        novice.unbindFeature(better, feature(WireChannel.CHAT, 10, 6));
        noviceChat.await(c -> c.equals("started 1"));
        expertSession().send(WireChannel.CHAT, utf8("back"));
        noviceChat.await(c -> c.equals("received 1 back"));
        assertThat(better.calls).doesNotContain("ended 1");
    }

    @Test
    void aFeatureCannotClaimTheControlChannel() throws Exception {
        RecordingFeature intruder = new RecordingFeature();
        novice.bindFeature(intruder, feature(WireChannel.CONTROL, 100, 9));
        share();
        novice.disconnect(S);
        noviceEvents.await(S, SessionEvent.Type.CLOSED);

        assertThat(intruder.calls).isEmpty();
    }

    @Test
    void sessionsAreNumberedPerProcess() throws Exception {
        share();
        novice.disconnect(S);
        expertEvents.await(S, SessionEvent.Type.CLOSED);
        Path file = ticketFile(Instant.now(), Duration.ofHours(1), true);

        SessionInfo second = expert.open(file, PASSWORD.toCharArray(), "alice");

        assertThat(second.id()).isEqualTo("2");
        assertThat(expert.sessions()).extracting(SessionInfo::id).containsExactly("1", "2");
    }

    @Test
    void namesFromThePeerCannotCarryTerminalControls() {
        assertThat(SessionManager.displayName("mallory\u001b[2J\nroot")).isEqualTo("mallory [2J root");
        assertThat(SessionManager.displayName("  ")).isEqualTo("someone");
        assertThat(SessionManager.displayName("x".repeat(200))).hasSize(SessionManager.MAX_NAME_CHARS);
    }
}
