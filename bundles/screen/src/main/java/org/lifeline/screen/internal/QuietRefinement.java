package org.lifeline.screen.internal;

/**
 * When the novice makes a lossy picture exact: after lossy updates went out, once the screen has not changed for
 * {@code quietNanos}. While things move the expert gets the cheap picture; when the screen rests, the codec
 * re-sends exactly what it sent inexactly (updates with lossless settings, until one has nothing to send), so
 * small text becomes readable. Fed on the novice's thread with {@link System#nanoTime()} values.
 */
final class QuietRefinement {
    private final long quietNanos;
    private long changedNanos;
    private boolean inexact;
    private boolean off;

    QuietRefinement(long quietNanos, long nowNanos) {
        this.quietNanos = quietNanos;
        this.changedNanos = nowNanos;
    }

    /** The capture saw the screen change. */
    void screenChanged(long nowNanos) {
        changedNanos = nowNanos;
    }

    /** An update was encoded: lossy ones may leave the expert's picture inexact, lossless ones make it exact. */
    void encoded(boolean lossy) {
        inexact = lossy;
    }

    /** Whether to refine now: the picture may be inexact and the screen was quiet long enough. */
    boolean due(long nowNanos) {
        return !off && inexact && nowNanos - changedNanos >= quietNanos;
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
