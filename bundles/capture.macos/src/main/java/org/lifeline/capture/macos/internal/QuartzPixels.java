package org.lifeline.capture.macos.internal;

import java.nio.ByteBuffer;

/**
 * Copies a display image into a frame, scaled from the image's pixels to the display's points. Macs with
 * Retina displays draw two (or more) pixels per point; Lifeline works in points so that the expert's
 * pointer coordinates are the ones CGEvent takes, and so a 5K screen costs a quarter of the bandwidth.
 * An exact 2:1 image is averaged over 2x2 blocks (text stays readable); other ratios take the nearest pixel.
 */
final class QuartzPixels {
    static final int BYTES_PER_PIXEL = 4;

    private QuartzPixels() {
    }

    /**
     * @param src the image bytes, rows {@code stride} bytes apart
     * @param dst the frame, rows {@code dstStride} ints apart; the block lands at ({@code dstX}, {@code dstY})
     *        with size {@code dstW x dstH}
     */
    static void copy(ByteBuffer src, PixelLayout layout, int srcW, int srcH, int stride, int[] dst, int dstStride,
            int dstX, int dstY, int dstW, int dstH) {
        if (srcW <= 0 || srcH <= 0 || dstW <= 0 || dstH <= 0) return;
        if (stride < srcW * BYTES_PER_PIXEL || (long) (srcH - 1) * stride + (long) srcW * BYTES_PER_PIXEL > src.capacity()) {
            throw new IllegalArgumentException("image of " + srcW + "x" + srcH + " does not fit its " + src.capacity()
                    + " bytes with stride " + stride);
        }
        if (dstX < 0 || dstY < 0 || dstX + dstW > dstStride || (long) (dstY + dstH) * dstStride > dst.length) {
            throw new IllegalArgumentException("block outside the frame");
        }
        ByteBuffer in = src.duplicate().order(layout.order());
        if (srcW == dstW && srcH == dstH) {
            for (int y = 0; y < dstH; y++) {
                int row = y * stride, out = (dstY + y) * dstStride + dstX;
                for (int x = 0; x < dstW; x++) dst[out + x] = layout.rgb(in.getInt(row + x * BYTES_PER_PIXEL));
            }
        } else if (srcW == 2 * dstW && srcH == 2 * dstH) {
            for (int y = 0; y < dstH; y++) {
                int row0 = 2 * y * stride, row1 = row0 + stride, out = (dstY + y) * dstStride + dstX;
                for (int x = 0; x < dstW; x++) {
                    int at = 2 * x * BYTES_PER_PIXEL;
                    dst[out + x] = average(layout.rgb(in.getInt(row0 + at)), layout.rgb(in.getInt(row0 + at + 4)),
                            layout.rgb(in.getInt(row1 + at)), layout.rgb(in.getInt(row1 + at + 4)));
                }
            }
        } else {
            for (int y = 0; y < dstH; y++) {
                int sy = (int) (((2L * y + 1) * srcH) / (2L * dstH));
                int row = sy * stride, out = (dstY + y) * dstStride + dstX;
                for (int x = 0; x < dstW; x++) {
                    int sx = (int) (((2L * x + 1) * srcW) / (2L * dstW));
                    dst[out + x] = layout.rgb(in.getInt(row + sx * BYTES_PER_PIXEL));
                }
            }
        }
    }

    private static int average(int a, int b, int c, int d) {
        int r = (((a >> 16) & 0xFF) + ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF) + ((d >> 16) & 0xFF) + 2) >> 2;
        int g = (((a >> 8) & 0xFF) + ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF) + ((d >> 8) & 0xFF) + 2) >> 2;
        int bl = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) >> 2;
        return r << 16 | g << 8 | bl;
    }
}
