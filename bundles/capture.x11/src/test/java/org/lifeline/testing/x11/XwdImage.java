package org.lifeline.testing.x11;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A ZPixmap TrueColor XWD dump (what {@code xwd -root} writes), decoded to 0x00RRGGBB. */
public record XwdImage(int width, int height, int[] pixels) {
    private static final int XWD_FILE_VERSION = 7;
    private static final int Z_PIXMAP = 2;

    public static XwdImage parse(byte[] dump) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dump);
        int headerSize = b.getInt(0);
        if (b.getInt(4) != XWD_FILE_VERSION || b.getInt(8) != Z_PIXMAP) throw new IOException("not a ZPixmap XWD v7 dump");
        int width = b.getInt(16), height = b.getInt(20);
        boolean lsb = b.getInt(28) == 0;
        int bitsPerPixel = b.getInt(44), bytesPerLine = b.getInt(48);
        int red = b.getInt(56), green = b.getInt(60), blue = b.getInt(64);
        int ncolors = b.getInt(76);
        if (bitsPerPixel != 32) throw new IOException("expected 32 bits per pixel, got " + bitsPerPixel);
        int data = headerSize + ncolors * 12;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = data + y * bytesPerLine + x * 4;
                int v = lsb ? (dump[p] & 0xff) | (dump[p + 1] & 0xff) << 8 | (dump[p + 2] & 0xff) << 16 | (dump[p + 3] & 0xff) << 24
                        : b.getInt(p);
                pixels[y * width + x] = scale(v, red) << 16 | scale(v, green) << 8 | scale(v, blue);
            }
        }
        return new XwdImage(width, height, pixels);
    }

    private static int scale(int v, int mask) {
        int shift = Integer.numberOfTrailingZeros(mask);
        return ((v & mask) >>> shift) & 0xff;
    }
}
