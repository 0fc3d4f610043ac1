package org.lifeline.codec.tile.internal;

import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;

/** Opens the codec's tuning knobs (tile size, zlib level) to tests and benchmarks in other packages. */
public final class Codecs {
    private Codecs() {
    }

    public static FrameEncoder encoder(EncoderSettings settings, int tile, int level) {
        return new TileEncoder(settings, tile, level);
    }

    public static FrameDecoder decoder() {
        return new TileDecoder();
    }
}
