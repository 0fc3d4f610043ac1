package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lifeline.screen.internal.Harness.SESSION;
import static org.lifeline.screen.internal.Harness.WAIT_MILLIS;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCodec;
import org.lifeline.api.screen.ScreenStats;
import org.lifeline.api.transport.WireChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class ScreenSharingTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void nothingIsCapturedOrSentBeforeStarted() throws Exception {
        h.noviceScreenFeature().received(h.wire.novice,
                ScreenProtocol.request(new ScreenProtocol.Request(1, 0, false)));

        assertThat(h.source.opens.get()).isZero();
        assertThat(h.wire.novice.sent()).isEmpty();
        assertThat(h.expertSide.snapshot(SESSION)).isEmpty();

        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.source.opens.get()).isEqualTo(1);
    }

    @Test
    void afterAnUpdateRoundTripTheExpertSnapshotEqualsTheNovicesFrameExactly() throws Exception {
        h.start();
        assertThat(h.expertSide.awaitUpdate(SESSION, 0, WAIT_MILLIS)).isEqualTo(1);
        assertThat(Harness.same(h.expertSide.snapshot(SESSION).orElseThrow(), h.source.frame())).isTrue();

        h.source.paint(new Rect(30, 40, 50, 20), 7);
        h.source.paint(new Rect(100, 5, 3, 90), 8);

        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.noviceCodec.encoders.get(0).statistics()).contains("delta");
        assertThat(h.wire.pullViolations()).isZero();
    }

    @Test
    void anIdleScreenSendsNothingAfterTheFirstUpdate() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        // the novice holds request 2 and polls: wait for many polls of an unchanged screen
        h.source.grabbed.drainPermits();
        assertThat(h.source.grabbed.tryAcquire(20, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

        assertThat(h.updatesSent()).extracting(ScreenProtocol.UpdateChunk::seq).containsExactly(1);
        assertThat(h.noviceCodec.encoders.get(0).encoded).isEqualTo(1);
        assertThat(h.expertSide.stats(SESSION).updates()).isEqualTo(1);
    }

    @Test
    void requestsBetweenPollsDoNotEachCostALookAtThePointer() throws Exception {
        // polls 4 s apart: in this test the expert's requests alone wake the novice
        h.noviceSide.configure(4_000, 4_000, 128 * 1024, Harness.NEVER_REFINE_MILLIS, NoviceShare.SMALL_CHANGE_BLOCKS);
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        h.source.ticks.drainPermits();
        int grabsBefore = h.source.grabs.get();

        for (int i = 0; i < 30; i++) {
            h.noviceScreenFeature().received(h.wire.novice, ScreenProtocol.request(new ScreenProtocol.Request(2, 1, false)));
        }
        // counted, not awaited one by one: a grab still running from before would stand in for one of these
        eventually(() -> h.source.grabs.get() - grabsBefore >= 30);

        // every request woke the novice to look for changes; it looked at the pointer at most once (each look is a
        // round trip to the display)
        assertThat(h.source.grabs.get() - grabsBefore).isGreaterThanOrEqualTo(30);
        assertThat(h.source.ticks.availablePermits()).isLessThanOrEqualTo(1);
    }

    @Test
    void aSlowExpertHasAtMostOneUpdateInFlightAndThenGetsTheNewestState() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        h.source.grabbed.drainPermits();
        assertThat(h.source.grabbed.tryAcquire(2, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

        // the line to the expert stalls: update 2 leaves the novice but is not acknowledged
        h.wire.novice.hold();
        h.source.paint(new Rect(0, 0, 40, 40), 21);
        eventually(() -> h.updatesSent().size() == 2);
        FrameBuffer stateA = h.source.frame();
        for (int i = 0; i < 3; i++) {
            h.source.paint(new Rect(10 * i, 60, 30, 30), 30 + i);
            h.source.ticks.drainPermits();
            assertThat(h.source.ticks.tryAcquire(5, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        }
        assertThat(h.updatesSent()).extracting(ScreenProtocol.UpdateChunk::seq).containsExactly(1, 2);

        h.wire.novice.release();

        FrameBuffer newest = h.source.frame();
        assertThat(Harness.same(stateA, newest)).isFalse();
        assertThat(h.expertShows(newest)).isTrue();
        assertThat(h.updatesSent()).extracting(ScreenProtocol.UpdateChunk::seq).containsExactly(1, 2, 3);
        assertThat(h.wire.pullViolations()).isZero();
    }

    @Test
    void aBusyLineHoldsTheUpdateUntilItDrains() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        h.wire.novice.pendingBytes = 1 << 20;
        h.source.paint(new Rect(5, 5, 20, 20), 3);
        h.source.ticks.drainPermits();
        assertThat(h.source.ticks.tryAcquire(10, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(h.updatesSent()).hasSize(1);

        h.wire.novice.pendingBytes = 0;
        assertThat(h.expertShows(h.source.frame())).isTrue();
    }

    @Test
    void aCodecReplacedMidSessionStillConvergesToTheExactFrame() throws Exception {
        LosslessTestCodec better = new LosslessTestCodec("test-b");
        Harness.bind(h.expertSide, new LosslessTestCodec("test-b"), 0);
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();

        Harness.bind(h.noviceSide, better, 10);
        h.noviceSide.unbindCodec(h.noviceCodec);
        h.source.paint(new Rect(60, 60, 40, 40), 5);

        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(better.encoders).hasSize(1);
        assertThat(h.expertSide.stats(SESSION).codecId()).isEqualTo("test-b");
        h.source.paint(new Rect(1, 1, 9, 9), 6);
        assertThat(h.expertShows(h.source.frame())).isTrue();
    }

    @Test
    void theSameCodecReinstalledOnEitherSideStartsAFreshStream() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();

        LosslessTestCodec updated = new LosslessTestCodec("test");
        h.noviceSide.unbindCodec(h.noviceCodec);
        Harness.bind(h.noviceSide, updated, 0);
        h.source.paint(new Rect(20, 20, 10, 10), 9);
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(updated.encoders).hasSize(1);
        assertThat(h.expertCodec.decoders).hasSize(2);

        LosslessTestCodec expertUpdated = new LosslessTestCodec("test");
        h.expertSide.unbindCodec(h.expertCodec);
        Harness.bind(h.expertSide, expertUpdated, 0);
        h.source.paint(new Rect(120, 80, 30, 30), 10);
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(expertUpdated.decoders).isNotEmpty();
    }

    @Test
    void aMalformedUpdateAsksForAFullFrameAndTheSnapshotStaysConsistent() throws Exception {
        h.start();
        FrameBuffer before = h.source.frame();
        assertThat(h.expertShows(before)).isTrue();

        h.expertScreenFeature().received(h.wire.expert, new byte[] {ScreenProtocol.UPDATE, 0, 0});

        assertThat(h.expertLog.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("malformed screen update"));
        assertThat(resetRequests()).isEqualTo(1);
        assertThat(Harness.same(h.expertSide.snapshot(SESSION).orElseThrow(), before)).isTrue();

        h.source.paint(new Rect(0, 100, 160, 20), 11);
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.wire.pullViolations()).isZero();
    }

    @Test
    void anUpdateTheDecoderRejectsAsksForAFullFrameAndTheSnapshotStaysConsistent() throws Exception {
        h.start();
        FrameBuffer before = h.source.frame();
        assertThat(h.expertShows(before)).isTrue();
        h.source.grabbed.drainPermits();
        assertThat(h.source.grabbed.tryAcquire(2, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        ScreenProtocol.Request waiting = lastRequest();
        ScreenProtocol.UpdateChunk first = h.updatesSent().get(0);

        int decodersBefore = h.expertCodec.decoders.size();
        h.expertScreenFeature().received(h.wire.expert, ScreenProtocol.updateChunk(waiting.want(), first.epoch(),
                "test", new byte[] {'D', 0, 0, 0, 9}, 0));

        eventually(() -> resetRequests() == 1);
        assertThat(h.expertLog.lines()).anyMatch(l -> l.contains("could not be decoded"));
        assertThat(Harness.same(h.expertSide.snapshot(SESSION).orElseThrow(), before)).isTrue();
        h.source.paint(new Rect(70, 10, 20, 20), 12);
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.expertCodec.decoders.size()).isGreaterThan(decodersBefore);
    }

    @Test
    void aLowBandwidthTicketEncodesLowFromTheStartAndTheExpertCanRaiseQuality() throws Exception {
        try (Harness low = new Harness(true)) {
            low.start();
            assertThat(low.expertSide.awaitUpdate(SESSION, 0, WAIT_MILLIS)).isEqualTo(1);
            assertThat(Harness.same(low.expertSide.snapshot(SESSION).orElseThrow(), low.source.frame())).isFalse();
            assertThat(low.noviceCodec.encoders.get(0).created).isEqualTo(EncoderSettings.LOW_BANDWIDTH);
            assertThat(low.expertSide.stats(SESSION).quality()).isEqualTo(Quality.LOW);
            assertThat(low.wire.novice.sent(ScreenProtocol.UPDATE)).hasSizeGreaterThan(1)
                    .allSatisfy(p -> assertThat(Harness.parseChunk(p).data().length)
                            .isLessThanOrEqualTo(ScreenProtocol.LOW_BANDWIDTH_CHUNK_BYTES));

            // back to lossless: what went lossy is sent again exactly (three updates of this codec), though the
            // screen did not change
            low.expertSide.quality(SESSION, Quality.HIGH);
            assertThat(low.expertShows(low.source.frame())).isTrue();
            assertThat(low.noviceCodec.encoders.get(0).settings).isEqualTo(EncoderSettings.LOSSLESS);
            eventually(() -> low.expertSide.stats(SESSION).codecSummary().contains("24-bit lossless"));
            ScreenStats stats = low.expertSide.stats(SESSION);
            assertThat(stats.quality()).isEqualTo(Quality.HIGH);
            // in the same stream, not a restarted one
            assertThat(stats.codecSummary()).contains("full 1,");
            assertThat(low.noviceCodec.encoders.get(0).statistics()).isEqualTo("full 1, delta 3");
            assertThat(stats.width()).isEqualTo(160);
            assertThat(stats.height()).isEqualTo(120);
            assertThat(stats.updates()).isEqualTo(4);
            assertThat(stats.screenBytes()).isPositive();
            assertThat(stats.bytesIn()).isGreaterThan(stats.screenBytes());
            assertThat(stats.roundTripMillis()).isEqualTo(1);
        }
    }

    @Test
    void thePointerTravelsOnItsOwnChannelWithTheShapeOnlyWhenItChanges() throws Exception {
        int[] arrow = new int[16 * 16];
        java.util.Arrays.fill(arrow, 0xff000000);
        h.source.cursor(new Cursor(5, 6, 1, 1, 16, 16, arrow, 1));
        h.start();
        eventually(() -> h.expertSide.cursor(SESSION).filter(c -> c.x() == 5).isPresent());
        h.source.cursor(new Cursor(50, 60, 1, 1, 16, 16, arrow, 1));
        eventually(() -> h.expertSide.cursor(SESSION).filter(c -> c.x() == 50).isPresent());
        Cursor seen = h.expertSide.cursor(SESSION).orElseThrow();
        assertThat(seen.y()).isEqualTo(60);
        assertThat(seen.shape()).isEqualTo(arrow);

        List<Cursor> sent = h.wire.novice.sent().stream().filter(s -> s.channel() == WireChannel.CURSOR)
                .map(s -> parseCursor(s.payload())).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).shape()).isNotNull();
        assertThat(sent.get(1).shape()).isNull();
    }

    @Test
    void endedStopsTheCaptureAndForgetsTheView() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.source.openCaptures()).isEqualTo(1);

        h.noviceScreenFeature().ended(h.wire.novice);
        h.expertScreenFeature().ended(h.wire.expert);

        assertThat(h.source.openCaptures()).isZero();
        int grabs = h.source.grabs.get();
        h.noviceScreenFeature().received(h.wire.novice,
                ScreenProtocol.request(new ScreenProtocol.Request(9, 8, true)));
        assertThat(h.source.grabs.get()).isEqualTo(grabs);
        assertThat(h.expertSide.snapshot(SESSION)).isEmpty();
        assertThatThrownBy(() -> h.expertSide.stats(SESSION)).isInstanceOf(LifelineException.class)
                .hasMessageContaining(SESSION);
    }

    @Test
    void anotherCursorFeatureTakingTheChannelDoesNotStopTheScreen() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();

        h.expertCursorFeature().ended(h.wire.expert);
        h.source.paint(new Rect(3, 3, 30, 30), 14);

        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.source.openCaptures()).isEqualTo(1);
    }

    @Test
    void aNoviceSharerStartedAnewMidSessionResumesTheScreen() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();
        h.source.grabbed.drainPermits();
        assertThat(h.source.grabbed.tryAcquire(2, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

        // the novice's screen bundle is replaced live: its feature ends and a new one starts
        h.noviceScreenFeature().ended(h.wire.novice);
        h.noviceScreenFeature().started(h.wire.novice);
        h.source.paint(new Rect(90, 20, 30, 30), 16);

        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.source.openCaptures()).isEqualTo(1);
    }

    @Test
    void anExpertViewStartedAnewMidSessionGetsAFullFrame() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();

        h.expertScreenFeature().ended(h.wire.expert);
        assertThat(h.expertSide.snapshot(SESSION)).isEmpty();
        h.expertScreenFeature().started(h.wire.expert);

        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.expertSide.stats(SESSION).updates()).isEqualTo(1);
    }

    @Test
    void aBetterScreenSourceRegisteredLiveTakesOverTheRunningSession() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();

        FakeScreenSource better = new FakeScreenSource(200, 100, 2);
        h.noviceSide.source = better;

        assertThat(h.expertShows(better.frame())).isTrue();
        assertThat(h.source.openCaptures()).isZero();
        assertThat(better.opens.get()).isEqualTo(1);
    }

    @Test
    void aFailingCaptureIsLoggedOnceRetriedLessOftenAndRecovers() throws Exception {
        h.start();
        assertThat(h.expertShows(h.source.frame())).isTrue();

        h.source.broken = true;
        h.source.paint(new Rect(40, 40, 20, 20), 15);
        eventually(() -> h.source.failedGrabs.get() >= 3);
        assertThat(h.noviceLog.lines().stream().filter(l -> l.startsWith("ERROR"))).hasSize(1);

        h.source.broken = false;
        assertThat(h.expertShows(h.source.frame())).isTrue();
        assertThat(h.source.openCaptures()).isEqualTo(1);
    }

    @Test
    void withoutACodecTheNoviceWaitsAndSendsOnceOneAppears() throws Exception {
        h.noviceSide.unbindCodec(h.noviceCodec);
        h.start();
        eventually(() -> h.noviceLog.lines().stream().anyMatch(l -> l.contains("no screen codec is installed")));
        assertThat(h.wire.novice.sent(ScreenProtocol.UPDATE)).isEmpty();

        h.noviceSide.bindCodec(h.noviceCodec, Map.of(ScreenCodec.CODEC_ID, "test", Constants.SERVICE_ID, 1L));
        assertThat(h.expertShows(h.source.frame())).isTrue();
    }

    private ScreenProtocol.Request lastRequest() {
        List<byte[]> requests = h.wire.expert.sent(ScreenProtocol.REQUEST);
        return Harness.parseRequest(requests.get(requests.size() - 1));
    }

    private long resetRequests() {
        return h.wire.expert.sent(ScreenProtocol.REQUEST).stream().map(Harness::parseRequest)
                .filter(ScreenProtocol.Request::reset).count();
    }

    private static Cursor parseCursor(byte[] p) {
        try {
            return ScreenProtocol.parseCursor(p);
        } catch (ScreenProtocolException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (bounded) for something the other threads do; fails the test if it never happens. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + WAIT_MILLIS + " ms");
            Thread.sleep(5);
        }
    }
}
