package org.lifeline.api.screen;

import org.osgi.annotation.versioning.ProviderType;

/** Makes encoders (novice) and decoders (expert) for one codec; registered with {@link #CODEC_ID}. */
@ProviderType
public interface ScreenCodec {
    String CODEC_ID = "codec.id";

    String id();

    FrameEncoder newEncoder(EncoderSettings settings);

    FrameDecoder newDecoder();
}
