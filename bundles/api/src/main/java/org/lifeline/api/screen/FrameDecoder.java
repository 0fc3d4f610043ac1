package org.lifeline.api.screen;

import org.osgi.annotation.versioning.ProviderType;

/** The expert's side of one codec stream; stateful like its encoder. */
@ProviderType
public interface FrameDecoder {
    /**
     * Applies one update. The first update (and any full frame) may change the size, so the decoder
     * owns the frame buffer.
     *
     * @throws CodecException for any malformed or oversized update; the frame stays as it was
     */
    void decode(byte[] update) throws CodecException;

    /** The expert's current picture, or {@code null} before the first full frame. */
    FrameBuffer frame();
}
