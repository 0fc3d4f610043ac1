package org.lifeline.capture.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;

/**
 * The capture's native calls against a stand-in with CoreGraphics' C prototypes (see quartz-stub.c): a
 * Retina main display of 4x2 points (8x4 pixels) at (0, 0) and a 2x2 display at (-2, -2).
 */
class QuartzCaptureTest {
    private QuartzStub.Counters counters;

    @BeforeEach
    void stub() throws Exception {
        counters = QuartzStub.install();
    }

    @Test
    void displaysAreReadWithTheirBoundsReturnedByValue() {
        assertThat(MacScreenSource.readLayout().monitors()).containsExactly(
                new Monitor(0, "Display 69", new Rect(0, 0, 4, 2), true),
                new Monitor(1, "Display 7", new Rect(-2, -2, 2, 2), false));
    }

    @Test
    void wholeDesktopPlacesEachDisplayAtItsOffsetInPoints() {
        try (QuartzCapture capture = new QuartzCapture(-1, MacScreenSource::readLayout, QuartzStub.silentLogger())) {
            assertThat(capture.bounds()).isEqualTo(new Rect(-2, -2, 6, 4));
            FrameBuffer frame = new FrameBuffer(6, 4);
            assertThat(capture.grab(frame)).containsExactly(new Rect(0, 0, 6, 4));
            int[] p = frame.pixels();
            assertThat(p[0]).isEqualTo(0xEEEEEE);
            assertThat(p[1 * 6 + 1]).isEqualTo(0xEEEEEE);
            assertThat(p[1 * 6 + 2]).isZero();
            // Retina pixels averaged 2x2: blue 2x+1, green 2y+1 of point (x, y).
            assertThat(p[2 * 6 + 2]).isEqualTo(0x400101);
            assertThat(p[3 * 6 + 5]).isEqualTo(0x400307);
        }
    }

    @Test
    void unchangedScreenHasNoDamageAndEveryImageAndCopyIsReleased() {
        try (QuartzCapture capture = new QuartzCapture(0, MacScreenSource::readLayout, QuartzStub.silentLogger())) {
            FrameBuffer frame = new FrameBuffer(4, 2);
            capture.grab(frame);
            int before = counters.stub_created() - counters.stub_released();
            assertThat(capture.grab(frame)).isEqualTo(List.of());
            assertThat(counters.stub_created() - counters.stub_released()).isEqualTo(before);
        }
    }

    @Test
    void cursorPositionComesFromAnEventLocationReturnedByValueRelativeToTheArea() {
        try (QuartzCapture capture = new QuartzCapture(-1, MacScreenSource::readLayout, QuartzStub.silentLogger())) {
            int before = counters.stub_created() - counters.stub_released();
            Cursor c = capture.cursor();
            assertThat(c.x()).isEqualTo(12 + 2);
            assertThat(c.y()).isEqualTo(-4 + 2);
            assertThat(c.shape()).isNull();
            assertThat(counters.stub_created() - counters.stub_released()).isEqualTo(before);
        }
    }
}
