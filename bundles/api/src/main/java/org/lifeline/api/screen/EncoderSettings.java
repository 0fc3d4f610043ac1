package org.lifeline.api.screen;

/**
 * How the novice encodes for one expert.
 *
 * @param colourDepth 24, 16 or 8 bits per pixel
 * @param lossyQuality 0 for lossless; 1..100 allows JPEG tiles of that quality for photographic content
 */
public record EncoderSettings(int colourDepth, int lossyQuality) {
    public static final EncoderSettings LOSSLESS = new EncoderSettings(24, 0);
    /** The 56 kbit/s profile (ticket L="1" or ra:quality low). */
    public static final EncoderSettings LOW_BANDWIDTH = new EncoderSettings(8, 40);

    public EncoderSettings {
        if (colourDepth != 24 && colourDepth != 16 && colourDepth != 8) {
            throw new IllegalArgumentException("colour depth must be 24, 16 or 8");
        }
        if (lossyQuality < 0 || lossyQuality > 100) throw new IllegalArgumentException("quality 0..100");
    }

    public boolean lossless() {
        return colourDepth == 24 && lossyQuality == 0;
    }
}
