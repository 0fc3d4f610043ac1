package org.lifeline.transport.tcp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.WireChannel;

/**
 * Splits the decrypted stream into {@link Frame}s. The length is checked against the limit from the header alone,
 * before anything is allocated, so a peer announcing 2 GiB costs six bytes; any malformed header closes the
 * connection (there is no way to resynchronise a length-prefixed stream).
 */
final class FrameDecoder extends ByteToMessageDecoder {
    /** Until the password is proven, no message needs more (the largest is the 3072-bit SRP proof, 416 bytes). */
    static final int MAX_HANDSHAKE_PAYLOAD = 4 * 1024;
    static final int MAX_PAYLOAD = Connection.MAX_PAYLOAD;

    private static final Logger LOG = Logger.getLogger(FrameDecoder.class.getName());

    private enum State { HEADER, PAYLOAD, BROKEN }

    private State state = State.HEADER;
    private int maxPayload = MAX_HANDSHAKE_PAYLOAD;
    private WireChannel channel;
    private int type;
    private int length;

    /** Called by the handshake once both sides are authenticated: full-size frames are allowed from now on. */
    void authenticated() {
        maxPayload = MAX_PAYLOAD;
    }

    int maxPayload() {
        return maxPayload;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case HEADER:
                if (in.readableBytes() < Frame.HEADER_BYTES) return;
                int id = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                long announced = in.readUnsignedInt();
                channel = WireChannel.of(id);
                if (channel == null) {
                    fail(ctx, in, "unknown channel " + id);
                    return;
                }
                if (channel == WireChannel.CONTROL ? ControlType.of(flags) == null : flags != 0) {
                    fail(ctx, in, "unknown flags " + flags + " on channel " + channel);
                    return;
                }
                if (announced > maxPayload) {
                    fail(ctx, in, "a frame of " + announced + " bytes (the limit is " + maxPayload + ")");
                    return;
                }
                type = flags;
                length = (int) announced;
                state = State.PAYLOAD;
                // fall through: the payload may already be here
            case PAYLOAD:
                if (in.readableBytes() < length) return;
                byte[] payload = new byte[length];
                in.readBytes(payload);
                out.add(new Frame(channel, type, payload));
                state = State.HEADER;
                return;
            case BROKEN:
            default:
                in.skipBytes(in.readableBytes());
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String what) {
        state = State.BROKEN;
        in.skipBytes(in.readableBytes());
        LOG.log(Level.WARNING, "Closing the connection from {0}: it sent {1}",
                new Object[] {ctx.channel().remoteAddress(), what});
        CloseReason.offer(ctx.channel(), "the other side sent something Lifeline does not understand (" + what
                + "): the connection was closed");
        ctx.close();
    }
}
