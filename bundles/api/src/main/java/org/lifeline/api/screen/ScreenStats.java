package org.lifeline.api.screen;

/**
 * What the screen channel has done in one session ({@code ra:stats}).
 *
 * @param codecSummary the codec's choices so far, e.g. "solid 1200, zlib 340, copy 12"
 */
public record ScreenStats(String sessionId, String codecId, Quality quality, long updates, long screenBytes,
        double updatesPerSecond, long roundTripMillis, long bytesIn, long bytesOut, int width, int height,
        String codecSummary) {
}
