package org.lifeline.screen.internal;

/**
 * The AUTO profile's decision: lossless while the line keeps up, the low-bandwidth profile when updates take
 * long. Fed on the novice with one sample per acknowledged update: its size and the time from sending it to
 * the expert's next request, which is transfer + decode + one round trip.
 *
 * <p>Throughput is estimated only from updates of at least {@link #MIN_SAMPLE_BYTES} (small ones measure the
 * round trip, not the line) as {@code bytes / (ack time - round trip)}, smoothed. Going lossy needs both a slow
 * update ({@link #SLOW_UPDATE_MILLIS}) and a slow line ({@link #SLOW_BYTES_PER_SECOND}), so one big full frame
 * on a fast LAN does not degrade the picture; going back needs the line to be clearly faster
 * ({@link #FAST_BYTES_PER_SECOND}), so the profile does not flap.
 */
final class AutoQuality {
    static final int MIN_SAMPLE_BYTES = 16 * 1024;
    static final long SLOW_UPDATE_MILLIS = 1000;
    /** 512 kbit/s: a full 1080p desktop takes several seconds, so fewer colours and lossy tiles pay off. */
    static final double SLOW_BYTES_PER_SECOND = 64 * 1024;
    /** 4 Mbit/s. */
    static final double FAST_BYTES_PER_SECOND = 512 * 1024;
    private static final double SMOOTHING = 0.3;

    private double bytesPerSecond = -1;
    private boolean lossy;

    /**
     * Records one acknowledged update.
     *
     * @param roundTripMillis the connection's round trip, or a negative number when not measured yet
     * @return true when the decision changed
     */
    boolean sample(long bytes, long ackMillis, long roundTripMillis) {
        if (bytes >= MIN_SAMPLE_BYTES) {
            long transfer = Math.max(1, ackMillis - Math.max(0, roundTripMillis));
            double rate = bytes * 1000.0 / transfer;
            bytesPerSecond = bytesPerSecond < 0 ? rate : (1 - SMOOTHING) * bytesPerSecond + SMOOTHING * rate;
        }
        boolean was = lossy;
        if (!lossy && ackMillis > SLOW_UPDATE_MILLIS && bytesPerSecond >= 0 && bytesPerSecond < SLOW_BYTES_PER_SECOND) {
            lossy = true;
        } else if (lossy && bytesPerSecond > FAST_BYTES_PER_SECOND) {
            lossy = false;
        }
        return was != lossy;
    }

    boolean lossy() {
        return lossy;
    }

    /** Smoothed line throughput, or -1 before the first big update. */
    double bytesPerSecond() {
        return bytesPerSecond;
    }
}
