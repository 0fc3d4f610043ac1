package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifeline.api.transport.WireChannel;

@ExtendWith(LeakGuard.class)
class FrameCodecTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder());

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private static ByteBuf header(int channelId, int flags, long length) {
        return Unpooled.buffer(Frame.HEADER_BYTES).writeByte(channelId).writeByte(flags).writeInt((int) length);
    }

    @Test
    void aFrameSurvivesEncodingAndDecoding() {
        byte[] payload = "hello screen".getBytes();
        authenticate();
        assertThat(channel.writeOutbound(new Frame(WireChannel.SCREEN, 0, payload))).isTrue();
        ByteBuf wire = channel.readOutbound();
        assertThat(wire.readableBytes()).isEqualTo(Frame.HEADER_BYTES + payload.length);
        assertThat(wire.getUnsignedByte(0)).isEqualTo((short) WireChannel.SCREEN.id());
        channel.writeInbound(wire);
        Frame frame = channel.readInbound();
        assertThat(frame.channel()).isEqualTo(WireChannel.SCREEN);
        assertThat(frame.payload()).isEqualTo(payload);
    }

    @Test
    void framesSplitAtEveryByteAreReassembled() {
        EmbeddedChannel encoder = new EmbeddedChannel(new FrameEncoder());
        encoder.writeOutbound(Frame.control(ControlType.HELLO, new byte[] {1, 2, 3}),
                new Frame(WireChannel.CHAT, 0, new byte[0]), new Frame(WireChannel.INPUT, 0, new byte[] {9}));
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = encoder.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        encoder.finishAndReleaseAll();
        while (all.isReadable()) channel.writeInbound(all.readRetainedSlice(1));
        all.release();
        Frame hello = channel.readInbound();
        Frame chat = channel.readInbound();
        Frame input = channel.readInbound();
        assertThat(hello.type()).isEqualTo(ControlType.HELLO.code());
        assertThat(hello.payload()).containsExactly(1, 2, 3);
        assertThat(chat.channel()).isEqualTo(WireChannel.CHAT);
        assertThat(chat.payload()).isEmpty();
        assertThat(input.payload()).containsExactly(9);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void theLargestPayloadIsAcceptedOnceAuthenticated() {
        authenticate();
        byte[] payload = new byte[FrameDecoder.MAX_PAYLOAD];
        payload[payload.length - 1] = 7;
        channel.writeInbound(header(WireChannel.FILE.id(), 0, payload.length).writeBytes(payload));
        Frame frame = channel.readInbound();
        assertThat(frame.payload()).hasSize(FrameDecoder.MAX_PAYLOAD).endsWith(7);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void oneByteOverTheLimitClosesTheConnection() {
        authenticate();
        channel.writeInbound(header(WireChannel.FILE.id(), 0, FrameDecoder.MAX_PAYLOAD + 1L));
        assertThat(channel.isActive()).isFalse();
        assertThat(CloseReason.of(channel)).contains("does not understand");
    }

    @Test
    void beforeAuthenticationOnlySmallFramesAreAccepted() {
        channel.writeInbound(header(WireChannel.CONTROL.id(), ControlType.HELLO.code(),
                FrameDecoder.MAX_HANDSHAKE_PAYLOAD + 1L));
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aTwoGibibyteLengthClosesWithALogLineAndNoAllocation() {
        try (LogCapture log = new LogCapture(FrameDecoder.class)) {
            authenticate();
            Runtime rt = Runtime.getRuntime();
            long before = rt.totalMemory() - rt.freeMemory();
            channel.writeInbound(header(WireChannel.SCREEN.id(), 0, 0x8000_0000L).writeBytes(new byte[100]));
            long after = rt.totalMemory() - rt.freeMemory();
            assertThat(channel.isActive()).isFalse();
            assertThat((Object) channel.readInbound()).isNull();
            assertThat(log.lines()).anyMatch(l -> l.contains("2147483648 bytes"));
            // a 2 GiB array would not even fit this JVM's heap; anything near it shows up here
            assertThat(after - before).isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void anUnknownChannelClosesTheConnection() {
        channel.writeInbound(header(200, 0, 1).writeByte(0));
        assertThat(channel.isActive()).isFalse();
        assertThat(CloseReason.of(channel)).contains("unknown channel 200");
    }

    @Test
    void unknownFlagsCloseTheConnection() {
        channel.writeInbound(header(WireChannel.SCREEN.id(), 1, 0));
        assertThat(channel.isActive()).isFalse();
        EmbeddedChannel control = new EmbeddedChannel(new FrameDecoder());
        control.writeInbound(header(WireChannel.CONTROL.id(), 99, 0));
        assertThat(control.isActive()).isFalse();
        control.finishAndReleaseAll();
    }

    @Test
    void bytesAfterABrokenHeaderAreDiscardedAndReleased() {
        ByteBuf garbage = header(77, 0, 4).writeBytes(new byte[4096]);
        channel.writeInbound(garbage);
        assertThat(garbage.refCnt()).isZero();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void everyChannelIdRoundTrips() {
        authenticate();
        for (WireChannel c : WireChannel.values()) {
            channel.writeOutbound(new Frame(c, 0, new byte[] {(byte) c.id()}));
            channel.writeInbound((ByteBuf) channel.readOutbound());
            Frame frame = channel.readInbound();
            assertThat(frame.channel()).isEqualTo(c);
            assertThat(Arrays.equals(frame.payload(), new byte[] {(byte) c.id()})).isTrue();
        }
    }

    private void authenticate() {
        channel.pipeline().get(FrameDecoder.class).authenticated();
    }
}
