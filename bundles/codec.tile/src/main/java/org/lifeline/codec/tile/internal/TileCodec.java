package org.lifeline.codec.tile.internal;

import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.ScreenCodec;
import org.osgi.service.component.annotations.Component;

/** The tile codec: lossless tiles in a persistent deflate stream, copies for scrolling and moved windows. */
@Component(service = ScreenCodec.class, property = ScreenCodec.CODEC_ID + "=" + TileCodec.ID)
public final class TileCodec implements ScreenCodec {
    public static final String ID = "tile";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FrameEncoder newEncoder(EncoderSettings settings) {
        return new TileEncoder(settings, TileEncoder.DEFAULT_TILE, TileEncoder.DEFAULT_LEVEL);
    }

    @Override
    public FrameDecoder newDecoder() {
        return new TileDecoder();
    }
}
