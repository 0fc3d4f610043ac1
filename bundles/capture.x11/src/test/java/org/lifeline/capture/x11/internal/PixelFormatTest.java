package org.lifeline.capture.x11.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PixelFormatTest {
    @Test
    void standardDepth24PixelsKeepTheirColourAndLoseTheAlphaByte() {
        PixelFormat f = new PixelFormat(32, true, 0xff0000, 0xff00, 0xff);
        int[] pixels = {7, 0xff102030, 0x00ffffff};
        f.convertInts(pixels, 1, 2);
        assertThat(pixels).containsExactly(7, 0x102030, 0xffffff);
    }

    @Test
    void bgrMasksAreSwappedIntoRgb() {
        PixelFormat f = new PixelFormat(32, true, 0xff, 0xff00, 0xff0000);
        assertThat(f.rgb(0x302010)).isEqualTo(0x102030);
    }

    @Test
    void pixelsInTheOtherByteOrderAreSwapped() {
        boolean nativeLsb = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        PixelFormat f = new PixelFormat(32, !nativeLsb, 0xff0000, 0xff00, 0xff);
        int[] pixels = {0x302010ff};
        f.convertInts(pixels, 0, 1);
        assertThat(pixels).containsExactly(0x102030);
    }

    @Test
    void rgb565ScalesFullIntensityToFF() {
        PixelFormat f = new PixelFormat(16, true, 0xf800, 0x07e0, 0x001f);
        int[] out = new int[2];
        f.convert(new byte[] {(byte) 0xff, (byte) 0xff, 0x00, (byte) 0xf8}, 0, 2, out, 0);
        assertThat(out).containsExactly(0xffffff, 0xff0000);
    }

    @Test
    void bigEndianPixelsAreReadMostSignificantByteFirst() {
        PixelFormat f = new PixelFormat(24, false, 0xff0000, 0xff00, 0xff);
        int[] out = new int[1];
        f.convert(new byte[] {0x11, 0x22, 0x33}, 0, 1, out, 0);
        assertThat(out).containsExactly(0x112233);
    }
}
