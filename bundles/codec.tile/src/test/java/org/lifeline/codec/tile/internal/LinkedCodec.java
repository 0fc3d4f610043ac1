package org.lifeline.codec.tile.internal;

import java.util.List;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;

/** Tests' base: the tile codec's encoder and decoder joined as the novice's and the expert's are, lossless at first. */
abstract class LinkedCodec {
    final TileCodec codec = new TileCodec();
    final FrameEncoder encoder = codec.newEncoder(EncoderSettings.LOSSLESS);
    final FrameDecoder decoder = codec.newDecoder();

    /** Encodes the frame and decodes what was sent; returns the update, or null when there was nothing to send. */
    byte[] send(FrameBuffer frame, List<Rect> damage) {
        byte[] update = encoder.encode(frame, damage);
        if (update != null) decoder.decode(update);
        return update;
    }
}
