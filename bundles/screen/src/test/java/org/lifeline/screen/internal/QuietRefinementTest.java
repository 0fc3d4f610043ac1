package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.Rect;

class QuietRefinementTest {
    private static final long QUIET = 1_000;
    private static final int SMALL = 8;
    /** An xterm's text cursor: 8x17 pixels, here straddling four blocks. */
    private static final Rect CARET = new Rect(60, 88, 8, 17);
    /** A scrolled terminal. */
    private static final Rect LARGE = new Rect(0, 0, 720, 400);
    private final QuietRefinement refinement = new QuietRefinement(QUIET, SMALL, 0);

    private void changed(Rect r, long now) {
        refinement.screenChanged(List.of(r), now);
    }

    @Test
    void aLossyPictureIsRefinedOnlyOnceTheScreenWasQuietLongEnough() {
        changed(LARGE, 100);
        refinement.encoded(true);
        assertThat(refinement.due(100 + QUIET - 1)).isFalse();
        assertThat(refinement.due(100 + QUIET)).isTrue();
    }

    @Test
    void everyLargeChangeStartsTheQuietPeriodAgain() {
        refinement.encoded(true);
        for (long t = 0; t < 10 * QUIET; t += QUIET / 2) {
            changed(LARGE, t);
            assertThat(refinement.quiet(t + QUIET / 2)).isFalse();
            assertThat(refinement.due(t + QUIET / 2)).isFalse();
        }
        assertThat(refinement.due(10 * QUIET + QUIET / 2)).isTrue();
    }

    @Test
    void aCaretBlinkingEveryHalfSecondDoesNotHoldTheRefinementBack() {
        changed(LARGE, 0);
        refinement.encoded(true);
        for (long t = QUIET / 2; t <= 100 * QUIET; t += QUIET / 2) {
            changed(CARET, t);
            assertThat(refinement.quiet(t)).as("at %d", t).isEqualTo(t >= QUIET);
        }
        assertThat(refinement.due(100 * QUIET)).isTrue();
    }

    @Test
    void smallChangesThatAddUpToALargeOneStartTheQuietPeriodAgain() {
        changed(LARGE, 0);
        refinement.encoded(true);
        // typing a line: one character (8 px) every 100 ms moves on to a new block every fourth character
        long t = 0;
        int blocks = 0;
        for (int column = 0; blocks <= SMALL; column++) {
            t += 100;
            changed(new Rect(column * 8, 200, 8, 16), t);
            blocks = column * 8 / QuietRefinement.BLOCK + 1;
            if (blocks <= SMALL) assertThat(refinement.quiet(t)).as("at %d with %d blocks", t, blocks).isEqualTo(t >= QUIET);
        }
        assertThat(refinement.quiet(t)).as("the ninth block").isFalse();
        assertThat(refinement.quiet(t + QUIET)).isTrue();
    }

    @Test
    void aChangeWithinSmallBlocksButSpreadOverManyIsLarge() {
        changed(LARGE, 0);
        refinement.encoded(true);
        refinement.screenChanged(List.of(new Rect(0, 0, 1, 1), new Rect(500, 0, 1, 1), new Rect(0, 500, 1, 1),
                new Rect(100, 100, 1, 1), new Rect(200, 100, 1, 1), new Rect(300, 100, 1, 1),
                new Rect(400, 100, 1, 1), new Rect(500, 100, 1, 1), new Rect(600, 100, 1, 1)), 2 * QUIET);
        assertThat(refinement.quiet(2 * QUIET)).isFalse();
    }

    @Test
    void withoutSmallChangesEveryChangeStartsTheQuietPeriodAgain() {
        QuietRefinement strict = new QuietRefinement(QUIET, 0, 0);
        strict.encoded(true);
        strict.screenChanged(List.of(new Rect(5, 5, 1, 1)), 2 * QUIET);
        assertThat(strict.due(3 * QUIET - 1)).isFalse();
        assertThat(strict.due(3 * QUIET)).isTrue();
    }

    @Test
    void anExactPictureIsNeverRefined() {
        assertThat(refinement.due(100 * QUIET)).isFalse();
        refinement.encoded(true);
        refinement.encoded(false);
        assertThat(refinement.due(100 * QUIET)).isFalse();
    }

    @Test
    void oneRefinementPerLossySpell() {
        refinement.encoded(true);
        assertThat(refinement.due(QUIET)).isTrue();
        refinement.refined();
        assertThat(refinement.due(100 * QUIET)).isFalse();

        changed(LARGE, 200 * QUIET);
        refinement.encoded(true);
        assertThat(refinement.due(201 * QUIET)).isTrue();
    }

    @Test
    void turnedOffItNeverRefinesAgain() {
        refinement.turnOff();
        refinement.encoded(true);
        assertThat(refinement.due(100 * QUIET)).isFalse();
        assertThat(refinement.quiet(100 * QUIET)).isFalse();
    }
}
