package org.lifeline.capture.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorShapeTest {
    @Test
    void opaquePixelKeepsItsColourWithFullAlpha() {
        assertThat(CursorShape.fromBlackAndWhite(new int[] {0x102030}, new int[] {0x102030}))
                .containsExactly(0xFF102030);
    }

    @Test
    void transparentPixelShowsTheBackgroundAndBecomesFullyTransparent() {
        assertThat(CursorShape.fromBlackAndWhite(new int[] {0x000000}, new int[] {0xFFFFFF})).containsExactly(0);
    }

    @Test
    void halfTransparentBlackShadowKeepsItsAlpha() {
        // 50 % black over black stays black, over white becomes mid grey.
        assertThat(CursorShape.fromBlackAndWhite(new int[] {0x000000}, new int[] {0x7F7F7F}))
                .containsExactly(0x80000000);
    }

    @Test
    void halfTransparentColourIsUnpremultiplied() {
        // 50 % pure red: on black (128, 0, 0), on white (255, 127, 127).
        assertThat(CursorShape.fromBlackAndWhite(new int[] {0x800000}, new int[] {0xFF7F7F}))
                .containsExactly(0x80FF0000);
    }

    @Test
    void invertingPixelOfAMonochromeCursorBecomesOpaqueBlack() {
        assertThat(CursorShape.fromBlackAndWhite(new int[] {0xFFFFFF}, new int[] {0x000000}))
                .containsExactly(0xFF000000);
    }

    @Test
    void alphaByteOfTheRenderingsIsIgnored() {
        assertThat(CursorShape.fromBlackAndWhite(new int[] {0xAB102030}, new int[] {0x00102030}))
                .containsExactly(0xFF102030);
    }
}
