package org.lifeline.codec.tile.internal;

import java.util.Arrays;

/**
 * Finds content that moved since the previous frame and turns it into copy operations on the encoder's
 * model of the decoder's picture: scrolled regions (vertical offsets voted by row hashes per column of
 * tiles) and moved windows (2-D offsets voted by short row segments found again in the previous frame).
 * Every copy is checked pixel for pixel before it is used, so a wrong guess costs time, never correctness;
 * whatever a copy does not explain is sent as ordinary tiles afterwards.
 */
final class MotionDetector {
    /** Fewer changed tiles than this are cheaper to send than to explain. */
    static final int MIN_DIRTY_TILES = 2;
    /** Rows that must agree on one vertical offset before it is tried. */
    private static final int MIN_SCROLL_VOTES = 4;
    /** Offsets tried per kind of motion per update. */
    private static final int MAX_CANDIDATES = 2;
    /** Pixels per row segment used to find moved content. */
    private static final int SEGMENT = 16;
    /** How far (pixels, each axis) a window may have moved between two updates and still be found. */
    static final int MOVE_RADIUS = 128;
    private static final int MIN_MOVE_VOTES = 4;
    private static final int MAX_SAMPLES = 16384;
    /**
     * A copy of part of a tile must save at least this many pixels to pay for its bytes (measured: 256 beat 64
     * and 512; with 16-pixel tiles partial copies cost more than they save, and this disables them).
     */
    private static final int MIN_PARTIAL_PIXELS = 256;
    /** Rows of the old frame skipped between scanned ones; samples come in runs of this many rows. */
    private static final int SCAN_STRIDE = 4;
    private static final int POLY = 0x01000193;
    private static final int POLY_TOP = pow(POLY, SEGMENT - 1);

    private int[] cur;
    private int[] model;
    private int width;
    private int height;
    private int tile;
    private int tilesX;
    private boolean[] dirty;
    private int[] dirtyList;
    private int dirtyCount;
    private IntList copies;

    // row hashes per tile column of the model, kept across updates: index column * height + y
    private int[] known = new int[0];
    private boolean[] knownValid = new boolean[0];
    private int[] fresh = new int[0];
    private final IntList hashedColumns = new IntList(16);
    private int hashedY0;
    private int hashedY1;
    private int[] votes = new int[0];
    private final IntList touchedVotes = new IntList(64);
    private final IntIntTable rows = new IntIntTable();
    private boolean[] matched = new boolean[0];
    /** Tiles a copy wrote since the encoder last looked: whether they still differ must be checked again. */
    private boolean[] touched = new boolean[0];
    private final int[] moveVotes = new int[(2 * MOVE_RADIUS + 1) * (2 * MOVE_RADIUS + 1)];
    private final int[] sampleX = new int[MAX_SAMPLES];
    private final int[] sampleY = new int[MAX_SAMPLES];
    private final int[] sampleHash = new int[MAX_SAMPLES];
    private final int[] sampleNext = new int[MAX_SAMPLES];
    private int[] sampleHead = new int[0];
    private final IntList rects = new IntList(64);
    private int matchedX0;
    private int matchedX1;
    private int matchedY0;
    private int matchedY1;
    private boolean[] columnMoved = new boolean[64];
    private final IntList pending = new IntList(64);

    /**
     * Works on one update: {@code dirty} flags the tiles that differ, {@code dirtyList} lists them. Copies are
     * applied to {@code model} and appended to {@code copies} (6 ints each); tiles a copy wrote are flagged
     * in {@code dirty} so the caller checks them again.
     */
    void bind(int[] cur, int[] model, int width, int height, int tile, boolean[] dirty, int[] dirtyList,
            int dirtyCount, IntList copies) {
        this.cur = cur;
        this.model = model;
        this.width = width;
        this.height = height;
        this.tile = tile;
        this.tilesX = (width + tile - 1) / tile;
        this.dirty = dirty;
        this.dirtyList = dirtyList;
        this.dirtyCount = dirtyCount;
        this.copies = copies;
        if (matched.length < dirty.length) matched = new boolean[dirty.length];
        if (touched.length != dirty.length) touched = new boolean[dirty.length];
        if (known.length != tilesX * height) {
            known = new int[tilesX * height];
            knownValid = new boolean[known.length];
            fresh = new int[known.length];
        }
    }

    boolean[] touched() {
        return touched;
    }

    /** The model was replaced wholesale (full frame, new size): no row hash is known. */
    void forgetHashes() {
        Arrays.fill(knownValid, false);
        hashedColumns.clear();
    }

    /** The model changed in this rectangle: its row hashes are unknown from now on. */
    void modelChanged(int x, int y, int w, int h) {
        for (int c = x / tile; c <= (x + w - 1) / tile; c++) {
            Arrays.fill(knownValid, c * height + y, c * height + y + h, false);
        }
    }

    /**
     * Call when the update is done and the model equals the frame: the rows hashed as "current" in this update
     * are the model's rows now, so the next update need not hash them again.
     */
    void updateDone() {
        for (int i = 0; i < hashedColumns.size(); i++) {
            int base = hashedColumns.get(i) * height;
            System.arraycopy(fresh, base + hashedY0, known, base + hashedY0, hashedY1 - hashedY0);
            Arrays.fill(knownValid, base + hashedY0, base + hashedY1, true);
        }
        hashedColumns.clear();
    }

    /** Vertical scrolls: per column of tiles, offsets at which changed rows are found in the old frame. */
    void detectScroll() {
        int tx0 = Integer.MAX_VALUE, tx1 = -1, ty0 = Integer.MAX_VALUE, ty1 = -1;
        for (int i = 0; i < dirtyCount; i++) {
            int t = dirtyList[i];
            tx0 = Math.min(tx0, t % tilesX);
            tx1 = Math.max(tx1, t % tilesX);
            ty0 = Math.min(ty0, t / tilesX);
            ty1 = Math.max(ty1, t / tilesX);
        }
        if (ty1 == ty0) return;
        int y0 = ty0 * tile, y1 = Math.min(height, (ty1 + 1) * tile);
        hashedColumns.clear();
        hashedY0 = y0;
        hashedY1 = y1;
        if (votes.length < 2 * height + 1) votes = new int[2 * height + 1];
        for (int c = tx0; c <= tx1; c++) {
            int inColumn = 0;
            for (int ty = ty0; ty <= ty1; ty++) if (dirty[ty * tilesX + c]) inColumn++;
            if (inColumn >= 2) hashedColumns.add(c);
        }
        // the loops are methods of their own: inside this one, each made the JIT compile all of it again
        hashRows(y0, y1);
        for (int i = 0; i < hashedColumns.size(); i++) voteColumn(hashedColumns.get(i) * height, y0, y1);
        int[] best = bestVotes(votes, MIN_SCROLL_VOTES);
        for (int b : best) {
            if (b >= 0) applyOffset(0, b - height);
        }
    }

    /** Hashes rows y0..y1 of the chosen columns, row by row across them: memory is read in order. */
    private void hashRows(int y0, int y1) {
        int columns = hashedColumns.size();
        for (int y = y0; y < y1; y++) {
            int row = y * width;
            for (int i = 0; i < columns; i++) {
                int c = hashedColumns.get(i);
                int bx = c * tile, bw = Math.min(tile, width - bx), k = c * height + y;
                fresh[k] = rowHash(cur, row + bx, bw);
                if (!knownValid[k]) {
                    known[k] = rowHash(model, row + bx, bw);
                    knownValid[k] = true;
                }
            }
        }
    }

    /** Votes for the vertical offsets at which this column's changed rows are found in the old frame. */
    private void voteColumn(int base, int y0, int y1) {
        rows.clear(y1 - y0);
        for (int y = y0; y < y1; y++) {
            if (known[base + y] != 0) rows.put(known[base + y], y);
        }
        for (int y = y0; y < y1; y++) {
            int ch = fresh[base + y];
            if (ch == 0 || ch == known[base + y]) continue;
            int from = rows.get(ch);
            if (from >= 0) vote(votes, from - y + height);
        }
    }

    /** Moved windows: short row segments of changed tiles found again nearby in the old frame. */
    void detectMove() {
        int r = MOVE_RADIUS;
        int samples = 0;
        int x0 = Integer.MAX_VALUE, x1 = -1, y0 = Integer.MAX_VALUE, y1 = -1;
        int perTile = 4 * SCAN_STRIDE * Math.max(1, tile / SEGMENT);
        int stride = Math.max(1, dirtyCount * perTile / MAX_SAMPLES + 1);
        // the loops over pixels live in methods called per tile or row: a loop nest in this method, which runs
        // once per update, made the JIT compile all of it several times (on-stack replacement, one per loop)
        for (int i = 0; i < dirtyCount; i += stride) {
            int t = dirtyList[i];
            int tx = (t % tilesX) * tile, ty = (t / tilesX) * tile;
            int tw = Math.min(tile, width - tx), th = Math.min(tile, height - ty);
            x0 = Math.min(x0, tx);
            x1 = Math.max(x1, tx + tw);
            y0 = Math.min(y0, ty);
            y1 = Math.max(y1, ty + th);
            samples = sampleTile(tx, ty, tw, th, samples);
        }
        if (samples < MIN_MOVE_VOTES) return;
        int bits = indexSamples(samples);
        int sx0 = Math.max(0, x0 - r), sx1 = Math.min(width, x1 + r);
        int sy0 = Math.max(0, y0 - r), sy1 = Math.min(height, y1 + r);
        if (sx1 - sx0 < SEGMENT) return;
        int side = 2 * r + 1;
        for (int y = sy0; y < sy1; y += SCAN_STRIDE) voteRow(y, sx0, sx1, bits);
        int[] best = bestVotes(moveVotes, MIN_MOVE_VOTES);
        for (int b : best) {
            if (b >= 0) applyOffset(b % side - r, b / side - r);
        }
    }

    /**
     * Adds the hashes of a changed tile's row segments that are not of one colour, in runs of SCAN_STRIDE rows (so
     * the old frame is scanned on every SCAN_STRIDE-th row only), up to MAX_SAMPLES. Returns the new sample count.
     */
    private int sampleTile(int tx, int ty, int tw, int th, int samples) {
        for (int group = tile / 8; group < th; group += tile / 4) {
            for (int ry = group; ry < Math.min(th, group + SCAN_STRIDE); ry++) {
                for (int rx = 0; rx + SEGMENT <= tw; rx += SEGMENT) {
                    int o = (ty + ry) * width + tx + rx;
                    if (samples == MAX_SAMPLES || uniform(cur, o, SEGMENT)) continue;
                    sampleX[samples] = tx + rx;
                    sampleY[samples] = ty + ry;
                    sampleHash[samples] = segmentHash(cur, o);
                    samples++;
                }
            }
        }
        return samples;
    }

    /** Chains the samples by hash in a table of twice their number (rounded up to a power of two); returns its bits. */
    private int indexSamples(int samples) {
        int bits = 32 - Integer.numberOfLeadingZeros(samples * 2 - 1);
        int size = 1 << bits;
        if (sampleHead.length < size) sampleHead = new int[size];
        Arrays.fill(sampleHead, 0, size, -1);
        for (int s = 0; s < samples; s++) {
            int slot = (sampleHash[s] * 0x9E3779B9) >>> (32 - bits);
            sampleNext[s] = sampleHead[slot];
            sampleHead[slot] = s;
        }
        return bits;
    }

    /** Rolls the segment hash along row {@code y} of the old frame and votes for the offsets of matching samples. */
    private void voteRow(int y, int sx0, int sx1, int bits) {
        int r = MOVE_RADIUS, side = 2 * r + 1;
        int row = y * width;
        int h = segmentHash(model, row + sx0);
        for (int x = sx0; ; x++) {
            for (int s = sampleHead[(h * 0x9E3779B9) >>> (32 - bits)]; s >= 0; s = sampleNext[s]) {
                if (sampleHash[s] != h) continue;
                int dx = x - sampleX[s], dy = y - sampleY[s];
                if ((dx | dy) != 0 && Math.abs(dx) <= r && Math.abs(dy) <= r) {
                    vote(moveVotes, (dy + r) * side + dx + r);
                }
            }
            if (x + SEGMENT >= sx1) break;
            h = (h - model[row + x] * POLY_TOP) * POLY + model[row + x + SEGMENT];
        }
    }

    private void vote(int[] table, int index) {
        if (table[index]++ == 0) touchedVotes.add(index);
    }

    /** The {@link #MAX_CANDIDATES} indices with the most votes (at least {@code min}); clears the votes. */
    private int[] bestVotes(int[] table, int min) {
        int[] best = new int[MAX_CANDIDATES];
        int[] count = new int[MAX_CANDIDATES];
        Arrays.fill(best, -1);
        for (int i = 0; i < touchedVotes.size(); i++) {
            int idx = touchedVotes.get(i);
            int v = table[idx];
            table[idx] = 0;
            if (v < min) continue;
            for (int k = 0; k < MAX_CANDIDATES; k++) {
                if (v > count[k]) {
                    System.arraycopy(best, k, best, k + 1, MAX_CANDIDATES - k - 1);
                    System.arraycopy(count, k, count, k + 1, MAX_CANDIDATES - k - 1);
                    best[k] = idx;
                    count[k] = v;
                    break;
                }
            }
        }
        touchedVotes.clear();
        return best;
    }

    /** Copies every changed tile that the old frame holds at offset (dx, dy), grown to pixel precision. */
    private void applyOffset(int dx, int dy) {
        if (!matchTiles(dx, dy)) return;
        joinGaps(dx, dy);
        collectMatchedRects();
        queueInMotionOrder(dx, dy);
        for (int k = 0; k < pending.size(); k += 4) {
            emitCopy(k, pending.get(k), pending.get(k + 1), pending.get(k + 2), pending.get(k + 3), dx, dy);
        }
        // tiles on the moved content's edges hold part of it: copy the largest matching band of rows or columns
        for (int i = 0; i < dirtyCount; i++) {
            if (tileDiffers(dirtyList[i])) partialCopy(dirtyList[i], dx, dy);
        }
    }

    /**
     * Flags the changed tiles the old frame holds at (dx, dy) in {@link #matched}; their bounding box (in tiles)
     * bounds every later loop, so a few moved tiles cost a few tiles' work, not a scan of the whole screen.
     */
    private boolean matchTiles(int dx, int dy) {
        int tx0 = Integer.MAX_VALUE, tx1 = -1, ty0 = Integer.MAX_VALUE, ty1 = -1;
        for (int i = 0; i < dirtyCount; i++) {
            int t = dirtyList[i];
            if (tileDiffers(t) && tileMatches(t, dx, dy)) {
                matched[t] = true;
                int tx = t % tilesX, ty = t / tilesX;
                tx0 = Math.min(tx0, tx);
                tx1 = Math.max(tx1, tx);
                ty0 = Math.min(ty0, ty);
                ty1 = Math.max(ty1, ty);
            }
        }
        matchedX0 = tx0;
        matchedX1 = tx1;
        matchedY0 = ty0;
        matchedY1 = ty1;
        return tx1 >= 0;
    }

    /**
     * Unchanged tiles between matched ones that the offset explains too (blank line ends, margins) join them,
     * so one large copy replaces many small ones.
     */
    private void joinGaps(int dx, int dy) {
        for (int ty = matchedY0; ty <= matchedY1; ty++) {
            int row = ty * tilesX, first = -1, last = -1;
            for (int tx = matchedX0; tx <= matchedX1; tx++) {
                if (matched[row + tx]) {
                    if (first < 0) first = tx;
                    last = tx;
                }
            }
            for (int tx = first + 1; tx < last; tx++) {
                int t = row + tx;
                if (!matched[t] && !dirty[t] && tileMatches(t, dx, dy)) matched[t] = true;
            }
        }
    }

    /**
     * Turns the matched tiles into rectangles (runs in a row, merged with the identical run of the row above)
     * and clears {@link #matched}. The rectangles come out ordered by top row, then by left column.
     */
    private void collectMatchedRects() {
        rects.clear();
        int firstOfRow = 0;
        for (int ty = matchedY0; ty <= matchedY1; ty++) {
            int row = ty * tilesX, rowStart = rects.size();
            for (int tx = matchedX0; tx <= matchedX1; tx++) {
                if (!matched[row + tx]) continue;
                int end = tx;
                while (end < matchedX1 && matched[row + end + 1]) end++;
                boolean merged = false;
                for (int k = firstOfRow; k < rowStart; k += 4) {
                    if (rects.get(k) == tx && rects.get(k + 1) == end && rects.get(k + 3) == ty - 1) {
                        rects.set(k + 3, ty);
                        merged = true;
                        break;
                    }
                }
                if (!merged) {
                    rects.add(tx);
                    rects.add(end);
                    rects.add(ty);
                    rects.add(ty);
                }
                Arrays.fill(matched, row + tx, row + end + 1, false);
                tx = end;
            }
            // rectangles that did not reach this row can no longer grow
            int keep = firstOfRow;
            for (int k = firstOfRow; k < rowStart; k += 4) {
                if (rects.get(k + 3) < ty) keep = k + 4;
                else break;
            }
            firstOfRow = keep;
        }
    }

    /**
     * Queues the rectangles as pixel areas in {@link #pending}, those whose source lies ahead in the direction of
     * motion first, before others overwrite it: rows in the vertical direction of motion (upwards when there is
     * none), and within a row columns in the horizontal one. The rectangles are already ordered by top row and
     * left column, so this walks them forwards or backwards instead of sorting.
     */
    private void queueInMotionOrder(int dx, int dy) {
        pending.clear();
        int count = rects.size() / 4;
        int a = dy > 0 ? 0 : count;
        while (dy > 0 ? a < count : a > 0) {
            // one group: the rectangles whose top is this row
            int from = dy > 0 ? a : a - 1, to = from;
            if (dy > 0) {
                while (to + 1 < count && rects.get((to + 1) * 4 + 2) == rects.get(from * 4 + 2)) to++;
                a = to + 1;
            } else {
                while (from > 0 && rects.get((from - 1) * 4 + 2) == rects.get(to * 4 + 2)) from--;
                a = from;
            }
            for (int n = 0; n <= to - from; n++) queue(dx > 0 ? from + n : to - n);
        }
    }

    private void queue(int rect) {
        int x = rects.get(rect * 4) * tile, y = rects.get(rect * 4 + 2) * tile;
        pending.add(x);
        pending.add(y);
        pending.add(Math.min(width, (rects.get(rect * 4 + 1) + 1) * tile) - x);
        pending.add(Math.min(height, (rects.get(rect * 4 + 3) + 1) * tile) - y);
    }

    /**
     * Copies the largest band of whole rows or whole columns of tile {@code t} that the old frame holds at the
     * offset, if it saves at least {@link #MIN_PARTIAL_PIXELS} and is not already in place. The first longest run
     * wins, and only that run is checked against the picture in place.
     */
    private void partialCopy(int t, int dx, int dy) {
        int tx = (t % tilesX) * tile, ty = (t / tilesX) * tile;
        int tw = Math.min(tile, width - tx), th = Math.min(tile, height - ty);
        if (tx + dx < 0 || ty + dy < 0 || tx + dx + tw > width || ty + dy + th > height) return;
        // each loop in a method of its own: a loop inside this method made the JIT compile all of it once per loop
        long rows = longestMatchingRows(tx, ty, tw, th, dx, dy);
        markMatchingColumns(tx, ty, tw, th, dx, dy);
        long cols = longestRun(columnMoved, tw);
        int rowsStart = (int) (rows >>> 32), rowsLen = (int) rows;
        int colsStart = (int) (cols >>> 32), colsLen = (int) cols;
        int rowsArea = rowsLen * tw, colsArea = colsLen * th;
        if (Math.max(rowsArea, colsArea) < MIN_PARTIAL_PIXELS) return;
        if (rowsArea > 0 && inPlace(tx, ty + rowsStart, tw, rowsLen)) rowsArea = 0;
        if (colsArea > 0 && inPlace(tx + colsStart, ty, colsLen, th)) colsArea = 0;
        if (Math.max(rowsArea, colsArea) < MIN_PARTIAL_PIXELS) return;
        if (rowsArea >= colsArea) {
            addCopy(tx, ty + rowsStart, tw, rowsLen, dx, dy);
        } else {
            addCopy(tx + colsStart, ty, colsLen, th, dx, dy);
        }
    }

    /** The first longest run of whole rows of the tile that match at the offset: start in the high half, length low. */
    private long longestMatchingRows(int tx, int ty, int tw, int th, int dx, int dy) {
        int start = 0, length = 0, run = 0;
        for (int r = 0; r < th; r++) {
            run = rowMatches(tx, ty + r, tw, dx, dy) ? run + 1 : 0;
            if (run > length) {
                length = run;
                start = r - run + 1;
            }
        }
        return (long) start << 32 | length;
    }

    /**
     * Flags in {@link #columnMoved} the columns of the tile that match at the offset in every row: each row's
     * differences are found by the vectorised mismatch, stopping as soon as no column is left.
     */
    private void markMatchingColumns(int tx, int ty, int tw, int th, int dx, int dy) {
        Arrays.fill(columnMoved, 0, tw, true);
        int alive = tw;
        for (int r = 0; r < th && alive > 0; r++) {
            int o = (ty + r) * width + tx, s = (ty + r + dy) * width + tx + dx;
            for (int from = 0, m; from < tw && (m = Arrays.mismatch(cur, o + from, o + tw, model, s + from, s + tw)) >= 0;
                    from += m + 1) {
                if (columnMoved[from + m]) {
                    columnMoved[from + m] = false;
                    alive--;
                }
            }
        }
    }

    /** The first longest run of true in {@code flags[0..n)}: start in the high half, length in the low. */
    private static long longestRun(boolean[] flags, int n) {
        int start = 0, length = 0, run = 0;
        for (int c = 0; c < n; c++) {
            run = flags[c] ? run + 1 : 0;
            if (run > length) {
                length = run;
                start = c - run + 1;
            }
        }
        return (long) start << 32 | length;
    }

    /** Whether the model already shows this rectangle of the frame (a copy there would change nothing). */
    private boolean inPlace(int x, int y, int w, int h) {
        for (int r = 0; r < h; r++) {
            if (!rowMatches(x, y + r, w, 0, 0)) return false;
        }
        return true;
    }

    /**
     * Copies rectangle {@code k} of {@link #pending}, grown by up to a tile less a pixel on each side where the
     * pixels still match; never into the source of a rectangle copied after it, which must still be intact.
     * Each side's growth is the shortest run of matching pixels over the rows (or the columns) of that side,
     * found in memory order; the sources of later rectangles cap it before any pixel is compared.
     */
    private void emitCopy(int k, int x, int y, int w, int h, int dx, int dy) {
        int left = Math.max(0, Math.min(Math.min(tile - 1, x), x + dx));
        left = Math.min(left, freeColumns(k, x, y, h, dx, dy, -1));
        left = matchingLeft(x, y, h, dx, dy, left);
        x -= left;
        w += left;
        int right = Math.max(0, Math.min(Math.min(tile - 1, width - x - w), width - x - w - dx));
        right = Math.min(right, freeColumns(k, x + w, y, h, dx, dy, 1));
        w += matchingRight(x + w, y, h, dx, dy, right);
        int up = Math.max(0, Math.min(Math.min(tile - 1, y), y + dy));
        up = Math.min(up, freeRows(k, x, y, w, dx, dy, -1));
        int e = matchingRows(x, y - 1, w, dx, dy, -1, up);
        y -= e;
        h += e;
        int down = Math.max(0, Math.min(Math.min(tile - 1, height - y - h), height - y - h - dy));
        down = Math.min(down, freeRows(k, x, y + h, w, dx, dy, 1));
        addCopy(x, y, w, h + matchingRows(x, y + h, w, dx, dy, 1, down), dx, dy);
    }

    // The growth loops live in small methods of their own: a long loop inside emitCopy made the JIT compile all
    // of emitCopy again for each loop that got hot (measured: 4-8 compilations of 8-17 KB during the workload).

    /** Columns left of {@code x}, at most {@code limit}, that match at the offset in rows {@code y..y+h-1}. */
    private int matchingLeft(int x, int y, int h, int dx, int dy, int limit) {
        for (int r = 0; r < h && limit > 0; r++) {
            int c = (y + r) * width + x, s = c + dy * width + dx;
            limit = matchingSuffix(c - limit, s - limit, limit);
        }
        return limit;
    }

    /** Columns from {@code x} rightwards, at most {@code limit}, that match at the offset in rows {@code y..y+h-1}. */
    private int matchingRight(int x, int y, int h, int dx, int dy, int limit) {
        for (int r = 0; r < h && limit > 0; r++) {
            int c = (y + r) * width + x, s = c + dy * width + dx;
            int m = Arrays.mismatch(cur, c, c + limit, model, s, s + limit);
            if (m >= 0) limit = m;
        }
        return limit;
    }

    /** Rows from {@code y} in {@code direction} (-1 up, +1 down), at most {@code limit}, that match at the offset. */
    private int matchingRows(int x, int y, int w, int dx, int dy, int direction, int limit) {
        int e = 0;
        while (e < limit && rowMatches(x, y + direction * e, w, dx, dy)) e++;
        return e;
    }

    /**
     * How many of the {@code n} pixels of {@code cur} from {@code c}, ending the run, equal {@code model} from
     * {@code s}: the run is found with the vectorised mismatch, not pixel by pixel.
     */
    private int matchingSuffix(int c, int s, int n) {
        int from = 0;
        for (int m; from < n && (m = Arrays.mismatch(cur, c + from, c + n, model, s + from, s + n)) >= 0; ) from += m + 1;
        return n - from;
    }

    /**
     * How many columns, from column {@code edge} going in {@code direction} (-1 left of it, +1 from it
     * rightwards), rows {@code y..y+h-1}, may be written without touching the source of a rectangle copied
     * after {@code k}.
     */
    private int freeColumns(int k, int edge, int y, int h, int dx, int dy, int direction) {
        int free = Integer.MAX_VALUE;
        for (int j = k + 4; j < pending.size(); j += 4) {
            int sx = pending.get(j) + dx, sy = pending.get(j + 1) + dy, sw = pending.get(j + 2);
            if (sy >= y + h || y >= sy + pending.get(j + 3)) continue;
            if (direction < 0 && sx < edge) free = Math.min(free, Math.max(0, edge - (sx + sw)));
            if (direction > 0 && sx + sw > edge) free = Math.min(free, Math.max(0, sx - edge));
        }
        return free;
    }

    /** As {@link #freeColumns} for rows above {@code edge} (-1) or from it downwards (+1), columns {@code x..x+w-1}. */
    private int freeRows(int k, int x, int edge, int w, int dx, int dy, int direction) {
        int free = Integer.MAX_VALUE;
        for (int j = k + 4; j < pending.size(); j += 4) {
            int sx = pending.get(j) + dx, sy = pending.get(j + 1) + dy, sh = pending.get(j + 3);
            if (sx >= x + w || x >= sx + pending.get(j + 2)) continue;
            if (direction < 0 && sy < edge) free = Math.min(free, Math.max(0, edge - (sy + sh)));
            if (direction > 0 && sy + sh > edge) free = Math.min(free, Math.max(0, sy - edge));
        }
        return free;
    }

    private void addCopy(int x, int y, int w, int h, int dx, int dy) {
        copies.add(x + dx);
        copies.add(y + dy);
        copies.add(x);
        copies.add(y);
        copies.add(w);
        copies.add(h);
        TileFormat.copyRect(model, width, x + dx, y + dy, x, y, w, h);
        for (int ty = y / tile; ty <= (y + h - 1) / tile; ty++) {
            for (int tx = x / tile; tx <= (x + w - 1) / tile; tx++) {
                dirty[ty * tilesX + tx] = true;
                touched[ty * tilesX + tx] = true;
            }
        }
    }

    private boolean tileMatches(int t, int dx, int dy) {
        int tx = (t % tilesX) * tile, ty = (t / tilesX) * tile;
        int tw = Math.min(tile, width - tx), th = Math.min(tile, height - ty);
        if (tx + dx < 0 || ty + dy < 0 || tx + dx + tw > width || ty + dy + th > height) return false;
        for (int r = 0; r < th; r++) {
            int o = (ty + r) * width + tx, s = (ty + r + dy) * width + tx + dx;
            if (!Arrays.equals(cur, o, o + tw, model, s, s + tw)) return false;
        }
        return true;
    }

    private boolean tileDiffers(int t) {
        return !tileMatches(t, 0, 0);
    }

    private boolean rowMatches(int x, int y, int w, int dx, int dy) {
        int o = y * width + x, s = (y + dy) * width + x + dx;
        return Arrays.equals(cur, o, o + w, model, s, s + w);
    }

    /**
     * A hash of every second pixel of a row segment, 0 when those are all one colour (such rows say nothing
     * about motion). It only proposes offsets, which are checked pixel for pixel, so half the pixels are
     * enough; four independent lanes keep the multiplier busy instead of waiting on one dependency chain.
     */
    private static int rowHash(int[] px, int o, int n) {
        int first = px[o];
        int h0 = 0x811C9DC5, h1 = 0x01000193, h2 = 0x7FEB352D, h3 = 0x846CA68B;
        int diff = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int p0 = px[o + i], p1 = px[o + i + 2], p2 = px[o + i + 4], p3 = px[o + i + 6];
            diff |= (p0 ^ first) | (p1 ^ first) | (p2 ^ first) | (p3 ^ first);
            h0 = (h0 ^ p0) * POLY;
            h1 = (h1 ^ p1) * POLY;
            h2 = (h2 ^ p2) * POLY;
            h3 = (h3 ^ p3) * POLY;
        }
        for (; i < n; i += 2) {
            int p = px[o + i];
            diff |= p ^ first;
            h0 = (h0 ^ p) * POLY;
        }
        if (diff == 0) return 0;
        int h = ((h0 * 31 + h1) * 31 + h2) * 31 + h3;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    private static boolean uniform(int[] px, int o, int n) {
        int first = px[o];
        for (int i = 1; i < n; i++) if (px[o + i] != first) return false;
        return true;
    }

    /** Polynomial hash of {@link #SEGMENT} pixels, the same one the rolling scan updates in place. */
    private static int segmentHash(int[] px, int o) {
        int h = 0;
        for (int i = 0; i < SEGMENT; i++) h = h * POLY + px[o + i];
        return h;
    }

    private static int pow(int b, int e) {
        int r = 1;
        for (int i = 0; i < e; i++) r *= b;
        return r;
    }
}
