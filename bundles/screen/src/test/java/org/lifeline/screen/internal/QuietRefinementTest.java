package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuietRefinementTest {
    private static final long QUIET = 1_000;
    private final QuietRefinement refinement = new QuietRefinement(QUIET, 0);

    @Test
    void aLossyPictureIsRefinedOnlyOnceTheScreenWasQuietLongEnough() {
        refinement.screenChanged(100);
        refinement.encoded(true);
        assertThat(refinement.due(100 + QUIET - 1)).isFalse();
        assertThat(refinement.due(100 + QUIET)).isTrue();
    }

    @Test
    void everyChangeStartsTheQuietPeriodAgain() {
        refinement.encoded(true);
        for (long t = 0; t < 10 * QUIET; t += QUIET / 2) {
            refinement.screenChanged(t);
            assertThat(refinement.due(t + QUIET / 2)).isFalse();
        }
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

        refinement.screenChanged(200 * QUIET);
        refinement.encoded(true);
        assertThat(refinement.due(201 * QUIET)).isTrue();
    }

    @Test
    void turnedOffItNeverRefinesAgain() {
        refinement.turnOff();
        refinement.encoded(true);
        assertThat(refinement.due(100 * QUIET)).isFalse();
    }
}
