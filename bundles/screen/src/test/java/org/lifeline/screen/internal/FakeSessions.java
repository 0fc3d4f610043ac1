package org.lifeline.screen.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.WireChannel;

/**
 * A novice session and an expert session wired back to back: what one sends reaches the other's feature for
 * that channel, on the sender's thread (as a transport thread would deliver it). A direction can be held (a
 * slow line) and released. The wire checks the pull rule: update N only after a request for N.
 */
final class FakeSessions {
    final FakeSession novice;
    final FakeSession expert;
    private final Set<Integer> wanted = new HashSet<>();
    private final Set<Integer> answered = new HashSet<>();
    private int violations;

    FakeSessions(String id, boolean lowBandwidth) {
        novice = new FakeSession(id, Role.NOVICE, lowBandwidth);
        expert = new FakeSession(id, Role.EXPERT, lowBandwidth);
        novice.peer = expert;
        expert.peer = novice;
    }

    /** Updates sent without a request for them, or sent twice. */
    synchronized int pullViolations() {
        return violations;
    }

    private synchronized void observe(FakeSession from, WireChannel channel, byte[] payload) {
        if (channel != WireChannel.SCREEN) return;
        try {
            if (from.role() == Role.NOVICE && payload[0] == ScreenProtocol.UPDATE) {
                ScreenProtocol.UpdateChunk c = ScreenProtocol.parseUpdateChunk(payload);
                if (c.offset() == 0 && (!wanted.contains(c.seq()) || !answered.add(c.seq()))) violations++;
            }
        } catch (ScreenProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private synchronized void delivered(FakeSession to, WireChannel channel, byte[] payload) {
        if (channel == WireChannel.SCREEN && to.role() == Role.NOVICE && payload[0] == ScreenProtocol.REQUEST) {
            try {
                wanted.add(ScreenProtocol.parseRequest(payload).want());
            } catch (ScreenProtocolException e) {
                throw new AssertionError(e);
            }
        }
    }

    record Sent(WireChannel channel, byte[] payload) {
    }

    final class FakeSession implements Session {
        private final String id;
        private final Role role;
        private final boolean lowBandwidth;
        private final Instant since = Instant.now();
        FakeSession peer;
        volatile SessionFeature screen;
        volatile SessionFeature cursor;
        volatile long pendingBytes;
        volatile boolean closed;
        private final List<Sent> sent = new ArrayList<>();
        private final List<Sent> held = new ArrayList<>();
        private boolean holding;
        private final Object delivery = new Object();
        private final AtomicLong bytesOut = new AtomicLong();

        FakeSession(String id, Role role, boolean lowBandwidth) {
            this.id = id;
            this.role = role;
            this.lowBandwidth = lowBandwidth;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public SessionState state() {
            return closed ? SessionState.CLOSED : SessionState.VIEWING;
        }

        @Override
        public SessionInfo info() {
            return new SessionInfo(id, role, "peer", "peer", "inv", state(), lowBandwidth, peer.bytesOut.get(),
                    bytesOut.get(), since, null);
        }

        @Override
        public boolean send(WireChannel channel, byte[] payload) {
            if (channel == WireChannel.CONTROL || closed) return false;
            Sent s = new Sent(channel, payload.clone());
            synchronized (this) {
                sent.add(s);
                bytesOut.addAndGet(payload.length);
            }
            observe(this, channel, payload);
            synchronized (delivery) {
                synchronized (this) {
                    if (holding) {
                        held.add(s);
                        return true;
                    }
                }
                deliver(s);
            }
            return true;
        }

        private void deliver(Sent s) {
            if (peer.closed) return;
            delivered(peer, s.channel(), s.payload());
            SessionFeature f = s.channel() == WireChannel.SCREEN ? peer.screen
                    : s.channel() == WireChannel.CURSOR ? peer.cursor : null;
            if (f != null) f.received(peer, s.payload());
        }

        /** Frames sent from now on wait (a slow line or a busy peer) until {@link #release()}. */
        synchronized void hold() {
            holding = true;
        }

        void release() {
            synchronized (delivery) {
                List<Sent> waiting;
                synchronized (this) {
                    holding = false;
                    waiting = List.copyOf(held);
                    held.clear();
                }
                waiting.forEach(this::deliver);
            }
        }

        synchronized List<Sent> sent() {
            return List.copyOf(sent);
        }

        /** The SCREEN payloads of one message type this side sent. */
        List<byte[]> sent(byte type) {
            return sent().stream().filter(s -> s.channel() == WireChannel.SCREEN && s.payload()[0] == type)
                    .map(Sent::payload).toList();
        }

        @Override
        public long roundTripMillis() {
            return 1;
        }

        @Override
        public long pendingBytes() {
            return pendingBytes;
        }
    }
}
