package org.lifeline.codec.tile.internal;

import static org.lifeline.codec.tile.internal.TileFormat.*;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;

/**
 * The novice's side for one expert. It keeps a model of the expert's picture in source colours (what was
 * captured when each pixel was last sent) and one deflate stream: an update is the copies that explain
 * moved content, then the changed rectangle of each tile that still differs, all sync-flushed into the
 * stream so repeated glyphs and tiles compress against everything sent before.
 */
final class TileEncoder implements FrameEncoder {
    /**
     * 32 sent as few bytes as 16 on the real Xvfb workload and a quarter fewer than 64 (BENCHMARKS.md); 16 would
     * make JPEG useless (a 16x16 tile has at most 256 colours, so never looks photographic).
     */
    static final int DEFAULT_TILE = 32;
    /** zlib level 1..9; see BENCHMARKS.md for the bytes/time trade-off behind the choice. */
    static final int DEFAULT_LEVEL = 6;
    /**
     * Rectangles with up to this many colours go as packed palette indices; more go as raw pixels into the
     * deflate stream, where repeated antialiased glyphs match earlier ones byte for byte (palette indices
     * depend on each tile's colour order and do not). Measured: 4 beat 16 and byte-index palettes.
     */
    private static final int PACKED_COLOURS = 4;
    /** More distinct colours than this in a rectangle marks it photographic (JPEG when lossy is allowed). */
    private static final int PHOTO_COLOURS = 256;
    /** Rectangles smaller than this stay lossless: a JPEG's headers would outweigh its pixels. */
    private static final int MIN_JPEG_PIXELS = 16 * 16;
    /** How faithfully a tile was sent, as {@code depth << 8 | jpegQuality}: exact is 24-bit without JPEG. */
    private static final int EXACT = 24 << 8;
    /**
     * At most this many pixels of tiles sent less faithfully go again in one update when the settings become more
     * faithful; the rest follow in the next updates (each encode returns one while any remain). On a slow line
     * a change on screen then waits for one such batch, not for the whole picture: 64 tiles of terminal text
     * are about 27 KB (the Xvfb end-to-end screen), 4 s at 56 kbit/s.
     */
    static final int MAX_REFINE_PIXELS = 64 * 32 * 32;

    private final int tile;
    private final Deflater deflater;
    private final MotionDetector motion = new MotionDetector();
    private final JpegTiles jpeg = new JpegTiles();
    private final ByteSink body = new ByteSink(64 * 1024);
    private final ByteSink out = new ByteSink(16 * 1024);
    private final IntList copies = new IntList(60);
    private final IntList rects = new IntList(256);
    private final int[] scratch;
    private final int[] original;
    private final byte[] indices;
    private final int[] paletteKeys = new int[1024];
    private final int[] paletteIndex = new int[1024];
    private final int[] palette = new int[PHOTO_COLOURS + 1];

    private EncoderSettings settings;
    private EncoderSettings pending;
    private boolean needFull = true;
    private boolean needReset = true;
    private int width;
    private int height;
    private int tilesX;
    private int tileCount;
    private int[] model;
    private boolean[] dirty;
    private int[] dirtyList;
    private int dirtyCount;
    /**
     * Per tile, the least faithful way any of its pixels was sent (see {@link #EXACT}). The model holds source
     * colours, so a tile sent lossy and unchanged since matches it: only this tells that it needs re-sending.
     */
    private int[] sent;
    /** Tiles the next update re-sends whole because they were sent less faithfully than the settings now ask. */
    private boolean[] refine;
    /** The settings became more faithful and tiles sent less faithfully may remain: the next update looks. */
    private boolean refinePending;

    private long updates;
    private long fullFrames;
    private long solidTiles;
    private long packedTiles;
    private long rawTiles;
    private long jpegTiles;
    private long copyOps;
    private long refinements;
    private long refinedTiles;
    private long bytes;

    TileEncoder(EncoderSettings settings, int tile, int level) {
        if (!validTileSize(tile)) throw new IllegalArgumentException("tile size must be 16, 32 or 64");
        this.settings = Objects.requireNonNull(settings);
        this.tile = tile;
        this.deflater = new Deflater(level);
        this.scratch = new int[tile * tile];
        this.original = new int[tile * tile];
        this.indices = new byte[tile * tile];
    }

    @Override
    public String codecId() {
        return TileCodec.ID;
    }

    @Override
    public synchronized void reset() {
        needFull = true;
        needReset = true;
    }

    @Override
    public synchronized void settings(EncoderSettings settings) {
        pending = Objects.requireNonNull(settings);
    }

    @Override
    public synchronized String statistics() {
        return "updates " + updates + " (full " + fullFrames + "); tiles: solid " + solidTiles + ", palette "
                + packedTiles + ", zlib " + rawTiles + ", jpeg " + jpegTiles + "; copies " + copyOps + "; refined "
                + refinedTiles + " tiles in " + refinements + " updates; bytes " + bytes;
    }

    @Override
    public synchronized byte[] encode(FrameBuffer frame, List<Rect> damage) {
        Objects.requireNonNull(frame, "frame");
        if (frame.width() > MAX_DIMENSION || frame.height() > MAX_DIMENSION) {
            throw new IllegalArgumentException("frame wider or taller than " + MAX_DIMENSION + " pixels");
        }
        if (pending != null) {
            // only the tiles sent less faithfully are re-sent, not the whole frame
            if (moreFaithful(pending, settings)) refinePending = true;
            settings = pending;
            pending = null;
        }
        boolean resized = model == null || frame.width() != width || frame.height() != height;
        boolean full = needFull || resized;
        if (!full && !refinePending && damage != null && damage.isEmpty()) return null;
        if (resized) resize(frame.width(), frame.height());
        int[] cur = frame.pixels();
        copies.clear();
        if (full) {
            dirtyCount = 0;
            for (int t = 0; t < tileCount; t++) dirtyList[dirtyCount++] = t;
        } else {
            if (damage == null) markAllChanged(cur);
            else markDamaged(cur, damage);
            if (dirtyCount == 0 && !refinePending) return null;
            if (dirtyCount >= MotionDetector.MIN_DIRTY_TILES) findMotion(cur);
        }
        int refined = full ? 0 : noteCopiesAndRefine();
        if (full) refinePending = false;
        collectRects(cur, full);
        if (full) {
            motion.forgetHashes();
        } else {
            for (int i = 0; i < copies.size(); i += 6) {
                motion.modelChanged(copies.get(i + 2), copies.get(i + 3), copies.get(i + 4), copies.get(i + 5));
            }
        }
        if (!full && copies.size() == 0 && rects.size() == 0) return null;
        writeBody(cur, full);
        motion.updateDone();
        byte[] update = compress(full);
        if (full) System.arraycopy(cur, 0, model, 0, cur.length);
        needFull = false;
        needReset = false;
        updates++;
        if (full) fullFrames++;
        if (refined > 0) refinements++;
        refinedTiles += refined;
        copyOps += copies.size() / 6;
        bytes += update.length;
        return update;
    }

    private static boolean moreFaithful(EncoderSettings next, EncoderSettings now) {
        return moreFaithful(next, now.colourDepth() << 8 | now.lossyQuality());
    }

    /** Whether {@code next} asks for more than a tile sent as {@code was} (a {@link #EXACT}-style code) holds. */
    private static boolean moreFaithful(EncoderSettings next, int was) {
        int depth = was >>> 8, quality = was & 0xFF;
        if (next.colourDepth() > depth) return true;
        return quality > 0 && (next.lossyQuality() == 0 || next.lossyQuality() > quality);
    }

    /** The fidelity of a tile holding pixels sent as {@code a} and others sent as {@code b}. */
    private static int worst(int a, int b) {
        int depth = Math.min(a >>> 8, b >>> 8);
        int qa = a & 0xFF, qb = b & 0xFF;
        return depth << 8 | (qa == 0 ? qb : qb == 0 ? qa : Math.min(qa, qb));
    }

    /**
     * Copies carry their source tiles' fidelity to where they land (the decoder moves the pixels it holds, lossy
     * or not); then, after the settings became more faithful, the tiles sent less faithfully than they now ask
     * are flagged for re-sending whole, up to {@link #MAX_REFINE_PIXELS}. Returns how many tiles that adds.
     */
    private int noteCopiesAndRefine() {
        for (int i = 0; i < copies.size(); i += 6) carryFidelity(i);
        return refinePending ? flagForRefinement() : 0;
    }

    /** The copy at {@code i} of the copy list lands its source tiles' worst fidelity on its destination tiles. */
    private void carryFidelity(int i) {
        int sx = copies.get(i), sy = copies.get(i + 1), dx = copies.get(i + 2), dy = copies.get(i + 3);
        int w = copies.get(i + 4), h = copies.get(i + 5);
        int f = EXACT;
        for (int ty = sy / tile; ty <= (sy + h - 1) / tile; ty++) {
            for (int tx = sx / tile; tx <= (sx + w - 1) / tile; tx++) f = worst(f, sent[ty * tilesX + tx]);
        }
        for (int ty = dy / tile; ty <= (dy + h - 1) / tile; ty++) {
            for (int tx = dx / tile; tx <= (dx + w - 1) / tile; tx++) {
                sent[ty * tilesX + tx] = worst(sent[ty * tilesX + tx], f);
            }
        }
    }

    /** Flags the tiles sent less faithfully than the settings now ask, up to the budget; returns how many. */
    private int flagForRefinement() {
        int budget = Math.max(1, MAX_REFINE_PIXELS / (tile * tile));
        int added = 0;
        refinePending = false;
        for (int t = 0; t < tileCount; t++) {
            if (moreFaithful(settings, sent[t])) {
                if (added == budget) {
                    refinePending = true;
                    break;
                }
                refine[t] = true;
                dirty[t] = true;
                added++;
            }
        }
        if (added > 0) {
            // the rectangles must go in tile order, like the dirty list the change detection made
            collectDirty();
        }
        return added;
    }

    private void resize(int w, int h) {
        width = w;
        height = h;
        tilesX = (w + tile - 1) / tile;
        tileCount = tilesX * ((h + tile - 1) / tile);
        model = new int[w * h];
        dirty = new boolean[tileCount];
        dirtyList = new int[tileCount];
        sent = new int[tileCount];
        refine = new boolean[tileCount];
        // the detector's row-hash cache is sized and indexed by the geometry
        motion.bind(model, model, w, h, tile, dirty, dirtyList, 0, copies);
        needFull = true;
    }

    /** No hint: scan whole rows (vectorised mismatch), jumping to the next tile after each difference. */
    private void markAllChanged(int[] cur) {
        for (int ty = 0; ty * tile < height; ty++) {
            int rowEnd = Math.min(height, (ty + 1) * tile);
            for (int y = ty * tile; y < rowEnd; y++) {
                int o = y * width;
                int x = 0;
                while (x < width) {
                    int m = Arrays.mismatch(cur, o + x, o + width, model, o + x, o + width);
                    if (m < 0) break;
                    int tx = (x + m) / tile;
                    dirty[ty * tilesX + tx] = true;
                    x = (tx + 1) * tile;
                }
            }
        }
        collectDirty();
    }

    /**
     * Marks the tiles whose damaged part differs from the model. Outside the damage the frame still equals the
     * model (everything that differed went out with the last update, exactly, even when the tile went lossy), so
     * only the damaged rows are compared: one vectorised mismatch across the tiles of a row not yet marked, instead
     * of one call per row of every damaged tile.
     */
    private void markDamaged(int[] cur, List<Rect> damage) {
        for (Rect r : damage) {
            int x0 = Math.max(0, r.x()), y0 = Math.max(0, r.y());
            int x1 = (int) Math.min(width, (long) r.x() + r.width()), y1 = (int) Math.min(height, (long) r.y() + r.height());
            if (x1 <= x0) continue;
            for (int y = y0; y < y1; y++) markDifferences(cur, y, x0, x1);
        }
        collectDirty();
    }

    /** Marks the tiles where row {@code y} of the frame differs from the model between {@code x0} and {@code x1}. */
    private void markDifferences(int[] cur, int y, int x0, int x1) {
        int row = (y / tile) * tilesX, o = y * width;
        int x = x0;
        while (x < x1) {
            int tx = x / tile;
            if (dirty[row + tx]) {
                x = (tx + 1) * tile;
                continue;
            }
            int end = Math.min(x1, (tx + 1) * tile);
            while (end < x1 && !dirty[row + end / tile]) end = Math.min(x1, end + tile);
            int m = Arrays.mismatch(cur, o + x, o + end, model, o + x, o + end);
            if (m < 0) {
                x = end;
            } else {
                int hit = (x + m) / tile;
                dirty[row + hit] = true;
                x = (hit + 1) * tile;
            }
        }
    }

    /** Lists the flagged tiles in index order. */
    private void collectDirty() {
        dirtyCount = 0;
        for (int t = 0; t < tileCount; t++) {
            if (dirty[t]) dirtyList[dirtyCount++] = t;
        }
    }

    private boolean differs(int[] cur, int t) {
        int tx = (t % tilesX) * tile, ty = (t / tilesX) * tile;
        int tw = Math.min(tile, width - tx), th = Math.min(tile, height - ty);
        for (int r = 0; r < th; r++) {
            int o = (ty + r) * width + tx;
            if (Arrays.mismatch(cur, o, o + tw, model, o, o + tw) >= 0) return true;
        }
        return false;
    }

    private void findMotion(int[] cur) {
        motion.bind(cur, model, width, height, tile, dirty, dirtyList, dirtyCount, copies);
        int before = dirtyCount, copied = copies.size();
        motion.detectScroll();
        if (copies.size() > copied) recollect(cur);
        // a moved window changes a part of the screen; a repaint of most of it, or the new lines left over
        // after a scroll, are not worth the search
        if (dirtyCount >= Math.max(MotionDetector.MIN_DIRTY_TILES, before / 4) && dirtyCount * 2 <= tileCount) {
            motion.bind(cur, model, width, height, tile, dirty, dirtyList, dirtyCount, copies);
            copied = copies.size();
            motion.detectMove();
            if (copies.size() > copied) recollect(cur);
        }
    }

    /**
     * After copies: the tiles they wrote are compared again (most now match); every other dirty tile still
     * differs, as neither it nor the model under it changed.
     */
    private void recollect(int[] cur) {
        boolean[] touched = motion.touched();
        dirtyCount = 0;
        for (int t = 0; t < tileCount; t++) {
            if (!dirty[t]) continue;
            if (touched[t]) {
                touched[t] = false;
                if (!differs(cur, t)) {
                    dirty[t] = false;
                    continue;
                }
            }
            dirtyList[dirtyCount++] = t;
        }
    }

    /** For every dirty tile, the smallest rectangle holding its changes (the whole tile in a full frame). */
    private void collectRects(int[] cur, boolean full) {
        rects.clear();
        for (int i = 0; i < dirtyCount; i++) {
            int t = dirtyList[i];
            dirty[t] = false;
            int tx = (t % tilesX) * tile, ty = (t / tilesX) * tile;
            int tw = Math.min(tile, width - tx), th = Math.min(tile, height - ty);
            if (full || refine[t]) {
                refine[t] = false;
                addRect(t, 0, 0, tw, th);
                continue;
            }
            changedBounds(cur, t, tx, ty, tw, th);
        }
    }

    /**
     * Adds the smallest rectangle of tile {@code t} that holds its changes, if any. In a method of its own: its
     * loops inside collectRects made the JIT compile collectRects again for each of them.
     */
    private void changedBounds(int[] cur, int t, int tx, int ty, int tw, int th) {
        int minX = tw, maxX = -1, minY = -1, maxY = -1;
        for (int r = 0; r < th; r++) {
            int o = (ty + r) * width + tx;
            int m = Arrays.mismatch(cur, o, o + tw, model, o, o + tw);
            if (m < 0) continue;
            if (minY < 0) minY = r;
            maxY = r;
            if (m < minX) minX = m;
            maxX = Math.max(maxX, lastDifference(cur, o, Math.max(maxX + 1, m), tw));
        }
        if (minY >= 0) addRect(t, minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** The last column in {@code from..to-1} of the row at {@code o} where the frame differs from the model, or -1. */
    private int lastDifference(int[] cur, int o, int from, int to) {
        for (int c = to - 1; c >= from; c--) {
            if (cur[o + c] != model[o + c]) return c;
        }
        return -1;
    }

    private void addRect(int t, int x, int y, int w, int h) {
        rects.add(t);
        rects.add(x);
        rects.add(y);
        rects.add(w);
        rects.add(h);
    }

    private void writeBody(int[] cur, boolean full) {
        body.reset();
        int copyCount = copies.size() / 6;
        body.varint(copyCount);
        for (int i = 0; i < copies.size(); i += 6) {
            int sx = copies.get(i), sy = copies.get(i + 1), dx = copies.get(i + 2), dy = copies.get(i + 3);
            body.varint(dx);
            body.varint(dy);
            body.varint(copies.get(i + 4));
            body.varint(copies.get(i + 5));
            // the motion as zigzag numbers: one scroll or drag repeats the same few bytes, which deflate likes
            body.varint(zigzag(sx - dx));
            body.varint(zigzag(sy - dy));
        }
        int count = rects.size() / 5;
        body.varint(count);
        int last = -1;
        for (int i = 0; i < count; i++) {
            int t = rects.get(i * 5);
            int x = rects.get(i * 5 + 1), y = rects.get(i * 5 + 2), w = rects.get(i * 5 + 3), h = rects.get(i * 5 + 4);
            body.varint(t - last - 1);
            last = t;
            int px = (t % tilesX) * tile + x, py = (t / tilesX) * tile + y;
            int fidelity = writeTile(cur, px, py, x, y, w, h);
            int tw = Math.min(tile, width - (t % tilesX) * tile), th = Math.min(tile, height - (t / tilesX) * tile);
            sent[t] = x == 0 && y == 0 && w == tw && h == th ? fidelity : worst(sent[t], fidelity);
            if (!full) motion.modelChanged(px, py, w, h);
            for (int r = 0; r < h; r++) {
                int o = (py + r) * width + px;
                System.arraycopy(cur, o, model, o, w);
            }
        }
    }

    private static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    /** Writes one rectangle; returns how faithfully it went (see {@link #EXACT}). */
    private int writeTile(int[] cur, int px, int py, int x, int y, int w, int h) {
        int n = w * h;
        int depth = settings.colourDepth();
        for (int r = 0; r < h; r++) System.arraycopy(cur, (py + r) * width + px, original, r * w, w);
        if (settings.lossyQuality() > 0 && n >= MIN_JPEG_PIXELS && buildPalette(original, n) > PHOTO_COLOURS) {
            byte[] j = jpeg.encode(original, w, h, settings.lossyQuality(), maxJpegBytes(tile));
            if (j != null) {
                tileHeader(JPEG, x, y, w, h);
                body.varint(j.length);
                body.bytes(j, 0, j.length);
                jpegTiles++;
                return EXACT | settings.lossyQuality();
            }
        }
        // black, white and the other colours a reduced depth holds exactly need no refinement later
        boolean exact = quantizeTile(n, depth);
        int colours = buildPalette(scratch, n);
        if (colours == 1) {
            tileHeader(SOLID, x, y, w, h);
            body.pixel(scratch[0], depth);
            solidTiles++;
        } else if (colours <= PACKED_COLOURS) {
            tileHeader(PACKED, x, y, w, h);
            writePalette(colours, depth);
            writePacked(w, h, packedBits(colours));
            packedTiles++;
        } else {
            tileHeader(RAW, x, y, w, h);
            writeRaw(n, depth);
            rawTiles++;
        }
        return exact ? EXACT : depth << 8;
    }

    // The loops below are methods of their own: inside writeTile each made the JIT compile all of it again.

    /** {@link #scratch} = {@link #original} at the colour depth; whether that changed no pixel. */
    private boolean quantizeTile(int n, int depth) {
        boolean exact = true;
        for (int i = 0; i < n; i++) {
            scratch[i] = quantize(original[i], depth);
            exact &= scratch[i] == (original[i] & 0xFFFFFF);
        }
        return exact;
    }

    /** The palette indices of {@link #indices}, {@code bits} each, rows padded to a byte. */
    private void writePacked(int w, int h, int bits) {
        body.ensure(h * ((w * bits + 7) / 8));
        for (int r = 0; r < h; r++) {
            int acc = 0, used = 0;
            for (int c = 0; c < w; c++) {
                acc = (acc << bits) | indices[r * w + c];
                used += bits;
                if (used == 8) {
                    body.buf[body.len++] = (byte) acc;
                    acc = 0;
                    used = 0;
                }
            }
            if (used > 0) body.buf[body.len++] = (byte) (acc << (8 - used));
        }
    }

    /** The {@link #scratch} pixels as they are, 24-bit ones as G, R-G, B-G (grey antialiased text then compresses like one channel). */
    private void writeRaw(int n, int depth) {
        body.ensure(n * 3);
        if (depth == 24) {
            for (int i = 0; i < n; i++) {
                int p = scratch[i], g = (p >> 8) & 0xFF;
                body.buf[body.len++] = (byte) g;
                body.buf[body.len++] = (byte) ((p >> 16) - g);
                body.buf[body.len++] = (byte) ((p & 0xFF) - g);
            }
        } else {
            for (int i = 0; i < n; i++) body.pixel(scratch[i], depth);
        }
    }

    private void tileHeader(int encoding, int x, int y, int w, int h) {
        body.ensure(5);
        body.buf[body.len++] = (byte) encoding;
        body.buf[body.len++] = (byte) x;
        body.buf[body.len++] = (byte) y;
        body.buf[body.len++] = (byte) (w - 1);
        body.buf[body.len++] = (byte) (h - 1);
    }

    private void writePalette(int colours, int depth) {
        body.u8(colours - 1);
        for (int c = 0; c < colours; c++) body.pixel(palette[c], depth);
    }

    /**
     * Fills {@link #palette} and {@link #indices} for the first {@code n} pixels; returns the number of
     * colours, or {@code PHOTO_COLOURS + 1} as soon as there are more.
     */
    private int buildPalette(int[] px, int n) {
        Arrays.fill(paletteKeys, -1);
        int colours = 0;
        int prev = -1, prevIndex = 0;
        int mask = paletteKeys.length - 1;
        for (int i = 0; i < n; i++) {
            int p = px[i];
            if (p != prev) {
                int slot = (p * 0x9E3779B9) >>> 22 & mask;
                while (paletteKeys[slot] != -1 && paletteKeys[slot] != p) slot = (slot + 1) & mask;
                if (paletteKeys[slot] == -1) {
                    if (colours == PHOTO_COLOURS) return PHOTO_COLOURS + 1;
                    paletteKeys[slot] = p;
                    paletteIndex[slot] = colours;
                    palette[colours++] = p;
                }
                prev = p;
                prevIndex = paletteIndex[slot];
            }
            indices[i] = (byte) prevIndex;
        }
        return colours;
    }

    private byte[] compress(boolean full) {
        if (needReset) deflater.reset();
        out.reset();
        out.u16(MAGIC);
        out.u8(VERSION);
        out.u8((full ? FLAG_FULL : 0) | (needReset ? FLAG_RESET : 0));
        out.u16(width);
        out.u16(height);
        out.u8(settings.colourDepth());
        out.u8(tile);
        deflater.setInput(body.buf, 0, body.len);
        while (true) {
            out.ensure(Math.max(4096, body.len / 4));
            int room = out.buf.length - out.len;
            int n = deflater.deflate(out.buf, out.len, room, Deflater.SYNC_FLUSH);
            out.len += n;
            if (n < room) break;
        }
        return out.toArray();
    }
}
