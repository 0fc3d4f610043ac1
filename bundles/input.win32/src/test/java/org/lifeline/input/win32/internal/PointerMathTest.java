package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PointerMathTest {
    /** Two monitors: 1280x1024 left of and above a 1920x1080 primary. */
    private static final PointerMath.VirtualScreen TWO = new PointerMath.VirtualScreen(-1280, -200, 3200, 1280);
    private static final int ABS = PointerMath.ABSOLUTE | PointerMath.VIRTUALDESK;

    @Test
    void cornersOfTheVirtualScreenMapToTheEndsOfTheRange() {
        assertThat(PointerMath.normalise(-1280, -1280, 3200)).isEqualTo(10);
        assertThat(PointerMath.normalise(1919, -1280, 3200)).isEqualTo(65525);
    }

    @Test
    void pointsOutsideTheVirtualScreenAreClampedToItsEdge() {
        assertThat(PointerMath.normalise(-5000, -1280, 3200)).isEqualTo(PointerMath.normalise(-1280, -1280, 3200));
        assertThat(PointerMath.normalise(9000, -1280, 3200)).isEqualTo(PointerMath.normalise(1919, -1280, 3200));
    }

    @Property
    void everyPixelRoundTripsUnderWindowsTruncatingRule(@ForAll @IntRange(min = 1, max = 16384) int size,
            @ForAll @IntRange(min = -8192, max = 8192) int origin, @ForAll @IntRange(min = 0, max = 16383) int offset) {
        int pixel = offset % size;
        int n = PointerMath.normalise(origin + pixel, origin, size);
        assertThat(n).isBetween(0, 65535);
        assertThat((int) (((long) n * size) >> 16)).isEqualTo(pixel);
    }

    @Property
    void everyPixelRoundTripsUnderTheRoundingRule(@ForAll @IntRange(min = 2, max = 16384) int size,
            @ForAll @IntRange(min = 0, max = 16383) int offset) {
        int pixel = offset % size;
        int n = PointerMath.normalise(pixel, 0, size);
        assertThat((int) Math.round(n * (size - 1) / 65535.0)).isEqualTo(pixel);
    }

    @Test
    void areaOriginOnANegativeMonitorIsAddedBeforeNormalising() {
        var strokes = PointerMath.pointer(TWO, -1280, -200, 0, 0, 0, 0, false);
        assertThat(strokes).containsExactly(new PointerMath.MouseStroke(PointerMath.normalise(-1280, -1280, 3200),
                PointerMath.normalise(-200, -200, 1280), 0, PointerMath.MOVE | ABS));
    }

    @Test
    void pressingLeftMovesFirstThenPressesAtTheNewPlace() {
        var strokes = PointerMath.pointer(TWO, 0, 0, 100, 50, 0, 1, false);
        int nx = PointerMath.normalise(100, -1280, 3200), ny = PointerMath.normalise(50, -200, 1280);
        assertThat(strokes).containsExactly(new PointerMath.MouseStroke(nx, ny, 0, PointerMath.MOVE | ABS),
                new PointerMath.MouseStroke(nx, ny, 0, PointerMath.LEFTDOWN | ABS));
    }

    @Test
    void eachChangedButtonIsReleasedOrPressed() {
        assertThat(PointerMath.buttonFlags(0b101, 0b010, false))
                .isEqualTo(PointerMath.LEFTUP | PointerMath.MIDDLEDOWN | PointerMath.RIGHTUP);
        assertThat(PointerMath.buttonFlags(0b111, 0b111, false)).isZero();
    }

    @Test
    void swappedButtonsSendThePhysicalButtonForTheLogicalOne() {
        assertThat(PointerMath.buttonFlags(0, 1, true)).isEqualTo(PointerMath.RIGHTDOWN);
        assertThat(PointerMath.buttonFlags(1, 0, true)).isEqualTo(PointerMath.RIGHTUP);
        assertThat(PointerMath.buttonFlags(0, 4, true)).isEqualTo(PointerMath.LEFTDOWN);
    }

    @Test
    void wheelDownIsANegativeDeltaOf120PerNotchAndRightIsPositive() {
        assertThat(PointerMath.wheel(2, 3)).containsExactly(
                new PointerMath.MouseStroke(0, 0, -360, PointerMath.WHEEL),
                new PointerMath.MouseStroke(0, 0, 240, PointerMath.HWHEEL));
        assertThat(PointerMath.wheel(0, -1)).containsExactly(new PointerMath.MouseStroke(0, 0, 120, PointerMath.WHEEL));
        assertThat(PointerMath.wheel(0, 0)).isEmpty();
    }

    @Test
    void runawayWheelIsCut() {
        assertThat(PointerMath.wheel(0, 1_000_000)).containsExactly(
                new PointerMath.MouseStroke(0, 0, -PointerMath.MAX_NOTCHES * 120, PointerMath.WHEEL));
    }
}
