package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoQualityTest {
    @Test
    void bigUpdatesThatTakeLongOnASlowLineSwitchToLowQuality() {
        AutoQuality auto = new AutoQuality();
        // 200 KiB in 4 s with a 100 ms round trip: about 51 KiB/s
        assertThat(auto.sample(200 * 1024, 4000, 100)).isTrue();
        assertThat(auto.lossy()).isTrue();
    }

    @Test
    void oneBigFullFrameOnAFastLineStaysLossless() {
        AutoQuality auto = new AutoQuality();
        assertThat(auto.sample(8 * 1024 * 1024, 1500, 2)).isFalse();
        assertThat(auto.lossy()).isFalse();
    }

    @Test
    void smallUpdatesNeverDecideBecauseTheyMeasureTheRoundTripNotTheLine() {
        AutoQuality auto = new AutoQuality();
        for (int i = 0; i < 10; i++) auto.sample(500, 3000, 2900);
        assertThat(auto.lossy()).isFalse();
        assertThat(auto.bytesPerSecond()).isNegative();
    }

    @Test
    void aLineThatBecomesFastGoesBackToLosslessWithoutFlapping() {
        AutoQuality auto = new AutoQuality();
        auto.sample(100 * 1024, 3000, 50);
        assertThat(auto.lossy()).isTrue();
        // a moderately faster line (200 KiB/s) is not enough to go back
        for (int i = 0; i < 10; i++) auto.sample(200 * 1024, 1000, 0);
        assertThat(auto.lossy()).isTrue();
        for (int i = 0; i < 10; i++) auto.sample(2 * 1024 * 1024, 1000, 0);
        assertThat(auto.lossy()).isFalse();
    }
}
