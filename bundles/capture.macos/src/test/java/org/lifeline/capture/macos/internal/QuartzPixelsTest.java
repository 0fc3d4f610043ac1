package org.lifeline.capture.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class QuartzPixelsTest {
    private static final PixelLayout BGRX = new PixelLayout(ByteOrder.LITTLE_ENDIAN, true);
    private static final PixelLayout RGBA_BIG = new PixelLayout(ByteOrder.BIG_ENDIAN, false);

    /** An image whose rows are padded to {@code stride} bytes with 0x7E garbage. */
    private static ByteBuffer image(int[][] rgb, int stride, PixelLayout layout) {
        ByteBuffer b = ByteBuffer.allocate(stride * rgb.length).order(layout.order());
        for (int i = 0; i < b.capacity(); i++) b.put(i, (byte) 0x7E);
        for (int y = 0; y < rgb.length; y++) {
            for (int x = 0; x < rgb[y].length; x++) {
                b.putInt(y * stride + x * 4, layout.alphaFirst() ? 0xFF00_0000 | rgb[y][x] : rgb[y][x] << 8 | 0xFF);
            }
        }
        return b;
    }

    @Test
    void samePixelSizeCopiesAndSkipsRowPadding() {
        int[][] rgb = {{0x010203, 0x040506}, {0x070809, 0x0A0B0C}};
        int[] frame = new int[2 * 2];
        QuartzPixels.copy(image(rgb, 64, BGRX), BGRX, 2, 2, 64, frame, 2, 0, 0, 2, 2);
        assertThat(frame).containsExactly(0x010203, 0x040506, 0x070809, 0x0A0B0C);
    }

    @Test
    void bigEndianAlphaLastIsReadToo() {
        int[][] rgb = {{0xABCDEF}};
        int[] frame = new int[1];
        QuartzPixels.copy(image(rgb, 8, RGBA_BIG), RGBA_BIG, 1, 1, 8, frame, 1, 0, 0, 1, 1);
        assertThat(frame).containsExactly(0xABCDEF);
    }

    @Test
    void retinaImageIsAveragedOverTwoByTwoBlocks() {
        int[][] rgb = {{0x000000, 0xFFFFFF, 0x102030, 0x102030}, {0xFFFFFF, 0x000000, 0x102030, 0x102030}};
        int[] frame = new int[2];
        QuartzPixels.copy(image(rgb, 16, BGRX), BGRX, 4, 2, 16, frame, 2, 0, 0, 2, 1);
        assertThat(frame).containsExactly(0x808080, 0x102030);
    }

    @Test
    void otherRatiosTakeTheNearestPixel() {
        int[][] rgb = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        int[] frame = new int[1];
        QuartzPixels.copy(image(rgb, 12, BGRX), BGRX, 3, 3, 12, frame, 1, 0, 0, 1, 1);
        assertThat(frame).containsExactly(5);
    }

    @Test
    void displayLandsAtItsOffsetInTheDesktopFrame() {
        int[][] rgb = {{0x111111}};
        int[] frame = new int[3 * 2];
        QuartzPixels.copy(image(rgb, 4, BGRX), BGRX, 1, 1, 4, frame, 3, 2, 1, 1, 1);
        assertThat(frame).containsExactly(0, 0, 0, 0, 0, 0x111111);
    }

    @Test
    void shortImageDataOrABlockOutsideTheFrameIsRefused() {
        ByteBuffer small = ByteBuffer.allocate(12);
        assertThatThrownBy(() -> QuartzPixels.copy(small, BGRX, 2, 2, 8, new int[4], 2, 0, 0, 2, 2))
                .isInstanceOf(IllegalArgumentException.class);
        ByteBuffer enough = ByteBuffer.allocate(16);
        assertThatThrownBy(() -> QuartzPixels.copy(enough, BGRX, 2, 2, 8, new int[4], 2, 1, 0, 2, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
