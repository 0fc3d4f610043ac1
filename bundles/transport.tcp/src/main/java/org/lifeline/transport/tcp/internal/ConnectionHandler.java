package org.lifeline.transport.tcp.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.Hello;
import org.lifeline.api.transport.WireChannel;

/**
 * The last handler of an authenticated pipeline and the {@link Connection} handed to the session. Incoming frames
 * go to the receiver (held back, up to {@link #MAX_UNCLAIMED_BYTES}, until one is set); keep-alive pings and
 * goodbyes are answered here. Outgoing frames go through an {@link OutboundQueue} so that {@link #send} never
 * blocks and urgent channels overtake bulk data whenever the socket is backed up.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements Connection {
    /** Frames that arrive before the session has set a receiver are kept up to this much. */
    static final int MAX_UNCLAIMED_BYTES = 4 * Connection.MAX_PAYLOAD;
    /** How long the other side has to read our goodbye and close before the socket is closed regardless. */
    static final long BYE_GRACE_MILLIS = 1_000;
    static final String NOT_KEEPING_UP = "the other side is not receiving data fast enough: the connection was closed";

    private static final Logger LOG = Logger.getLogger(ConnectionHandler.class.getName());
    private static final int PING_BYTES = Long.BYTES;

    private final Channel channel;
    private final Hello hello;
    private final String peer;
    private final TransportSettings settings;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final OutboundQueue queue = new OutboundQueue();
    /**
     * Frames sent from other threads on their way to the event loop: one task takes all that arrived meanwhile,
     * so a burst (an update, the pointer, statistics) costs one wake-up and one flush, not one each.
     */
    private final ConcurrentLinkedQueue<Frame> handoff = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handoffScheduled = new AtomicBoolean();
    private final ArrayDeque<Frame> unclaimed = new ArrayDeque<>();
    private final List<Consumer<String>> closeListeners = new ArrayList<>();
    private volatile long roundTripMillis = -1;
    private volatile boolean closing;
    private BiConsumer<WireChannel, byte[]> receiver;
    private long unclaimedBytes;
    private ScheduledFuture<?> pinger;
    private String endReason;

    ConnectionHandler(Channel channel, Hello hello, TransportSettings settings) {
        this.channel = channel;
        this.hello = hello;
        this.settings = settings;
        this.peer = describe(channel.remoteAddress());
        channel.closeFuture().addListener(f -> ended());
    }

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host.indexOf(':') >= 0 ? "[" + host + "]:" + inet.getPort() : host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long every = settings.pingIntervalMillis();
        pinger = ctx.executor().scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        bytesIn.addAndGet(frame.wireSize());
        if (closing) {
            // both sides said goodbye at once: nobody needs to wait for the other any more
            if (frame.channel() == WireChannel.CONTROL && frame.type() == ControlType.BYE.code()) channel.close();
            return;
        }
        if (frame.channel() != WireChannel.CONTROL) {
            deliver(frame);
            return;
        }
        ControlType type = ControlType.of(frame.type());
        switch (type) {
            case APPLICATION -> deliver(frame);
            case PING -> {
                if (frame.payload().length == PING_BYTES) enqueue(Frame.control(ControlType.PONG, frame.payload()));
            }
            case PONG -> {
                if (frame.payload().length == PING_BYTES) {
                    long sent = ByteBuffer.wrap(frame.payload()).getLong();
                    roundTripMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                }
            }
            case BYE -> {
                String why;
                try {
                    why = HandshakeMessages.text(frame.payload());
                } catch (MalformedMessageException e) {
                    why = CloseReason.LOST;
                }
                CloseReason.offer(channel, why.isEmpty() ? CloseReason.LOST : why);
                channel.close();
            }
            default -> {
                LOG.log(Level.WARNING, "Closing the connection from {0}: {1} after authentication",
                        new Object[] {peer, type});
                CloseReason.offer(channel, "the other side broke the Lifeline protocol: the connection was closed");
                channel.close();
            }
        }
    }

    private void deliver(Frame frame) {
        if (receiver == null) {
            unclaimedBytes += frame.wireSize();
            if (unclaimedBytes > MAX_UNCLAIMED_BYTES) {
                unclaimed.clear();
                CloseReason.offer(channel, "nothing on this computer took the incoming data: the connection was closed");
                channel.close();
                return;
            }
            unclaimed.add(frame);
            return;
        }
        try {
            receiver.accept(frame.channel(), frame.payload());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The receiver of " + frame.channel() + " frames failed", e);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            CloseReason.offer(channel, "the connection was lost: nothing was heard from the other side for "
                    + TimeUnit.MILLISECONDS.toSeconds(settings.idleTimeoutMillis()) + " seconds");
            channel.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        drain();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "Connection to " + peer + " failed", cause);
        CloseReason.offer(channel, CloseReason.LOST);
        channel.close();
    }

    private void ping() {
        enqueue(Frame.control(ControlType.PING, ByteBuffer.allocate(PING_BYTES).putLong(System.nanoTime()).array()));
    }

    /** Counts the frame as pending at once (so the cap holds across threads), then queues it on the event loop. */
    private boolean enqueue(Frame frame) {
        if (!isOpen()) return false;
        long size = frame.wireSize();
        if (pending.addAndGet(size) > settings.maxPendingBytes()) {
            pending.addAndGet(-size);
            LOG.log(Level.WARNING, "Closing the connection to {0}: more than {1} bytes waiting to be sent",
                    new Object[] {peer, settings.maxPendingBytes()});
            close(NOT_KEEPING_UP);
            return false;
        }
        if (channel.eventLoop().inEventLoop()) {
            accept(frame);
            drain();
            return true;
        }
        handoff.add(frame);
        if (handoffScheduled.compareAndSet(false, true)) onLoop(this::takeHandoff);
        return true;
    }

    private void takeHandoff() {
        // cleared before taking: a frame added after this point schedules the next task itself
        handoffScheduled.set(false);
        Frame frame;
        while ((frame = handoff.poll()) != null) accept(frame);
        drain();
    }

    private void accept(Frame frame) {
        if (closing || !channel.isActive()) {
            pending.addAndGet(-frame.wireSize());
            return;
        }
        queue.add(frame);
    }

    private void drain() {
        boolean wrote = false;
        Frame frame;
        while (channel.isWritable() && (frame = queue.poll()) != null) {
            long size = frame.wireSize();
            channel.write(frame).addListener(f -> {
                pending.addAndGet(-size);
                if (f.isSuccess()) bytesOut.addAndGet(size);
            });
            wrote = true;
        }
        if (wrote) channel.flush();
    }

    private void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException stopped) {
            // the transport was stopped: its channels are closed already and there is nothing left to do
            LOG.log(Level.FINE, "Event loop of {0} already stopped", peer);
        }
    }

    private void ended() {
        if (pinger != null) pinger.cancel(false);
        String reason = CloseReason.of(channel);
        List<Consumer<String>> toTell;
        synchronized (closeListeners) {
            if (endReason != null) return;
            endReason = reason;
            toTell = new ArrayList<>(closeListeners);
            closeListeners.clear();
        }
        onLoop(() -> {
            pending.addAndGet(-queue.clear());
            Frame frame;
            while ((frame = handoff.poll()) != null) pending.addAndGet(-frame.wireSize());
            unclaimed.clear();
        });
        toTell.forEach(l -> tell(l, reason));
    }

    private static void tell(Consumer<String> listener, String reason) {
        try {
            listener.accept(reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A close listener failed", e);
        }
    }

    /** For tests that need to misbehave at the socket level. */
    Channel channel() {
        return channel;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public Hello hello() {
        return hello;
    }

    @Override
    public boolean send(WireChannel wireChannel, byte[] payload) {
        Objects.requireNonNull(wireChannel, "channel");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a frame of " + payload.length + " bytes is larger than " + MAX_PAYLOAD);
        }
        return enqueue(new Frame(wireChannel, 0, payload.clone()));
    }

    @Override
    public void onFrame(BiConsumer<WireChannel, byte[]> newReceiver) {
        Objects.requireNonNull(newReceiver, "receiver");
        onLoop(() -> {
            receiver = newReceiver;
            Frame frame;
            while ((frame = unclaimed.poll()) != null) deliver(frame);
            unclaimedBytes = 0;
        });
    }

    @Override
    public void onClose(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        String reason;
        synchronized (closeListeners) {
            reason = endReason;
            if (reason == null) closeListeners.add(listener);
        }
        if (reason != null) tell(listener, reason);
    }

    @Override
    public boolean isOpen() {
        return !closing && channel.isActive();
    }

    @Override
    public void close(String reason) {
        String why = reason == null || reason.isBlank() ? "the other side ended the session" : reason;
        onLoop(() -> {
            CloseReason.offer(channel, why);
            if (closing) return;
            closing = true;
            if (!channel.isActive()) {
                channel.close();
                return;
            }
            pending.addAndGet(-queue.clear());
            // The goodbye bypasses the queue: data still waiting is dropped, the reason is what matters now. The
            // other side closes when it reads it; closing first could reset the connection with our unread pings
            // in the buffer, and a reset makes the other side's kernel drop the goodbye before it is read.
            channel.writeAndFlush(Frame.control(ControlType.BYE, HandshakeMessages.text(why)));
            channel.eventLoop().schedule(() -> channel.close(), BYE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public long bytesIn() {
        return bytesIn.get();
    }

    @Override
    public long bytesOut() {
        return bytesOut.get();
    }

    @Override
    public long roundTripMillis() {
        return roundTripMillis;
    }

    @Override
    public long pendingBytes() {
        return Math.max(0, pending.get());
    }

    @Override
    public String toString() {
        return "Connection[" + peer + ", " + hello.invitationId() + "]";
    }
}
