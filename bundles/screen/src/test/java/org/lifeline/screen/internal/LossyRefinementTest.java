package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.screen.internal.Harness.SESSION;
import static org.lifeline.screen.internal.Harness.WAIT_MILLIS;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.Rect;

/**
 * A lossy (low-bandwidth) picture becomes exact once the novice's screen rests, also while a caret keeps blinking,
 * and goes lossy again when it moves.
 */
class LossyRefinementTest {
    private static final EncoderSettings LOW = EncoderSettings.LOW_BANDWIDTH;
    private static final EncoderSettings EXACT = EncoderSettings.LOSSLESS;
    /** A text cursor on the 160x120 fake desktop: two of its 32x32 blocks. */
    private static final Rect CARET = new Rect(60, 40, 8, 17);
    private static final long BLINK_MILLIS = 500;

    /**
     * Blinks the caret every half second until the expert shows the novice's screen exactly (true) or the wait
     * is over (false). The screen is never unchanged for a second, the refinement period.
     */
    /** Starts the share and waits for the first (lossy) update; returns the novice's encoder. */
    private static LosslessTestCodec.Encoder started(Harness h) throws InterruptedException {
        h.start();
        assertThat(h.expertSide.awaitUpdate(SESSION, 0, WAIT_MILLIS)).isEqualTo(1);
        return h.noviceCodec.encoders.get(0);
    }

    private static boolean blinkUntilExact(Harness h, int[] blinks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            h.source.paint(CARET, blinks[0]++ % 2);
            Thread.sleep(BLINK_MILLIS);
            if (Harness.same(h.expertSide.snapshot(SESSION).orElseThrow(), h.source.frame())) return true;
        }
        return false;
    }

    @Test
    void aCaretBlinkingEveryHalfSecondDoesNotPreventTheRefinement() throws Exception {
        try (Harness h = new Harness(true, 1000)) {
            LosslessTestCodec.Encoder encoder = started(h);
            int[] blinks = {0};

            assertThat(blinkUntilExact(h, blinks)).as("exact while the caret blinks").isTrue();
            assertThat(encoder.refinements).isEqualTo(3);
            // the first blinks, within the quiet period after the full frame, went lossy; later ones exactly
            assertThat(encoder.updates.get(0)).isEqualTo(LOW);
            assertThat(encoder.updates.get(1)).isEqualTo(LOW);
            assertThat(encoder.updates).contains(EXACT);
            assertThat(encoder.updates.subList(encoder.updates.indexOf(EXACT), encoder.updates.size()))
                    .containsOnly(EXACT);
            assertThat(encoder.settings).isEqualTo(LOW);

            // and it stays exact: each further blink goes exactly
            int before = encoder.updates.size();
            assertThat(blinkUntilExact(h, blinks)).isTrue();
            assertThat(blinkUntilExact(h, blinks)).isTrue();
            assertThat(encoder.updates.subList(before, encoder.updates.size())).isNotEmpty().containsOnly(EXACT);
            assertThat(h.expertSide.stats(SESSION).quality()).isEqualTo(Quality.LOW);
            assertThat(h.wire.pullViolations()).isZero();
        }
    }

    @Test
    void aLargeChangeWhileTheCaretBlinksGoesLossyAndStartsTheQuietPeriodAgain() throws Exception {
        try (Harness h = new Harness(true, 1000)) {
            LosslessTestCodec.Encoder encoder = started(h);
            int[] blinks = {0};
            assertThat(blinkUntilExact(h, blinks)).isTrue();

            // a window moved: ten blocks
            int before = encoder.updates.size();
            long movedAt = System.nanoTime();
            h.source.paint(new Rect(10, 30, 140, 25), 77);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (encoder.updates.size() == before && System.nanoTime() < deadline) {
                h.source.ticks.drainPermits();
                assertThat(h.source.ticks.tryAcquire(1, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            }
            assertThat(encoder.updates).hasSizeGreaterThan(before);
            assertThat(encoder.updates.get(before)).as("the large change").isEqualTo(LOW);
            assertThat(Harness.same(h.expertSide.snapshot(SESSION).orElseThrow(), h.source.frame())).isFalse();

            // the caret blinks on: exact again, but only a quiet period after the large change
            int refinedBefore = encoder.refinements;
            assertThat(blinkUntilExact(h, blinks)).isTrue();
            assertThat(System.nanoTime() - movedAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
            assertThat(encoder.refinements).isGreaterThan(refinedBefore);
            assertThat(h.wire.pullViolations()).isZero();
        }
    }

    @Test
    void aQuietScreenBecomesExactOnceAndTheNextChangeGoesLossyAgain() throws Exception {
        try (Harness h = new Harness(true, 300)) {
            h.start();
            assertThat(h.expertSide.awaitUpdate(SESSION, 0, WAIT_MILLIS)).isEqualTo(1);
            assertThat(Harness.same(h.expertSide.snapshot(SESSION).orElseThrow(), h.source.frame())).isFalse();

            assertThat(h.expertShows(h.source.frame())).isTrue();
            LosslessTestCodec.Encoder encoder = h.noviceCodec.encoders.get(0);
            // the 120 rows in three updates of 40
            assertThat(encoder.updates).containsExactly(LOW, EXACT, EXACT, EXACT);
            assertThat(encoder.refinements).isEqualTo(3);
            // the lossy settings are back for whatever changes next
            assertThat(encoder.settings).isEqualTo(LOW);

            // resting: many polls, no further update
            h.source.grabbed.drainPermits();
            assertThat(h.source.grabbed.tryAcquire(60, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(encoder.updates).hasSize(4);
            assertThat(h.expertSide.stats(SESSION).quality()).isEqualTo(Quality.LOW);
            assertThat(h.expertSide.stats(SESSION).codecSummary()).contains("quiet refinement updates 3").contains("8-bit lossy 40");

            // more than a few blocks: a large change, which goes lossy
            h.source.paint(new Rect(10, 30, 140, 25), 41);
            assertThat(h.expertShows(h.source.frame())).isTrue();
            assertThat(encoder.updates).containsExactly(LOW, EXACT, EXACT, EXACT, LOW, EXACT);
            assertThat(encoder.statistics()).isEqualTo("full 1, delta 5");
            assertThat(h.wire.pullViolations()).isZero();
        }
    }

    @Test
    void aScreenThatKeepsChangingStaysLossyUntilItRests() throws Exception {
        try (Harness h = new Harness(true, 1000)) {
            LosslessTestCodec.Encoder encoder = started(h);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
            for (int i = 0; System.nanoTime() < end; i++) {
                h.source.paint(new Rect((i * 7) % 120, (i * 5) % 90, 30, 20), 100 + i);
                h.source.ticks.drainPermits();
                assertThat(h.source.ticks.tryAcquire(2, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            }
            assertThat(encoder.updates).hasSizeGreaterThan(10).doesNotContain(EXACT);

            assertThat(h.expertShows(h.source.frame())).isTrue();
            assertThat(encoder.updates.get(encoder.updates.size() - 1)).isEqualTo(EXACT);
            assertThat(encoder.refinements).isEqualTo(3);
            assertThat(h.wire.pullViolations()).isZero();
        }
    }

    @Test
    void aBusyLineHoldsTheRefinementUntilItDrains() throws Exception {
        try (Harness h = new Harness(true, 100)) {
            h.start();
            assertThat(h.expertSide.awaitUpdate(SESSION, 0, WAIT_MILLIS)).isEqualTo(1);
            h.wire.novice.pendingBytes = 1 << 20;
            // each poll takes at least the 10 ms poll interval: 50 polls are well past the quiet period
            h.source.ticks.drainPermits();
            assertThat(h.source.ticks.tryAcquire(50, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(h.noviceCodec.encoders.get(0).refinements).isZero();

            h.wire.novice.pendingBytes = 0;
            assertThat(h.expertShows(h.source.frame())).isTrue();
            assertThat(h.noviceCodec.encoders.get(0).refinements).isEqualTo(3);
        }
    }

    @Test
    void aLosslessPictureIsNeverRefined() throws Exception {
        try (Harness h = new Harness(false, 50)) {
            h.start();
            assertThat(h.expertShows(h.source.frame())).isTrue();
            h.source.paint(new Rect(10, 10, 20, 20), 42);
            assertThat(h.expertShows(h.source.frame())).isTrue();
            h.source.grabbed.drainPermits();
            assertThat(h.source.grabbed.tryAcquire(30, WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(h.noviceCodec.encoders.get(0).updates).containsExactly(EXACT, EXACT);
        }
    }
}
