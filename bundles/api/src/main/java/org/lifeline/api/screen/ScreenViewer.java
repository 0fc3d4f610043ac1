package org.lifeline.api.screen;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The expert's view of the novice's screen, per session. */
@ProviderType
public interface ScreenViewer {
    /** A copy of the current picture, or empty before the first full frame arrived. */
    Optional<FrameBuffer> snapshot(String sessionId);

    /** Waits up to {@code timeoutMillis} for a picture newer than {@code afterUpdate} updates; returns the update count. */
    long awaitUpdate(String sessionId, long afterUpdate, long timeoutMillis) throws InterruptedException;

    void quality(String sessionId, Quality quality);

    ScreenStats stats(String sessionId);
}
