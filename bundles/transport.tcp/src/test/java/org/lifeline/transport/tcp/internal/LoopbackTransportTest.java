package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.NoviceIdentity;
import org.lifeline.api.transport.ConnectRequest;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.Hello;
import org.lifeline.api.transport.ListenRequest;
import org.lifeline.api.transport.Listener;
import org.lifeline.api.transport.WireChannel;

/** The real transport over 127.0.0.1: TLS, the handshake, the gate, and the ways a peer misbehaves. */
@ExtendWith(LeakGuard.class)
class LoopbackTransportTest {
    private static final String ID = "inv-loopback";
    private static final String PASSWORD = "blue-kettle-42";
    /** Generous: the first handshakes in a cold JVM on a busy machine take over a second. */
    private static final long HANDSHAKE_MILLIS = 5_000;
    private static final long SHORT_HANDSHAKE_MILLIS = 500;
    private static final long PING_MILLIS = 100;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TransportSettings SETTINGS = TransportSettings.DEFAULTS.withBindHost("127.0.0.1")
            .withTimers(HANDSHAKE_MILLIS, TransportSettings.IDLE_TIMEOUT_MILLIS, PING_MILLIS);

    private static TcpTransport transport;
    private static EventLoopGroup relayGroup;
    private final NoviceIdentity identity = TestSupport.identity("novice");
    private final byte[] pin = Fingerprints.of(identity.certificate());
    private final TestGate gate = new TestGate(ID, PASSWORD);
    private final List<Connection> atNovice = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void startTransport() {
        transport = new TcpTransport();
        transport.start(SETTINGS);
        relayGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopTransport() {
        transport.deactivate();
        relayGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (Connection c : atNovice) c.close("test over");
        for (int i = cleanup.size() - 1; i >= 0; i--) cleanup.get(i).close();
    }

    private NoviceListener listen(TestGate withGate) {
        NoviceListener listener = (NoviceListener) transport.listen(new ListenRequest(0, identity, withGate, atNovice::add));
        cleanup.add(listener);
        return listener;
    }

    private NoviceListener listen() {
        return listen(gate);
    }

    private static HostPort local(int port) {
        return new HostPort("127.0.0.1", port);
    }

    private ConnectRequest request(List<HostPort> candidates, byte[] fingerprint, String password, Duration stagger) {
        return new ConnectRequest(candidates, fingerprint, new Hello(1, ID, "Bob the expert", false),
                password == null ? null : password.toCharArray(), stagger, WAIT);
    }

    private ConnectRequest request(int port, String password) {
        return request(List.of(local(port)), pin, password, Duration.ofMillis(500));
    }

    private Connection connect(ConnectRequest request) throws Exception {
        Connection c = transport.connect(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        cleanup.add(() -> c.close("test over"));
        return c;
    }

    private static String failure(CompletableFuture<Connection> future) throws Exception {
        try {
            Connection unexpected = future.get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            unexpected.close("test over");
            throw new AssertionError("connected although it should not: " + unexpected);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(LifelineException.class);
            return e.getCause().getMessage();
        }
    }

    @Test
    void anExpertWithThePasswordGetsAWorkingConnection() throws Exception {
        Listener listener = listen();
        char[] password = PASSWORD.toCharArray();
        ConnectRequest request = new ConnectRequest(List.of(local(listener.port())), pin,
                new Hello(1, ID, "Bob the expert", true), password, Duration.ofMillis(500), WAIT);
        Connection expert = connect(request);
        assertThat(password).containsOnly('\0');
        TestSupport.await("the novice has its connection", WAIT, () -> atNovice.size() == 1);
        Connection novice = atNovice.get(0);
        assertThat(novice.hello()).isEqualTo(new Hello(1, ID, "Bob the expert", true));
        assertThat(gate.succeeded).hasValue(1);
        assertThat(expert.peer()).isEqualTo("127.0.0.1:" + listener.port());
        assertThat(novice.peer()).startsWith("127.0.0.1:");

        List<String> atNoviceFrames = new CopyOnWriteArrayList<>();
        List<String> atExpertFrames = new CopyOnWriteArrayList<>();
        novice.onFrame((c, p) -> atNoviceFrames.add(c + ":" + new String(p, StandardCharsets.UTF_8)));
        expert.onFrame((c, p) -> atExpertFrames.add(c + ":" + new String(p, StandardCharsets.UTF_8)));
        assertThat(expert.send(WireChannel.CHAT, "hello novice".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(novice.send(WireChannel.SCREEN, new byte[Connection.MAX_PAYLOAD])).isTrue();
        assertThat(novice.send(WireChannel.CONTROL, "consent granted".getBytes(StandardCharsets.UTF_8))).isTrue();
        TestSupport.await("frames arrive", WAIT, () -> atNoviceFrames.size() == 1 && atExpertFrames.size() == 2);
        assertThat(atNoviceFrames).containsExactly("CHAT:hello novice");
        assertThat(atExpertFrames).hasSize(2).anyMatch(f -> f.equals("CONTROL:consent granted"));
        TestSupport.await("a ping measured the round trip", WAIT, () -> expert.roundTripMillis() >= 0
                && novice.roundTripMillis() >= 0);
        assertThat(expert.bytesIn()).isGreaterThan(Connection.MAX_PAYLOAD);
        assertThat(novice.bytesOut()).isGreaterThan(Connection.MAX_PAYLOAD);
        TestSupport.await("everything was written", WAIT, () -> novice.pendingBytes() == 0);

        List<String> expertHeard = new CopyOnWriteArrayList<>();
        expert.onClose(expertHeard::add);
        novice.close("the novice ended the session");
        TestSupport.await("the expert hears why", WAIT, () -> !expertHeard.isEmpty());
        assertThat(expertHeard).containsExactly("the novice ended the session");
        assertThat(expert.isOpen()).isFalse();
    }

    @Test
    void anInvitationWithoutPasswordConnectsWithNone() throws Exception {
        TestGate open = new TestGate(ID, "");
        Listener listener = listen(open);
        Connection expert = connect(request(listener.port(), null));
        assertThat(expert.isOpen()).isTrue();
        assertThat(open.succeeded).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndCountedAgainstTheInvitation() throws Exception {
        Listener listener = listen();
        String message = failure(transport.connect(request(listener.port(), "red-kettle-42")));
        assertThat(message).startsWith("wrong password");
        assertThat(gate.failed).hasValue(1);
        assertThat(gate.succeeded).hasValue(0);
        assertThat(atNovice).isEmpty();
    }

    @Test
    void theGatesRefusalReachesTheExpertVerbatimAndNothingElseFlows() throws Exception {
        gate.refusal = "this invitation was revoked by the novice";
        Listener listener = listen();
        assertThat(failure(transport.connect(request(listener.port(), PASSWORD)))).isEqualTo(gate.refusal);

        try (SSLSocket raw = RawClients.tls(listener.port())) {
            RawClients.writeFrame(raw, WireChannel.CONTROL, ControlType.HELLO.code(),
                    HandshakeMessages.hello(new Hello(1, ID, "Eve", false)).length,
                    HandshakeMessages.hello(new Hello(1, ID, "Eve", false)));
            List<Frame> frames = RawClients.readUntilClosed(raw);
            assertThat(frames).singleElement().satisfies(f -> {
                assertThat(f.type()).isEqualTo(ControlType.REFUSAL.code());
                assertThat(new String(f.payload(), StandardCharsets.UTF_8)).isEqualTo(gate.refusal);
            });
        }
        assertThat(gate.admitted).hasValue(0);
        assertThat(atNovice).isEmpty();
    }

    @Test
    void aManInTheMiddleWithItsOwnCertificateIsNamedAsTheWrongComputer() throws Exception {
        Listener listener = listen();
        TlsRelay relay = new TlsRelay(relayGroup, TestSupport.identity("mallory"), listener.port());
        cleanup.add(relay);
        String message = failure(transport.connect(request(relay.port(), PASSWORD)));
        assertThat(message).startsWith("the computer at 127.0.0.1:" + relay.port()
                + " is not the one that made this invitation");
        assertThat(gate.hellos).isEmpty();
    }

    @Test
    void aManInTheMiddleWhoAlsoForgedThePinCannotRelayThePasswordProof() throws Exception {
        Listener listener = listen();
        NoviceIdentity mallory = TestSupport.identity("mallory");
        TlsRelay relay = new TlsRelay(relayGroup, mallory, listener.port());
        cleanup.add(relay);
        ConnectRequest forged = request(List.of(local(relay.port())), Fingerprints.of(mallory.certificate()), PASSWORD,
                Duration.ofMillis(500));
        assertThat(failure(transport.connect(forged))).startsWith("wrong password");
        assertThat(gate.admitted).hasValue(1);
        assertThat(gate.failed).hasValue(1);
        assertThat(atNovice).isEmpty();
    }

    @Test
    void randomBytesAreClosedWithoutTroublingTheGate() throws Exception {
        NoviceListener listener = listen();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            socket.setSoTimeout(RawClients.READ_TIMEOUT_MILLIS);
            byte[] junk = new byte[4096];
            TestSupport.RANDOM.nextBytes(junk);
            socket.getOutputStream().write(junk);
            assertThat(RawClients.closedByPeer(socket)).isTrue();
        }
        TestSupport.await("the slot is free again", WAIT, () -> listener.unauthenticatedCount() == 0);
        assertThat(gate.hellos).isEmpty();
    }

    @Test
    void aTlsClientAnnouncingTwoGibibytesIsClosedWithALogLine() throws Exception {
        try (LogCapture log = new LogCapture(FrameDecoder.class)) {
            Listener listener = listen();
            try (SSLSocket raw = RawClients.tls(listener.port())) {
                RawClients.writeFrame(raw, WireChannel.CONTROL, ControlType.HELLO.code(), 0x8000_0000L, new byte[64]);
                assertThat(RawClients.readUntilClosed(raw)).isEmpty();
            }
            TestSupport.await("the decoder logged it", WAIT, () -> log.lines().stream().anyMatch(l -> l.contains("2147483648")));
        }
        assertThat(gate.hellos).isEmpty();
    }

    @Test
    void aClientThatNeverSpeaksIsClosedAtTheHandshakeDeadline() throws Exception {
        TcpTransport impatient = new TcpTransport();
        impatient.start(SETTINGS.withTimers(SHORT_HANDSHAKE_MILLIS, TransportSettings.IDLE_TIMEOUT_MILLIS, PING_MILLIS));
        try (NoviceListener listener = (NoviceListener) impatient.listen(
                new ListenRequest(0, identity, gate, atNovice::add));
                Socket silent = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            silent.setSoTimeout((int) (SHORT_HANDSHAKE_MILLIS * 10));
            assertThat(RawClients.closedByPeer(silent)).isTrue();
            TestSupport.await("the slot is free again", WAIT, () -> listener.unauthenticatedCount() == 0);
        } finally {
            impatient.deactivate();
        }
        assertThat(gate.hellos).isEmpty();
    }

    @Test
    void twoHundredSilentConnectionsDoNotKeepTheExpertOut() throws Exception {
        NoviceListener listener = listen();
        ByteBufAllocatorMetricProvider metrics = (ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT;
        long before = metrics.metric().usedDirectMemory() + metrics.metric().usedHeapMemory();
        List<Socket> silent = new ArrayList<>();
        try {
            int peak = 0;
            for (int i = 0; i < 200; i++) {
                silent.add(new Socket(InetAddress.getLoopbackAddress(), listener.port()));
                peak = Math.max(peak, listener.unauthenticatedCount());
            }
            assertThat(peak).isLessThanOrEqualTo(TransportSettings.MAX_UNAUTHENTICATED);
            Connection expert = connect(request(listener.port(), PASSWORD));
            assertThat(expert.isOpen()).isTrue();
            assertThat(gate.succeeded).hasValue(1);
            assertThat(listener.unauthenticatedCount()).isLessThanOrEqualTo(TransportSettings.MAX_UNAUTHENTICATED);
            long used = metrics.metric().usedDirectMemory() + metrics.metric().usedHeapMemory() - before;
            assertThat(used).as("buffer memory held with 200 silent sockets").isLessThan(32L * 1024 * 1024);
        } finally {
            for (Socket s : silent) s.close();
        }
    }

    @Test
    void aFloodFromOneAddressCannotPushOutAHandshakeFromAnother() throws Exception {
        NoviceListener listener = listen();
        List<Socket> flood = new ArrayList<>();
        // the expert's connection, still in its handshake, from 127.0.0.1; the flood comes from 127.0.0.2
        try (Socket expertMidHandshake = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            for (int i = 0; i < 200; i++) {
                flood.add(new Socket(InetAddress.getLoopbackAddress(), listener.port(), attacker, 0));
            }
            expertMidHandshake.setSoTimeout(500);
            assertThat(RawClients.closedByPeer(expertMidHandshake)).as("the first address's handshake survives").isFalse();
            assertThat(listener.unauthenticatedCount()).isLessThanOrEqualTo(TransportSettings.MAX_UNAUTHENTICATED);
            assertThat(flood.get(0).isClosed() || RawClients.closedByPeer(withTimeout(flood.get(0))))
                    .as("the flood's oldest connection was closed to make room").isTrue();
        } finally {
            for (Socket s : flood) s.close();
        }
        Connection expert = connect(request(listener.port(), PASSWORD));
        assertThat(expert.isOpen()).isTrue();
    }

    private static Socket withTimeout(Socket socket) throws java.net.SocketException {
        socket.setSoTimeout(5_000);
        return socket;
    }

    @Test
    void aDeadFirstCandidateFallsThroughToTheLiveOne() throws Exception {
        Listener listener = listen();
        Connection expert = connect(request(List.of(local(RawClients.deadPort()), local(listener.port())), pin,
                PASSWORD, Duration.ofMillis(500)));
        assertThat(expert.peer()).isEqualTo("127.0.0.1:" + listener.port());
    }

    @Test
    void aHostNameCandidateIsResolved() throws Exception {
        Listener listener = listen();
        Connection expert = connect(request(List.of(new HostPort("localhost", listener.port())), pin, PASSWORD,
                Duration.ofMillis(500)));
        assertThat(expert.isOpen()).isTrue();
    }

    @Test
    void aSilentFirstCandidateIsOvertakenAfterTheStagger() throws Exception {
        Listener listener = listen();
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Connection expert = connect(request(List.of(local(blackHole.getLocalPort()), local(listener.port())), pin,
                    PASSWORD, Duration.ofMillis(200)));
            assertThat(expert.peer()).isEqualTo("127.0.0.1:" + listener.port());
        }
    }

    @Test
    void whenEveryCandidateFailsEachOneIsListedWithAdvice() throws Exception {
        int first = RawClients.deadPort();
        int second = RawClients.deadPort();
        String message = failure(transport.connect(request(List.of(local(first), local(second)), pin, PASSWORD,
                Duration.ofMillis(200))));
        assertThat(message).isEqualTo("could not connect to the novice: 127.0.0.1:" + first
                + ": connection refused; 127.0.0.1:" + second + ": connection refused. " + CandidateDialer.ADVICE);
    }

    @Test
    void theNovicesRefusalIsFinalAndStopsTheOtherCandidates() throws Exception {
        gate.refusal = "this invitation is locked after 5 wrong passwords";
        Listener refusing = listen();
        TestGate second = new TestGate(ID, PASSWORD);
        Listener other = listen(second);
        String message = failure(transport.connect(request(List.of(local(refusing.port()), local(other.port())), pin,
                PASSWORD, Duration.ofSeconds(5))));
        assertThat(message).isEqualTo(gate.refusal);
        assertThat(second.hellos).isEmpty();
    }

    @Test
    void stoppingTheNovicesTransportTellsTheExpertWhy() throws Exception {
        TcpTransport novicesTransport = new TcpTransport();
        novicesTransport.start(SETTINGS);
        try {
            Listener listener = novicesTransport.listen(new ListenRequest(0, identity, gate, atNovice::add));
            Connection expert = connect(request(listener.port(), PASSWORD));
            List<String> heard = new CopyOnWriteArrayList<>();
            expert.onClose(heard::add);
            novicesTransport.deactivate();
            TestSupport.await("the expert hears why", WAIT, () -> !heard.isEmpty());
            assertThat(heard).containsExactly(TcpTransport.SHUTTING_DOWN);
        } finally {
            novicesTransport.deactivate();
        }
    }

    @Test
    void whatTheNoviceSendsAtOnceReachesTheExpertAfterTheHandshake() throws Exception {
        Listener listener = transport.listen(new ListenRequest(0, identity, gate, c -> {
            atNovice.add(c);
            c.send(WireChannel.CONTROL, "waiting for the novice's consent".getBytes(StandardCharsets.UTF_8));
        }));
        cleanup.add(listener);
        Connection expert = connect(request(listener.port(), PASSWORD));
        List<String> heard = new CopyOnWriteArrayList<>();
        expert.onFrame((c, p) -> heard.add(c + ":" + new String(p, StandardCharsets.UTF_8)));
        TestSupport.await("the first message arrives", WAIT, () -> !heard.isEmpty());
        assertThat(heard).containsExactly("CONTROL:waiting for the novice's consent");
    }

    @Test
    void anExpertThatFallsSilentIsDroppedAfterTheIdleTimeout() throws Exception {
        TcpTransport novicesTransport = new TcpTransport();
        novicesTransport.start(SETTINGS.withTimers(HANDSHAKE_MILLIS, 500, PING_MILLIS));
        TcpTransport quietExpert = new TcpTransport();
        quietExpert.start(SETTINGS.withTimers(HANDSHAKE_MILLIS, TransportSettings.IDLE_TIMEOUT_MILLIS, 60_000));
        try {
            Listener listener = novicesTransport.listen(new ListenRequest(0, identity, gate, atNovice::add));
            Connection expert = quietExpert.connect(request(listener.port(), PASSWORD)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // a hung expert: it neither pings nor reads, so the novice's pings are never answered
            ((ConnectionHandler) expert).channel().config().setAutoRead(false);
            TestSupport.await("the novice has its connection", WAIT, () -> atNovice.size() == 1);
            List<String> noviceHeard = new CopyOnWriteArrayList<>();
            atNovice.get(0).onClose(noviceHeard::add);
            TestSupport.await("the novice gives up", WAIT, () -> !noviceHeard.isEmpty());
            assertThat(noviceHeard).singleElement().asString().startsWith("the connection was lost: nothing was heard");
        } finally {
            quietExpert.deactivate();
            novicesTransport.deactivate();
        }
    }
}
