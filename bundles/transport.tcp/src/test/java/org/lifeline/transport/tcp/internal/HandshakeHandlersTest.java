package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.transport.Gatekeeper;
import org.lifeline.api.transport.Hello;
import org.lifeline.api.transport.WireChannel;

/** Both handshake handlers wired back to back on embedded channels (TLS is the loopback tests' business). */
@ExtendWith(LeakGuard.class)
class HandshakeHandlersTest {
    private static final String ID = "inv-7";
    private static final String PASSWORD = "open sesame, please";
    private static final TransportSettings SETTINGS = TransportSettings.DEFAULTS;

    private final byte[] fingerprint = new byte[32];
    private final TestGate gate = new TestGate(ID, PASSWORD);
    private final List<ConnectionHandler> noviceConnections = new ArrayList<>();
    private final CompletableFuture<ConnectionHandler> expertResult = new CompletableFuture<>();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private EmbeddedChannel novice;
    private EmbeddedChannel expert;

    @AfterEach
    void close() {
        if (novice != null) novice.finishAndReleaseAll();
        if (expert != null) expert.finishAndReleaseAll();
    }

    private void start(String password, Hello hello) {
        novice = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(),
                new NoviceHandshake(SETTINGS, gate, fingerprint, TestSupport.RANDOM, c -> { }, noviceConnections::add));
        expert = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(), new ExpertHandshake(SETTINGS, 10_000,
                hello, password.getBytes(StandardCharsets.UTF_8), ctx -> fingerprint, TestSupport.RANDOM,
                "novice:5000", expertResult));
        novice.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        expert.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
    }

    private void start(String password) {
        start(password, new Hello(1, ID, "Bob", true));
    }

    /** Carries bytes both ways until both sides are quiet; returns the novice's frames. */
    private List<Frame> shuttle() {
        List<Frame> fromNovice = new ArrayList<>();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ByteBuf b; (b = expert.readOutbound()) != null; moved = true) {
                record(b);
                if (novice.isActive()) novice.writeInbound(b); else b.release();
            }
            for (ByteBuf b; (b = novice.readOutbound()) != null; moved = true) {
                record(b);
                fromNovice.addAll(decode(b.retainedDuplicate()));
                if (expert.isActive()) expert.writeInbound(b); else b.release();
            }
        }
        return fromNovice;
    }

    private void record(ByteBuf b) {
        byte[] copy = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), copy);
        wire.writeBytes(copy);
    }

    private static List<Frame> decode(ByteBuf bytes) {
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder());
        decoder.writeInbound(bytes);
        List<Frame> frames = new ArrayList<>();
        for (Frame f; (f = decoder.readInbound()) != null; ) frames.add(f);
        decoder.finishAndReleaseAll();
        return frames;
    }

    @Test
    void theRightPasswordAuthenticatesBothSides() throws Exception {
        start(PASSWORD);
        shuttle();
        assertThat(noviceConnections).hasSize(1);
        ConnectionHandler atExpert = expertResult.getNow(null);
        assertThat(atExpert).isNotNull();
        assertThat(atExpert.hello().lowBandwidth()).isTrue();
        assertThat(noviceConnections.get(0).hello()).isEqualTo(new Hello(1, ID, "Bob", true));
        assertThat(gate.succeeded).hasValue(1);
        assertThat(gate.failed).hasValue(0);
        assertThat(novice.pipeline().get(HandshakeHandler.class)).isNull();
        assertThat(novice.pipeline().get(FrameDecoder.class).maxPayload()).isEqualTo(FrameDecoder.MAX_PAYLOAD);
        assertThat(expert.pipeline().get(FrameDecoder.class).maxPayload()).isEqualTo(FrameDecoder.MAX_PAYLOAD);

        List<byte[]> received = new ArrayList<>();
        noviceConnections.get(0).onFrame((c, p) -> received.add(p));
        atExpert.send(WireChannel.CONTROL, "consent?".getBytes(StandardCharsets.UTF_8));
        shuttle();
        assertThat(received).hasSize(1);
        assertThat(new String(received.get(0), StandardCharsets.UTF_8)).isEqualTo("consent?");
    }

    @Test
    void thePasswordNeverCrossesTheWire() {
        start(PASSWORD);
        shuttle();
        assertThat(noviceConnections).hasSize(1);
        String seen = new String(wire.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(seen).contains(ID).doesNotContain(PASSWORD).doesNotContain("open sesame");
    }

    @Test
    void aWrongPasswordIsRefusedAndCounted() {
        start("not the password");
        List<Frame> fromNovice = shuttle();
        assertThat(noviceConnections).isEmpty();
        assertThat(gate.failed).hasValue(1);
        assertThat(gate.succeeded).hasValue(0);
        assertThat(fromNovice).last().satisfies(f -> assertThat(f.type()).isEqualTo(ControlType.REFUSAL.code()));
        assertThat(novice.isActive()).isFalse();
        assertThat(expertResult).isCompletedExceptionally();
        assertThat(failureOf(expertResult)).isInstanceOf(AttemptFailure.class)
                .hasMessageStartingWith("wrong password")
                .satisfies(f -> assertThat(((AttemptFailure) f).isFinal()).isTrue());
    }

    @Test
    void aGateRefusalIsTheOnlyThingSent() {
        gate.refusal = "this invitation has expired: ask the novice for a new one";
        start(PASSWORD);
        List<Frame> fromNovice = shuttle();
        assertThat(fromNovice).hasSize(1);
        assertThat(fromNovice.get(0).type()).isEqualTo(ControlType.REFUSAL.code());
        assertThat(new String(fromNovice.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo(gate.refusal);
        assertThat(novice.isActive()).isFalse();
        assertThat(failureOf(expertResult)).hasMessage(gate.refusal);
        assertThat(gate.failed).hasValue(0);
    }

    @Test
    void aProofBeforeTheHelloIsAProtocolViolation() {
        novice = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(),
                new NoviceHandshake(SETTINGS, gate, fingerprint, TestSupport.RANDOM, c -> { }, noviceConnections::add));
        novice.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        novice.writeInbound(frameBytes(WireChannel.CONTROL, ControlType.PROOF, new byte[SrpGroup.BYTES + 32]));
        assertThat(novice.isActive()).isFalse();
        assertThat((Object) novice.readOutbound()).isNull();
        assertThat(gate.hellos).isEmpty();
    }

    @Test
    void screenDataBeforeAuthenticationClosesTheConnection() {
        novice = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(),
                new NoviceHandshake(SETTINGS, gate, fingerprint, TestSupport.RANDOM, c -> { }, noviceConnections::add));
        novice.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        novice.writeInbound(frameBytes(WireChannel.SCREEN, ControlType.APPLICATION, new byte[10]));
        assertThat(novice.isActive()).isFalse();
        assertThat(CloseReason.of(novice)).contains("before the password was proven");
    }

    @Test
    void aClientThatNeverSpeaksIsClosedAtTheDeadline() {
        novice = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(),
                new NoviceHandshake(SETTINGS, gate, fingerprint, TestSupport.RANDOM, c -> { }, noviceConnections::add));
        novice.advanceTimeBy(SETTINGS.handshakeTimeoutMillis() - 1_000, TimeUnit.MILLISECONDS);
        novice.runScheduledPendingTasks();
        assertThat(novice.isActive()).isTrue();
        novice.advanceTimeBy(1_000, TimeUnit.MILLISECONDS);
        novice.runScheduledPendingTasks();
        assertThat(novice.isActive()).isFalse();
        assertThat(CloseReason.of(novice)).contains("within 10 seconds");
    }

    @Test
    void anOldWireVersionIsToldToUpdate() {
        novice = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(),
                new NoviceHandshake(SETTINGS, gate, fingerprint, TestSupport.RANDOM, c -> { }, noviceConnections::add));
        novice.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        novice.writeInbound(frameBytes(WireChannel.CONTROL, ControlType.HELLO, new byte[] {9, 0, 0}));
        List<Frame> sent = decode(novice.readOutbound());
        assertThat(sent).singleElement().satisfies(f -> assertThat(new String(f.payload(), StandardCharsets.UTF_8))
                .isEqualTo(NoviceHandshake.WRONG_VERSION));
        assertThat(gate.hellos).isEmpty();
    }

    @Test
    void aGateThatAdmitsWithoutAVerifierRefusesInsteadOfCrashing() {
        Gatekeeper broken = new Gatekeeper() {
            @Override
            public Admission admit(Hello hello) {
                return new Admission(null, null, null);
            }

            @Override
            public void failedAttempt(Hello hello) {
            }

            @Override
            public void succeeded(Hello hello) {
            }
        };
        novice = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder(),
                new NoviceHandshake(SETTINGS, broken, fingerprint, TestSupport.RANDOM, c -> { }, noviceConnections::add));
        novice.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        byte[] hello = HandshakeMessages.hello(new Hello(1, ID, "Bob", false));
        novice.writeInbound(frameBytes(WireChannel.CONTROL, ControlType.HELLO, hello));
        assertThat(decode(novice.readOutbound())).singleElement().satisfies(f -> assertThat(
                new String(f.payload(), StandardCharsets.UTF_8)).isEqualTo(NoviceHandshake.GATE_FAILED));
        assertThat(novice.isActive()).isFalse();
    }

    private static ByteBuf frameBytes(WireChannel channel, ControlType type, byte[] payload) {
        return Unpooled.buffer().writeByte(channel.id()).writeByte(type.code()).writeInt(payload.length)
                .writeBytes(payload);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
