package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.WireChannel;

/**
 * Whatever a (broken or hostile) novice sends, the expert's view neither throws into the transport thread nor
 * shows anything but whole frames, and its requests stay well-formed with numbers that never go back.
 */
class ExpertViewFuzzTest {
    private static final class RecordingSession implements Session {
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public String id() {
            return "F";
        }

        @Override
        public Role role() {
            return Role.EXPERT;
        }

        @Override
        public SessionState state() {
            return SessionState.VIEWING;
        }

        @Override
        public SessionInfo info() {
            return new SessionInfo("F", Role.EXPERT, "p", "p", "i", SessionState.VIEWING, false, 0, 0, Instant.now(), null);
        }

        @Override
        public synchronized boolean send(WireChannel channel, byte[] payload) {
            sent.add(payload);
            return true;
        }

        synchronized List<byte[]> sent() {
            return List.copyOf(sent);
        }

        @Override
        public long roundTripMillis() {
            return 1;
        }

        @Override
        public long pendingBytes() {
            return 0;
        }
    }

    @Property(tries = 200)
    void anythingTheNoviceSendsLeavesTheViewConsistent(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        RecordingSession session = new RecordingSession();
        LosslessTestCodec codec = new LosslessTestCodec("test");
        ExpertView view = new ExpertView(session, id -> id.equals("test") ? codec : null,
                new RecordingLogger().logger);
        try {
            view.start();
            FrameBuffer frame = new FrameBuffer(8, 6);
            byte[] full = codec.newEncoder(org.lifeline.api.screen.EncoderSettings.LOSSLESS).encode(frame, null);
            view.received(ScreenProtocol.updateChunk(1, 7, "test", full, 0));
            view.awaitUpdate(0, 5_000);
            for (int i = 0; i < 40; i++) {
                view.received(message(random, full));
                view.cursorReceived(randomBytes(random));
            }
            view.snapshot().ifPresent(f -> assertThat(f.pixels()).hasSize(f.width() * f.height()));
            int previous = 0;
            for (byte[] p : session.sent()) {
                ScreenProtocol.Request r = ScreenProtocol.parseRequest(p);
                // equal only when a RESTART made the view repeat its request
                assertThat(r.want()).isGreaterThanOrEqualTo(previous);
                previous = r.want();
            }
        } finally {
            view.close();
        }
    }

    /** Random bytes, or an update chunk with plausible but random numbers and contents. */
    private static byte[] message(Random random, byte[] full) {
        if (random.nextInt(3) == 0) return randomBytes(random);
        int seq = 1 + random.nextInt(4);
        int total = random.nextBoolean() ? full.length : 1 + random.nextInt(64);
        byte[] data = new byte[1 + random.nextInt(Math.min(total, 32))];
        random.nextBytes(data);
        if (random.nextBoolean()) data[0] = (byte) (random.nextBoolean() ? 'D' : 'F');
        int offset = random.nextInt(3) == 0 ? random.nextInt(total) : 0;
        return ByteBuffer.allocate(1 + 16 + 1 + 4 + data.length).put(ScreenProtocol.UPDATE).putInt(seq)
                .putInt(random.nextInt(3)).putInt(total).putInt(offset).put((byte) 4).put("test".getBytes())
                .put(data).array();
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(40)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) b[0] = ScreenProtocol.UPDATE;
        return b;
    }
}
