package org.lifeline.screen.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lifeline.api.screen.Rect;

/**
 * When the novice makes a lossy picture exact: after lossy updates went out, once the screen has been quiet for
 * {@code quietNanos}. While things move the expert gets the cheap picture; when the screen rests, the codec
 * re-sends exactly what it sent inexactly (updates with lossless settings, until one has nothing to send), so
 * small text becomes readable. Fed on the novice's thread with {@link System#nanoTime()} values.
 *
 * <p>Quiet does not mean unchanged: a blinking caret, a ticking clock or a spinner change the screen every
 * second or faster, forever, and would otherwise keep the picture lossy for good. The screen counts as quiet
 * while everything that changed since the quiet period began lies within {@code smallChangeBlocks} blocks of
 * {@value #BLOCK}x{@value #BLOCK} pixels. Distinct blocks, not the sum of the changed areas: a caret blinking
 * for an hour stays the same two or four blocks, while typing a line, scrolling or a moved window soon covers
 * more and starts the period again.
 */
final class QuietRefinement {
    /** The side of the blocks small changes are counted in: the tile codec's tile, what a change costs to re-send. */
    static final int BLOCK = 32;

    private final long quietNanos;
    private final int smallChangeBlocks;
    /** The blocks changed since the quiet period began, as {@code row << 32 | column}; at most one over the limit. */
    private final Set<Long> changedBlocks = new HashSet<>();
    private long periodStartNanos;
    private boolean inexact;
    private boolean off;

    QuietRefinement(long quietNanos, int smallChangeBlocks, long nowNanos) {
        this.quietNanos = quietNanos;
        this.smallChangeBlocks = Math.max(0, smallChangeBlocks);
        this.periodStartNanos = nowNanos;
    }

    /**
     * The capture saw these areas change. Once the blocks changed since the quiet period began are more than
     * the small-change limit, the period starts again now (with none counted: the large change is what the
     * screen has to rest after).
     */
    void screenChanged(List<Rect> damage, long nowNanos) {
        for (Rect r : damage) {
            if (r.width() <= 0 || r.height() <= 0) continue;
            int column0 = Math.floorDiv(r.x(), BLOCK);
            int column1 = Math.floorDiv(r.x() + r.width() - 1, BLOCK);
            int row0 = Math.floorDiv(r.y(), BLOCK);
            int row1 = Math.floorDiv(r.y() + r.height() - 1, BLOCK);
            for (long row = row0; row <= row1; row++) {
                for (long column = column0; column <= column1; column++) {
                    changedBlocks.add(row << 32 | (column & 0xffffffffL));
                    if (changedBlocks.size() > smallChangeBlocks) {
                        changedBlocks.clear();
                        periodStartNanos = nowNanos;
                        return;
                    }
                }
            }
        }
    }

    /** An update was encoded: lossy ones may leave the expert's picture inexact, lossless ones make it exact. */
    void encoded(boolean lossy) {
        inexact = lossy;
    }

    /**
     * Whether the screen is quiet: only small changes for the quiet period. While it is, a lossy share encodes
     * with lossless settings, so what went inexactly is refined and the small changes themselves go exactly.
     */
    boolean quiet(long nowNanos) {
        return !off && nowNanos - periodStartNanos >= quietNanos;
    }

    /** Whether to refine now although nothing changed: the picture may be inexact and the screen is quiet. */
    boolean due(long nowNanos) {
        return inexact && quiet(nowNanos);
    }

    /** A refinement found nothing more to send: the picture is exact. */
    void refined() {
        inexact = false;
    }

    /** A refinement cannot be sent (too large): the share stays with the lossy picture from now on. */
    void turnOff() {
        off = true;
    }
}
