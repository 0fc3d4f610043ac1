package org.lifeline.api.screen;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Encodes screen updates for one expert. Stateful: it remembers what the expert's decoder holds (previous
 * frame, compression stream), so one encoder serves exactly one decoder, in order.
 */
@ProviderType
public interface FrameEncoder {
    String codecId();

    /**
     * Encodes what changed in {@code frame} since the previous call (the first call, and the call after
     * {@link #reset()}, send everything).
     *
     * @param damage hint: the only rectangles that may have changed, or {@code null} for unknown
     * @return the update message, or {@code null} when nothing changed
     */
    byte[] encode(FrameBuffer frame, List<Rect> damage);

    /** Forget the expert's state: the next update is a full frame (after a decoder change or an error). */
    void reset();

    /**
     * Applies from the next {@link #encode}. When the new settings are more faithful (more colour depth, less or
     * no lossy compression), the next updates also re-send at the new settings whatever was sent less
     * faithfully, changed or not, and {@code encode} returns an update while any of that remains (so a caller
     * encodes until it returns {@code null}): switching to lossless makes the expert's picture exact
     * everywhere. Switching to less faithful settings re-sends nothing.
     */
    void settings(EncoderSettings settings);

    /** What the last updates were made of, for {@code ra:stats} (e.g. "solid 120, zlib 14, copy 3"). */
    String statistics();
}
