package org.lifeline.codec.tile.internal;

import org.lifeline.api.screen.CodecException;

/**
 * The update message of the tile codec, version 1.
 *
 * <pre>
 * header (plain, {@value #HEADER_BYTES} bytes, big-endian):
 *   magic u16 "LT" · version u8 · flags u8 (FULL, RESET) · width u16 · height u16 · depth u8 · tile u8
 * body (ends with the sync-flush marker 00 00 FF FF; one sync-flushed segment of a zlib stream that lives as long as the encoder, restarted on RESET):
 *   copyCount varint, then per copy: dstX dstY width height (varints), srcX-dstX srcY-dstY (zigzag varints)
 *     — applied in order, each as if through a temporary buffer (a scroll overlaps itself)
 *   tileCount varint, then per tile:
 *     tileIndexGap varint (index - previousIndex - 1, so indices strictly increase)
 *     encoding u8 · x u8 · y u8 · (width-1) u8 · (height-1) u8   — a rectangle inside that tile
 *     SOLID: pixel | PACKED: n-1, n pixels (2..16), rows of 1/2/4-bit indices, each row byte-aligned
 *     RAW: w*h pixels (at depth 24 as G, R-G, B-G mod 256) | JPEG: length varint, JFIF bytes
 * pixel: 3 bytes RGB (depth 24), RGB565 big-endian (16), RGB332 (8)
 * </pre>
 *
 * FULL: the frame is replaced (its size may change), every tile comes whole and there are no copies.
 * RESET: the decoder starts a new inflater before reading the body.
 */
final class TileFormat {
    static final int MAGIC = 0x4C54;
    static final int VERSION = 1;
    static final int HEADER_BYTES = 10;

    static final int FLAG_FULL = 1;
    static final int FLAG_RESET = 2;
    static final int KNOWN_FLAGS = FLAG_FULL | FLAG_RESET;

    static final int SOLID = 0;
    static final int PACKED = 1;
    static final int RAW = 2;
    static final int JPEG = 3;

    /** Largest update message a decoder accepts; a full 4K frame of noise is about 25 MB. */
    static final int MAX_UPDATE_BYTES = 64 << 20;
    /** Copies per update: scrolling and moved windows need a handful, never thousands. */
    static final int MAX_COPIES = 4096;
    /** Palette entries for the PACKED encoding (4-bit indices). */
    static final int MAX_PACKED_COLOURS = 16;
    /** Width and height travel as u16. */
    static final int MAX_DIMENSION = 0xFFFF;
    /** Largest tile edge; also what makes one tile's rectangle fit the u8 fields. */
    static final int MAX_TILE = 64;

    private TileFormat() {
    }

    static boolean validTileSize(int tile) {
        return tile == 16 || tile == 32 || tile == 64;
    }

    static boolean validDepth(int depth) {
        return depth == 24 || depth == 16 || depth == 8;
    }

    static int bytesPerPixel(int depth) {
        return depth / 8;
    }

    /** JPEG bytes one tile may take; an encoder that needs more sends the tile losslessly. */
    static int maxJpegBytes(int tile) {
        return tile * tile * 3 + 2048;
    }

    /** Bits per palette index in a PACKED rectangle. */
    static int packedBits(int colours) {
        return colours <= 2 ? 1 : colours <= 4 ? 2 : 4;
    }

    /** The colour the decoder shows for {@code rgb} at {@code depth}: what the encoder compares against. */
    static int quantize(int rgb, int depth) {
        return switch (depth) {
            case 16 -> expand565(pack565(rgb));
            case 8 -> expand332(pack332(rgb));
            default -> rgb & 0xFFFFFF;
        };
    }

    static int pack565(int rgb) {
        return ((rgb >> 8) & 0xF800) | ((rgb >> 5) & 0x07E0) | ((rgb >> 3) & 0x001F);
    }

    static int expand565(int v) {
        int r = (v >> 11) & 0x1F, g = (v >> 5) & 0x3F, b = v & 0x1F;
        return ((r << 3 | r >> 2) << 16) | ((g << 2 | g >> 4) << 8) | (b << 3 | b >> 2);
    }

    static int pack332(int rgb) {
        return ((rgb >> 16) & 0xE0) | ((rgb >> 11) & 0x1C) | ((rgb >> 6) & 0x03);
    }

    static int expand332(int v) {
        int r = (v >> 5) & 7, g = (v >> 2) & 7, b = v & 3;
        return ((r << 5 | r << 2 | r >> 1) << 16) | ((g << 5 | g << 2 | g >> 1) << 8) | (b * 0x55);
    }

    /** Copies a rectangle as if through a temporary buffer, so overlapping source and target (a scroll) work. */
    static void copyRect(int[] px, int width, int sx, int sy, int dx, int dy, int w, int h) {
        if (dy > sy) {
            for (int r = h - 1; r >= 0; r--) System.arraycopy(px, (sy + r) * width + sx, px, (dy + r) * width + dx, w);
        } else {
            for (int r = 0; r < h; r++) System.arraycopy(px, (sy + r) * width + sx, px, (dy + r) * width + dx, w);
        }
    }

    static CodecException malformed(String what) {
        return new CodecException("malformed screen update (" + what + "); ask the novice for a full frame");
    }
}
