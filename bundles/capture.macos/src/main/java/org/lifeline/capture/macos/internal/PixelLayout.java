package org.lifeline.capture.macos.internal;

import java.nio.ByteOrder;
import org.lifeline.api.LifelineException;

/**
 * How a 32-bit CGImage stores a pixel: the byte order of the 32-bit word, and whether the alpha (or
 * padding) byte is its top or bottom byte. A display image is normally 32-bit little-endian with alpha
 * first (bytes B, G, R, X); the other 8-bit-per-channel layouts are read too, and anything else (16-bit
 * "thousands of colours", 10-bit or floating-point HDR) is refused with a clear message.
 */
record PixelLayout(ByteOrder order, boolean alphaFirst) {
    static PixelLayout of(long bitsPerPixel, long bitsPerComponent, int bitmapInfo) {
        int alpha = bitmapInfo & Quartz.ALPHA_INFO_MASK;
        int byteOrder = bitmapInfo & Quartz.BYTE_ORDER_MASK;
        if (bitsPerPixel != 32 || bitsPerComponent != 8 || (bitmapInfo & Quartz.FLOAT_COMPONENTS) != 0
                || alpha == Quartz.ALPHA_NONE || alpha == Quartz.ALPHA_ONLY || alpha > Quartz.ALPHA_ONLY
                || (byteOrder != Quartz.BYTE_ORDER_DEFAULT && byteOrder != Quartz.BYTE_ORDER_32_LITTLE
                        && byteOrder != Quartz.BYTE_ORDER_32_BIG)) {
            throw new LifelineException("the display uses a pixel format Lifeline cannot read (" + bitsPerPixel
                    + " bits per pixel, info 0x" + Integer.toHexString(bitmapInfo)
                    + "): set the display to millions of colours without HDR");
        }
        boolean first = alpha == Quartz.ALPHA_PREMULTIPLIED_FIRST || alpha == Quartz.ALPHA_FIRST
                || alpha == Quartz.ALPHA_NONE_SKIP_FIRST;
        return new PixelLayout(byteOrder == Quartz.BYTE_ORDER_32_LITTLE ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN,
                first);
    }

    /** 0x00RRGGBB from the 32-bit word read in {@link #order()}. */
    int rgb(int word) {
        return alphaFirst ? word & 0x00FF_FFFF : word >>> 8;
    }
}
