package org.lifeline.capture.x11.internal;

import java.nio.ByteOrder;

/**
 * How a TrueColor ZPixmap stores a pixel, and its conversion to 0x00RRGGBB. Covers 32 and 24 bits per
 * pixel (depth 24 or 32) and 16 bits (depth 15/16), in either byte order, with any channel masks.
 */
record PixelFormat(int bitsPerPixel, boolean lsbFirst, long redMask, long greenMask, long blueMask) {
    private static final boolean NATIVE_LSB = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    PixelFormat {
        if (bitsPerPixel != 32 && bitsPerPixel != 24 && bitsPerPixel != 16) {
            throw new IllegalArgumentException("unsupported pixel size: " + bitsPerPixel + " bits");
        }
        if (redMask == 0 || greenMask == 0 || blueMask == 0) {
            throw new IllegalArgumentException("not a TrueColor visual (no channel masks)");
        }
    }

    static PixelFormat of(X11Natives.XImage image) {
        return new PixelFormat(image.bits_per_pixel, image.byte_order == X11Natives.LSB_FIRST, image.red_mask,
                image.green_mask, image.blue_mask);
    }

    int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    boolean isStandard() {
        return bitsPerPixel == 32 && redMask == 0xff0000L && greenMask == 0xff00L && blueMask == 0xffL;
    }

    /** Converts one row of {@code width} raw pixels starting at {@code src[offset]} into {@code dst[dstOffset..]}. */
    void convert(byte[] src, int offset, int width, int[] dst, int dstOffset) {
        int bpp = bytesPerPixel();
        for (int i = 0, p = offset; i < width; i++, p += bpp) {
            dst[dstOffset + i] = rgb(raw(src, p, bpp));
        }
    }

    /** Converts, in place, {@code count} pixels read as native-order ints (32 bits per pixel only). */
    void convertInts(int[] pixels, int offset, int count) {
        boolean swap = lsbFirst != NATIVE_LSB;
        int end = offset + count;
        if (isStandard() && !swap) {
            for (int i = offset; i < end; i++) pixels[i] &= 0xffffff;
            return;
        }
        for (int i = offset; i < end; i++) {
            int v = swap ? Integer.reverseBytes(pixels[i]) : pixels[i];
            pixels[i] = rgb(v & 0xffffffffL);
        }
    }

    private long raw(byte[] src, int p, int bpp) {
        long v = 0;
        for (int b = 0; b < bpp; b++) {
            int shift = lsbFirst ? 8 * b : 8 * (bpp - 1 - b);
            v |= (src[p + b] & 0xffL) << shift;
        }
        return v;
    }

    int rgb(long pixel) {
        return channel(pixel, redMask) << 16 | channel(pixel, greenMask) << 8 | channel(pixel, blueMask);
    }

    /** Scales a masked channel to 8 bits, replicating the top bits so full intensity stays 0xff. */
    private static int channel(long pixel, long mask) {
        int shift = Long.numberOfTrailingZeros(mask);
        int bits = Long.bitCount(mask);
        int v = (int) ((pixel & mask) >>> shift);
        if (bits >= 8) return v >>> (bits - 8);
        int out = 0;
        for (int filled = 0; filled < 8; filled += bits) {
            int s = 8 - filled - bits;
            out |= s >= 0 ? v << s : v >>> -s;
        }
        return out & 0xff;
    }
}
