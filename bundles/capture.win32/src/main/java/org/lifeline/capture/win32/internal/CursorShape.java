package org.lifeline.capture.win32.internal;

/**
 * Recovers a cursor's ARGB image from two renderings, one on black and one on white. A pixel that shows
 * the background through it differs between the two by exactly its transparency, which also covers
 * monochrome AND/XOR cursors and alpha-blended colour cursors with one rule. Pixels that invert the
 * screen (darker on white than on black) have no ARGB equivalent; they become opaque black, which is
 * what they look like on the light backgrounds where such cursors (the I-beam) usually sit.
 */
final class CursorShape {
    /** Longest cursor side sent; larger ones (accessibility cursors at huge scales) are drawn scaled down to it. */
    static final int MAX_SIDE = 256;

    private CursorShape() {
    }

    /** Both arrays hold 0x??RRGGBB pixels of the same size; the top byte is ignored. */
    static int[] fromBlackAndWhite(int[] onBlack, int[] onWhite) {
        if (onBlack.length != onWhite.length) throw new IllegalArgumentException("renderings differ in size");
        int[] argb = new int[onBlack.length];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = pixel(onBlack[i], onWhite[i]);
        }
        return argb;
    }

    private static int pixel(int black, int white) {
        int rb = (black >> 16) & 0xFF, gb = (black >> 8) & 0xFF, bb = black & 0xFF;
        int rw = (white >> 16) & 0xFF, gw = (white >> 8) & 0xFF, bw = white & 0xFF;
        if (rw < rb || gw < gb || bw < bb) return 0xFF00_0000;
        // Per channel: onBlack = c*a, onWhite = c*a + (1-a); so 1-a is their difference. Take the
        // largest difference so that rounding in GDI never makes a see-through pixel look opaque.
        int seeThrough = Math.max(rw - rb, Math.max(gw - gb, bw - bb));
        int alpha = 255 - seeThrough;
        if (alpha == 0) return 0;
        return alpha << 24 | unpremultiply(rb, alpha) << 16 | unpremultiply(gb, alpha) << 8 | unpremultiply(bb, alpha);
    }

    private static int unpremultiply(int c, int alpha) {
        return Math.min(255, (c * 255 + alpha / 2) / alpha);
    }
}
