package org.lifeline.codec.tile.internal;

import static org.lifeline.codec.tile.internal.TileFormat.*;

import java.util.Arrays;
import java.util.zip.Inflater;
import org.lifeline.api.screen.CodecException;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;

/**
 * The expert's side. Every update is parsed and checked completely (into staging arrays) before a single
 * pixel of the frame changes, so a rejected update leaves the picture as it was. After any rejection the
 * compression stream is out of step with the encoder, so only an update that restarts it is accepted.
 */
final class TileDecoder implements FrameDecoder {
    private final Inflater inflater = new Inflater();
    private final InflatingReader in = new InflatingReader(inflater);
    private final JpegTiles jpeg = new JpegTiles();
    private FrameBuffer frame;
    private boolean inStep;

    // staged operations of the update being decoded
    private int[] copies = new int[6 * 16];
    private int[] ops = new int[6 * 64];
    private int[] staged = new int[64 * 64 * 16];
    private final byte[] bytes = new byte[maxJpegBytes(MAX_TILE)];
    private final int[] palette = new int[MAX_PACKED_COLOURS];

    @Override
    public FrameBuffer frame() {
        return frame;
    }

    @Override
    public void decode(byte[] update) throws CodecException {
        try {
            decodeChecked(update);
        } catch (CodecException e) {
            inStep = false;
            throw e;
        } catch (RuntimeException e) {
            // a parser bug must still look like a bad update to the caller, never like a crash
            inStep = false;
            throw malformed(e.getClass().getSimpleName());
        }
    }

    private void decodeChecked(byte[] u) {
        if (u == null || u.length < HEADER_BYTES) throw malformed("shorter than its header");
        if (u.length > MAX_UPDATE_BYTES) throw malformed("larger than " + MAX_UPDATE_BYTES + " bytes");
        // every body ends with the empty stored block of a sync flush; without it the update was cut short
        int end = u.length;
        if (end < HEADER_BYTES + 4 || u[end - 4] != 0 || u[end - 3] != 0 || u[end - 2] != -1 || u[end - 1] != -1) {
            throw malformed("truncated");
        }
        if (((u[0] & 0xFF) << 8 | (u[1] & 0xFF)) != MAGIC) throw malformed("not a tile codec update");
        if ((u[2] & 0xFF) != VERSION) throw malformed("unknown version " + (u[2] & 0xFF));
        int flags = u[3] & 0xFF;
        if ((flags & ~KNOWN_FLAGS) != 0) throw malformed("unknown flags");
        int width = (u[4] & 0xFF) << 8 | (u[5] & 0xFF);
        int height = (u[6] & 0xFF) << 8 | (u[7] & 0xFF);
        int depth = u[8] & 0xFF;
        int tile = u[9] & 0xFF;
        boolean full = (flags & FLAG_FULL) != 0;
        if (width == 0 || height == 0 || (long) width * height > FrameBuffer.MAX_PIXELS) {
            throw malformed("frame size " + width + "x" + height);
        }
        if (!validDepth(depth)) throw malformed("colour depth " + depth);
        if (!validTileSize(tile)) throw malformed("tile size " + tile);
        if (!full && (frame == null || frame.width() != width || frame.height() != height)) {
            throw malformed("an update for a frame the decoder does not have");
        }
        if ((flags & FLAG_RESET) != 0) {
            inflater.reset();
        } else if (!inStep) {
            throw malformed("compression stream out of step");
        }
        int tilesX = (width + tile - 1) / tile;
        int tilesY = (height + tile - 1) / tile;
        int tileCount = tilesX * tilesY;
        int bpp = bytesPerPixel(depth);
        // every byte the body can legitimately hold, from the most its copies and tiles can need
        long budget = 16L + (long) MAX_COPIES * 30
                + (long) tileCount * (16 + MAX_PACKED_COLOURS * 3 + Math.max(tile * tile * bpp, maxJpegBytes(tile)));
        in.start(u, HEADER_BYTES, u.length - HEADER_BYTES, budget);

        int copyCount = in.varint(full ? 0 : MAX_COPIES);
        if (copies.length < copyCount * 6) copies = new int[copyCount * 6];
        for (int i = 0; i < copyCount; i++) {
            int dx = in.varint(width - 1), dy = in.varint(height - 1);
            int w = in.varint(width), h = in.varint(height);
            int sx = dx + unzigzag(in.varint(2 * MAX_DIMENSION)), sy = dy + unzigzag(in.varint(2 * MAX_DIMENSION));
            if (w == 0 || h == 0 || sx < 0 || sy < 0 || sx + w > width || dx + w > width || sy + h > height
                    || dy + h > height) {
                throw malformed("copy outside the frame");
            }
            int k = i * 6;
            copies[k] = sx;
            copies[k + 1] = sy;
            copies[k + 2] = dx;
            copies[k + 3] = dy;
            copies[k + 4] = w;
            copies[k + 5] = h;
        }

        int opCount = in.varint(tileCount);
        if (full && opCount != tileCount) throw malformed("full frame without every tile");
        if (ops.length < opCount * 6) ops = new int[opCount * 6];
        int index = -1;
        int stagedLen = 0;
        for (int i = 0; i < opCount; i++) {
            index += 1 + in.varint(tileCount);
            if (index >= tileCount) throw malformed("tile index beyond the frame");
            int tx = (index % tilesX) * tile, ty = (index / tilesX) * tile;
            int tw = Math.min(tile, width - tx), th = Math.min(tile, height - ty);
            int enc = in.u8();
            int x = in.u8(), y = in.u8(), w = in.u8() + 1, h = in.u8() + 1;
            if (x + w > tw || y + h > th) throw malformed("rectangle outside its tile");
            if (full && (x != 0 || y != 0 || w != tw || h != th)) throw malformed("partial tile in a full frame");
            int k = i * 6;
            ops[k] = tx + x;
            ops[k + 1] = ty + y;
            ops[k + 2] = w;
            ops[k + 3] = h;
            ops[k + 4] = enc;
            int n = w * h;
            if (enc == SOLID) {
                ops[k + 5] = in.pixel(depth);
                continue;
            }
            if (staged.length < stagedLen + n) staged = Arrays.copyOf(staged, Math.max(staged.length * 2, stagedLen + n));
            ops[k + 5] = stagedLen;
            switch (enc) {
                case PACKED -> readPacked(depth, w, h, stagedLen);
                case RAW -> {
                    if (depth == 24) {
                        for (int p = 0; p < n; p++) {
                            int g = in.u8(), r = (in.u8() + g) & 0xFF, b = (in.u8() + g) & 0xFF;
                            staged[stagedLen + p] = r << 16 | g << 8 | b;
                        }
                    } else {
                        for (int p = 0; p < n; p++) staged[stagedLen + p] = in.pixel(depth);
                    }
                }
                case JPEG -> {
                    int len = in.varint(maxJpegBytes(tile));
                    in.read(bytes, 0, len);
                    jpeg.decode(bytes, len, w, h, staged, stagedLen);
                }
                default -> throw malformed("unknown tile encoding " + enc);
            }
            stagedLen += n;
        }
        in.finish();
        apply(full, width, height, copyCount, opCount);
        inStep = true;
    }

    private static int unzigzag(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private void readPacked(int depth, int w, int h, int off) {
        int colours = in.u8() + 1;
        if (colours < 2 || colours > MAX_PACKED_COLOURS) throw malformed("packed palette size");
        for (int c = 0; c < colours; c++) palette[c] = in.pixel(depth);
        int bits = packedBits(colours);
        int mask = (1 << bits) - 1;
        for (int y = 0; y < h; y++) {
            int acc = 0, avail = 0;
            for (int x = 0; x < w; x++) {
                if (avail == 0) {
                    acc = in.u8();
                    avail = 8;
                }
                avail -= bits;
                int idx = (acc >> avail) & mask;
                if (idx >= colours) throw malformed("palette index");
                staged[off++] = palette[idx];
            }
        }
    }

    private void apply(boolean full, int width, int height, int copyCount, int opCount) {
        if (full && (frame == null || frame.width() != width || frame.height() != height)) {
            frame = new FrameBuffer(width, height);
        }
        int[] px = frame.pixels();
        for (int i = 0; i < copyCount; i++) {
            int k = i * 6;
            TileFormat.copyRect(px, width, copies[k], copies[k + 1], copies[k + 2], copies[k + 3], copies[k + 4], copies[k + 5]);
        }
        for (int i = 0; i < opCount; i++) {
            int k = i * 6;
            int x = ops[k], y = ops[k + 1], w = ops[k + 2], h = ops[k + 3];
            if (ops[k + 4] == SOLID) {
                int c = ops[k + 5];
                for (int r = 0; r < h; r++) {
                    int o = (y + r) * width + x;
                    Arrays.fill(px, o, o + w, c);
                }
            } else {
                int s = ops[k + 5];
                for (int r = 0; r < h; r++) {
                    System.arraycopy(staged, s + r * w, px, (y + r) * width + x, w);
                }
            }
        }
    }
}
