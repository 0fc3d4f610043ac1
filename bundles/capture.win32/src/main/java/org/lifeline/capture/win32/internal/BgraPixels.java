package org.lifeline.capture.win32.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a 32-bit DIB (bytes B, G, R, A/unused per pixel, rows {@code stride} bytes apart) into
 * 0x00RRGGBB pixels. Read as a little-endian int, a BGRA pixel is already 0xAARRGGBB, so dropping the
 * top byte is the whole conversion.
 */
final class BgraPixels {
    static final int BYTES_PER_PIXEL = 4;

    private BgraPixels() {
    }

    /**
     * Copies a {@code width x height} block from {@code src} (rows {@code stride} bytes apart, starting
     * at byte 0) into {@code dst} at {@code dstOffset}, rows {@code dstStride} ints apart.
     */
    static void toRgb(ByteBuffer src, int stride, int width, int height, int[] dst, int dstOffset, int dstStride) {
        if (width < 0 || height < 0 || stride < width * BYTES_PER_PIXEL) {
            throw new IllegalArgumentException("stride " + stride + " too small for width " + width);
        }
        if ((long) (height - 1) * stride + (long) width * BYTES_PER_PIXEL > src.capacity() && height > 0) {
            throw new IllegalArgumentException("source holds fewer than " + height + " rows of " + stride + " bytes");
        }
        ByteBuffer le = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < height; y++) {
            int in = y * stride;
            int out = dstOffset + y * dstStride;
            for (int x = 0; x < width; x++, in += BYTES_PER_PIXEL) {
                dst[out + x] = le.getInt(in) & 0x00FF_FFFF;
            }
        }
    }
}
