package org.lifeline.transport.tcp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link Frame} as {@code [channel u8][flags u8][length u32][payload]} into one exactly sized buffer. */
final class FrameEncoder extends MessageToByteEncoder<Frame> {
    FrameEncoder() {
        super(Frame.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) {
        return ctx.alloc().ioBuffer(frame.wireSize());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        if (frame.payload().length > FrameDecoder.MAX_PAYLOAD) {
            throw new IllegalArgumentException("frame payload of " + frame.payload().length + " bytes");
        }
        out.writeByte(frame.channel().id());
        out.writeByte(frame.type());
        out.writeInt(frame.payload().length);
        out.writeBytes(frame.payload());
    }
}
