package org.lifeline.capture.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lifeline.api.screen.Rect;

/**
 * Finds what changed between frames by comparing tiles with a private copy of the previous frame. GDI and
 * CGDisplayCreateImage report no damage, so this comparison is the only way those captures tell an idle
 * screen from a busy one; it costs one pass over memory per grab, far less than encoding a frame.
 *
 * <p>Not thread-safe: one instance belongs to one capture, which calls it under its own lock.
 */
public final class TileDamage {
    public static final int DEFAULT_TILE = 64;

    private final int width;
    private final int height;
    private final int tile;
    private final int[] previous;
    private boolean first = true;

    public TileDamage(int width, int height, int tile) {
        if (width <= 0 || height <= 0 || tile <= 0) throw new IllegalArgumentException("bad size");
        this.width = width;
        this.height = height;
        this.tile = tile;
        this.previous = new int[Math.multiplyExact(width, height)];
    }

    /**
     * Compares {@code current} (width * height pixels) with the previous call's frame and remembers it.
     * Returns changed areas as tile-aligned rectangles clipped to the frame; changed tiles that touch in
     * one tile row are merged into one rectangle. The first call returns the whole frame.
     */
    public List<Rect> compare(int[] current) {
        if (current.length != previous.length) throw new IllegalArgumentException("frame size changed");
        if (first) {
            first = false;
            System.arraycopy(current, 0, previous, 0, previous.length);
            return List.of(new Rect(0, 0, width, height));
        }
        List<Rect> damage = new ArrayList<>();
        for (int ty = 0; ty < height; ty += tile) {
            int th = Math.min(tile, height - ty);
            int runStart = -1;
            for (int tx = 0; tx < width; tx += tile) {
                int tw = Math.min(tile, width - tx);
                boolean changed = changed(current, tx, ty, tw, th);
                if (changed) {
                    copy(current, tx, ty, tw, th);
                    if (runStart < 0) runStart = tx;
                } else if (runStart >= 0) {
                    damage.add(new Rect(runStart, ty, tx - runStart, th));
                    runStart = -1;
                }
            }
            if (runStart >= 0) damage.add(new Rect(runStart, ty, width - runStart, th));
        }
        return damage;
    }

    /** Forgets the previous frame: the next call reports everything. */
    public void reset() {
        first = true;
    }

    private boolean changed(int[] current, int x, int y, int w, int h) {
        for (int row = y; row < y + h; row++) {
            int from = row * width + x;
            if (Arrays.mismatch(current, from, from + w, previous, from, from + w) >= 0) return true;
        }
        return false;
    }

    private void copy(int[] current, int x, int y, int w, int h) {
        for (int row = y; row < y + h; row++) {
            System.arraycopy(current, row * width + x, previous, row * width + x, w);
        }
    }
}
