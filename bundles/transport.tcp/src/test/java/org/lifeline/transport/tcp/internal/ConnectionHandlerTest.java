package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.Hello;
import org.lifeline.api.transport.WireChannel;

@ExtendWith(LeakGuard.class)
class ConnectionHandlerTest {
    private static final TransportSettings SETTINGS = TransportSettings.DEFAULTS;
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<String> closes = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private ConnectionHandler connection;

    @BeforeEach
    void start() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.authenticated();
        connection = new ConnectionHandler(channel, new Hello(1, "inv", "Bob", false), SETTINGS);
        channel.pipeline().addLast(decoder, new FrameEncoder(), connection);
        connection.onClose(closes::add);
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private void receive(WireChannel c, ControlType type, byte[] payload) {
        channel.writeInbound(Unpooled.buffer().writeByte(c.id()).writeByte(type.code()).writeInt(payload.length)
                .writeBytes(payload));
    }

    private List<Frame> sent() {
        List<Frame> frames = new ArrayList<>();
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder());
        decoder.pipeline().get(FrameDecoder.class).authenticated();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) decoder.writeInbound(b);
        for (Frame f; (f = decoder.readInbound()) != null; ) frames.add(f);
        decoder.finishAndReleaseAll();
        return frames;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void receiveText() {
        connection.onFrame((c, p) -> received.add(c + ":" + new String(p, StandardCharsets.UTF_8)));
        channel.runPendingTasks();
    }

    @Test
    void framesThatArriveBeforeAReceiverAreKeptInOrder() {
        receive(WireChannel.CONTROL, ControlType.APPLICATION, utf8("one"));
        receive(WireChannel.CHAT, ControlType.APPLICATION, utf8("two"));
        receiveText();
        receive(WireChannel.SCREEN, ControlType.APPLICATION, utf8("three"));
        assertThat(received).containsExactly("CONTROL:one", "CHAT:two", "SCREEN:three");
        assertThat(connection.bytesIn()).isEqualTo(3L * Frame.HEADER_BYTES + 3 + 3 + 5);
    }

    @Test
    void aPingIsAnsweredAndNotPassedOn() {
        receiveText();
        byte[] stamp = ByteBuffer.allocate(8).putLong(12345).array();
        receive(WireChannel.CONTROL, ControlType.PING, stamp);
        assertThat(received).isEmpty();
        assertThat(sent()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(ControlType.PONG.code());
            assertThat(f.payload()).isEqualTo(stamp);
        });
    }

    @Test
    void pingsGoOutEveryIntervalAndTheirPongsMeasureTheRoundTrip() {
        assertThat(connection.roundTripMillis()).isEqualTo(-1);
        channel.advanceTimeBy(SETTINGS.pingIntervalMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        Frame ping = sent().get(0);
        assertThat(ping.type()).isEqualTo(ControlType.PING.code());
        receive(WireChannel.CONTROL, ControlType.PONG, ping.payload());
        assertThat(connection.roundTripMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theOtherSidesGoodbyeIsTheCloseReason() {
        receive(WireChannel.CONTROL, ControlType.BYE, utf8("the novice ended the session"));
        assertThat(channel.isActive()).isFalse();
        assertThat(closes).containsExactly("the novice ended the session");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void closingSendsTheReasonAndTellsListenersOnce() {
        receiveText();
        connection.close("the expert ended the session");
        channel.runPendingTasks();
        assertThat(sent()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(ControlType.BYE.code());
            assertThat(new String(f.payload(), StandardCharsets.UTF_8)).isEqualTo("the expert ended the session");
        });
        assertThat(connection.isOpen()).isFalse();
        receive(WireChannel.CHAT, ControlType.APPLICATION, utf8("late words are not delivered"));
        assertThat(received).isEmpty();
        channel.advanceTimeBy(ConnectionHandler.BYE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isActive()).isFalse();
        connection.close("again");
        List<String> late = new ArrayList<>();
        connection.onClose(late::add);
        assertThat(closes).containsExactly("the expert ended the session");
        assertThat(late).containsExactly("the expert ended the session");
        assertThat(connection.send(WireChannel.CHAT, utf8("too late"))).isFalse();
    }

    @Test
    void theOtherSidesGoodbyeEndsOurWaitAtOnce() {
        connection.close("done");
        channel.runPendingTasks();
        assertThat(channel.isActive()).isTrue();
        receive(WireChannel.CONTROL, ControlType.BYE, utf8("done too"));
        assertThat(channel.isActive()).isFalse();
        assertThat(closes).containsExactly("done");
    }

    @Test
    void silenceUntilTheIdleTimeoutLosesTheConnection() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat(channel.isActive()).isFalse();
        assertThat(closes).singleElement().asString().startsWith("the connection was lost").contains("30 seconds");
    }

    @Test
    void aDroppedSocketIsALostConnection() {
        channel.close();
        assertThat(closes).containsExactly(CloseReason.LOST);
    }

    @Test
    void handshakeMessagesAfterAuthenticationAreAViolation() {
        receive(WireChannel.CONTROL, ControlType.HELLO, new byte[3]);
        assertThat(channel.isActive()).isFalse();
        assertThat(closes).singleElement().asString().contains("broke the Lifeline protocol");
    }

    @Test
    void inputAndChatOvertakeQueuedScreenAndFileData() {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        connection.send(WireChannel.SCREEN, utf8("screen 1"));
        connection.send(WireChannel.FILE, utf8("file 1"));
        connection.send(WireChannel.SCREEN, utf8("screen 2"));
        connection.send(WireChannel.CHAT, utf8("chat"));
        connection.send(WireChannel.INPUT, utf8("key"));
        channel.runPendingTasks();
        assertThat(connection.pendingBytes()).isEqualTo(5L * Frame.HEADER_BYTES + 8 + 6 + 8 + 4 + 3);
        assertThat(sent()).isEmpty();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertThat(sent()).extracting(f -> new String(f.payload(), StandardCharsets.UTF_8))
                .containsExactly("key", "chat", "screen 1", "file 1", "screen 2");
        assertThat(connection.pendingBytes()).isZero();
        assertThat(connection.bytesOut()).isEqualTo(5L * Frame.HEADER_BYTES + 8 + 6 + 8 + 4 + 3);
    }

    @Test
    void aPeerThatStopsReadingIsDroppedOnceTheQueueIsFull() {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        byte[] big = new byte[Connection.MAX_PAYLOAD];
        int accepted = 0;
        while (connection.send(WireChannel.SCREEN, big)) {
            accepted++;
            channel.runPendingTasks();
            assertThat(accepted).isLessThan(100);
        }
        channel.runPendingTasks();
        assertThat(accepted).isEqualTo((int) (SETTINGS.maxPendingBytes() / (big.length + Frame.HEADER_BYTES)));
        assertThat(connection.isOpen()).isFalse();
        channel.advanceTimeBy(ConnectionHandler.BYE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(closes).containsExactly(ConnectionHandler.NOT_KEEPING_UP);
        assertThat(connection.pendingBytes()).isZero();
    }

    @Test
    void aPayloadOverTheLimitIsRefusedAtTheCaller() {
        assertThatThrownBy(() -> connection.send(WireChannel.FILE, new byte[Connection.MAX_PAYLOAD + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiverThatThrowsDoesNotEndTheConnection() {
        connection.onFrame((c, p) -> {
            throw new IllegalStateException("session bug");
        });
        channel.runPendingTasks();
        receive(WireChannel.CHAT, ControlType.APPLICATION, utf8("hi"));
        assertThat(channel.isActive()).isTrue();
    }
}
