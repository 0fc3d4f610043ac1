package org.lifeline.capture.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BgraPixelsTest {
    @Test
    void bgraBytesBecomeRgbWithAlphaDropped() {
        ByteBuffer src = ByteBuffer.wrap(new byte[] {0x33, 0x22, 0x11, (byte) 0xFF, (byte) 0xCC, (byte) 0xBB, (byte) 0xAA, 0x00});
        int[] dst = new int[2];
        BgraPixels.toRgb(src, 8, 2, 1, dst, 0, 2);
        assertThat(dst).containsExactly(0x112233, 0xAABBCC);
    }

    @Test
    void paddingAtTheEndOfEachRowIsSkipped() {
        int width = 3, height = 2, stride = 16;
        ByteBuffer src = ByteBuffer.allocate(stride * height);
        for (int i = 0; i < src.capacity(); i++) src.put(i, (byte) 0x7E);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * stride + x * 4;
                src.put(at, (byte) x).put(at + 1, (byte) y).put(at + 2, (byte) 0x40).put(at + 3, (byte) 0x99);
            }
        }
        int[] dst = new int[width * height];
        BgraPixels.toRgb(src, stride, width, height, dst, 0, width);
        assertThat(dst).containsExactly(0x400000, 0x400001, 0x400002, 0x400100, 0x400101, 0x400102);
    }

    @Test
    void blockLandsAtTheGivenPlaceOfALargerFrame() {
        ByteBuffer src = ByteBuffer.allocate(8);
        src.putInt(0, Integer.reverseBytes(0x00123456)).putInt(4, Integer.reverseBytes(0x00ABCDEF));
        int[] dst = new int[3 * 3];
        BgraPixels.toRgb(src, 4, 1, 2, dst, 4, 3);
        assertThat(dst).containsExactly(0, 0, 0, 0, 0x123456, 0, 0, 0xABCDEF, 0);
    }

    @Test
    void sourceTooShortForTheRowsIsRefusedNotOverread() {
        ByteBuffer src = ByteBuffer.allocate(4 * 3);
        assertThatThrownBy(() -> BgraPixels.toRgb(src, 4, 1, 4, new int[4], 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BgraPixels.toRgb(src, 3, 1, 1, new int[1], 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
