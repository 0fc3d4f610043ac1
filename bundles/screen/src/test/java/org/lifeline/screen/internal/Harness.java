package org.lifeline.screen.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.ScreenCodec;
import org.osgi.framework.Constants;

/**
 * Two screen-sharing components, the novice's and the expert's, each with its SCREEN and CURSOR features,
 * joined by {@link FakeSessions}. The novice has a {@link FakeScreenSource} and a codec; the expert a codec
 * with the same id (a separate instance, as on another machine).
 */
final class Harness implements AutoCloseable {
    static final String SESSION = "S1";
    static final long WAIT_MILLIS = 10_000;
    /** Far beyond any test: a lossy picture is not refined behind the test's back. */
    static final long NEVER_REFINE_MILLIS = 3_600_000;

    final RecordingLogger noviceLog = new RecordingLogger();
    final RecordingLogger expertLog = new RecordingLogger();
    final ScreenSharing noviceSide;
    final ScreenSharing expertSide;
    final FakeScreenSource source = new FakeScreenSource(160, 120, 1);
    final LosslessTestCodec noviceCodec = new LosslessTestCodec("test");
    final LosslessTestCodec expertCodec = new LosslessTestCodec("test");
    final FakeSessions wire;
    private final ScreenFeature noviceScreen = new ScreenFeature();
    private final CursorFeature noviceCursor = new CursorFeature();
    private final ScreenFeature expertScreen = new ScreenFeature();
    private final CursorFeature expertCursor = new CursorFeature();
    private static long serviceIds = 100;

    Harness() {
        this(false);
    }

    Harness(boolean lowBandwidth) {
        this(lowBandwidth, NEVER_REFINE_MILLIS);
    }

    /** {@code refineAfterMillis}: how long the novice's screen must be quiet before a lossy picture is made exact. */
    Harness(boolean lowBandwidth, long refineAfterMillis) {
        noviceSide = sharing(noviceLog, refineAfterMillis);
        expertSide = sharing(expertLog, refineAfterMillis);
        noviceSide.source = source;
        bind(noviceSide, noviceCodec, 0);
        bind(expertSide, expertCodec, 0);
        wire = new FakeSessions(SESSION, lowBandwidth);
        noviceScreen.sharing = noviceSide;
        noviceCursor.sharing = noviceSide;
        expertScreen.sharing = expertSide;
        expertCursor.sharing = expertSide;
        wire.novice.screen = noviceScreen;
        wire.novice.cursor = noviceCursor;
        wire.expert.screen = expertScreen;
        wire.expert.cursor = expertCursor;
    }

    private static ScreenSharing sharing(RecordingLogger log, long refineAfterMillis) {
        ScreenSharing s = new ScreenSharing();
        s.log = log.logger;
        s.configure(10, 10, 128 * 1024, refineAfterMillis, NoviceShare.SMALL_CHANGE_BLOCKS);
        return s;
    }

    static synchronized void bind(ScreenSharing side, ScreenCodec codec, int ranking) {
        side.bindCodec(codec, Map.of(ScreenCodec.CODEC_ID, codec.id(), Constants.SERVICE_RANKING, ranking,
                Constants.SERVICE_ID, serviceIds++));
    }

    ScreenFeature noviceScreenFeature() {
        return noviceScreen;
    }

    CursorFeature expertCursorFeature() {
        return expertCursor;
    }

    ScreenFeature expertScreenFeature() {
        return expertScreen;
    }

    /** The novice accepted: both session layers start their features (the novice's first, as on the wire). */
    void start() {
        noviceScreen.started(wire.novice);
        noviceCursor.started(wire.novice);
        expertScreen.started(wire.expert);
        expertCursor.started(wire.expert);
    }

    /** Waits until the expert shows exactly {@code expected}; false if it did not within the wait. */
    boolean expertShows(FrameBuffer expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        long seen = 0;
        while (true) {
            Optional<FrameBuffer> now = expertSide.snapshot(SESSION);
            if (now.isPresent() && same(now.get(), expected)) return true;
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) return false;
            seen = expertSide.awaitUpdate(SESSION, seen, left);
        }
    }

    static boolean same(FrameBuffer a, FrameBuffer b) {
        return a.width() == b.width() && a.height() == b.height() && Arrays.equals(a.pixels(), b.pixels());
    }

    /** UPDATE chunks the novice sent that start an update (offset 0), as parsed headers. */
    java.util.List<ScreenProtocol.UpdateChunk> updatesSent() {
        return wire.novice.sent(ScreenProtocol.UPDATE).stream().map(Harness::parseChunk)
                .filter(c -> c.offset() == 0).toList();
    }

    static ScreenProtocol.UpdateChunk parseChunk(byte[] p) {
        try {
            return ScreenProtocol.parseUpdateChunk(p);
        } catch (ScreenProtocolException e) {
            throw new AssertionError(e);
        }
    }

    static ScreenProtocol.Request parseRequest(byte[] p) {
        try {
            return ScreenProtocol.parseRequest(p);
        } catch (ScreenProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        wire.novice.closed = true;
        wire.expert.closed = true;
        noviceScreen.ended(wire.novice);
        noviceCursor.ended(wire.novice);
        expertScreen.ended(wire.expert);
        expertCursor.ended(wire.expert);
        noviceSide.deactivate();
        expertSide.deactivate();
    }
}
