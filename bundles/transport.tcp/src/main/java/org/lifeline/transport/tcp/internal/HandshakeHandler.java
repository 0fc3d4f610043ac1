package org.lifeline.transport.tcp.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lifeline.api.transport.WireChannel;

/**
 * What both sides' handshakes share: an absolute deadline (a client trickling one byte a second must not hold a
 * slot), CONTROL-only traffic before authentication, and the hand-over to a {@link ConnectionHandler}.
 */
abstract class HandshakeHandler extends SimpleChannelInboundHandler<Frame> {
    private static final Logger LOG = Logger.getLogger(HandshakeHandler.class.getName());

    private final long deadlineMillis;
    private ScheduledFuture<?> deadline;
    private boolean finished;

    HandshakeHandler(long deadlineMillis) {
        super(Frame.class);
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            if (finished) return;
            CloseReason.offer(ctx.channel(), "the connection did not finish its security checks within "
                    + TimeUnit.MILLISECONDS.toSeconds(deadlineMillis) + " seconds");
            timedOut(ctx);
            ctx.close();
        }, deadlineMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (deadline != null) deadline.cancel(false);
    }

    @Override
    public final void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent tls) {
            if (tls.isSuccess()) {
                tlsEstablished(ctx);
            } else {
                CloseReason.offer(ctx.channel(), "the secure connection could not be set up");
                tlsFailed(ctx, tls.cause());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected final void channelRead0(ChannelHandlerContext ctx, Frame frame) throws Exception {
        if (finished) return;
        if (frame.channel() != WireChannel.CONTROL) {
            violation(ctx, frame.channel() + " data before the password was proven");
            return;
        }
        received(ctx, ControlType.of(frame.type()), frame.payload());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "Handshake with " + ctx.channel().remoteAddress() + " failed", cause);
        CloseReason.offer(ctx.channel(), CloseReason.LOST);
        ctx.close();
    }

    /** TLS is up; the peer's certificate (if any) has passed the trust manager. */
    abstract void tlsEstablished(ChannelHandlerContext ctx) throws Exception;

    void tlsFailed(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    abstract void received(ChannelHandlerContext ctx, ControlType type, byte[] payload) throws Exception;

    void timedOut(ChannelHandlerContext ctx) {
    }

    /** Stops reacting to anything but the close that follows. */
    final void finish() {
        finished = true;
        if (deadline != null) deadline.cancel(false);
    }

    /** Full-size frames from now on; the connection handler takes this handler's place. */
    final void authenticated(ChannelHandlerContext ctx, ConnectionHandler connection) {
        finish();
        FrameDecoder decoder = ctx.pipeline().get(FrameDecoder.class);
        if (decoder != null) decoder.authenticated();
        ctx.pipeline().replace(this, "connection", connection);
    }

    final void violation(ChannelHandlerContext ctx, String what) {
        finish();
        LOG.log(Level.WARNING, "Closing the connection from {0}: {1}", new Object[] {ctx.channel().remoteAddress(), what});
        CloseReason.offer(ctx.channel(), "the other side broke the Lifeline protocol (" + what
                + "): the connection was closed");
        ctx.close();
    }
}
