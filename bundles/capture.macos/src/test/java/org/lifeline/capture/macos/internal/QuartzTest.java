package org.lifeline.capture.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuartzTest {
    /** CGDisplayBounds returns a CGRect by value: four CGFloats, which are doubles on every 64-bit Mac. */
    @Test
    void rectAndPointHaveCoreGraphicsLayout() {
        assertThat(new Quartz.CGRect.ByValue().size()).isEqualTo(32);
        assertThat(new Quartz.CGPoint.ByValue().size()).isEqualTo(16);
    }
}
