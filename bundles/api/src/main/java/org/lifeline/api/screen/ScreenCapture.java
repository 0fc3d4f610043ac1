package org.lifeline.api.screen;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** An open capture of one monitor (or the whole desktop); holds native resources until closed. */
@ProviderType
public interface ScreenCapture extends AutoCloseable {
    /** The captured area in desktop coordinates; the frame buffer has its size. */
    Rect bounds();

    /**
     * Brings {@code target} up to date and returns the rectangles (in target coordinates) that may have
     * changed since the previous call; the first call returns the whole area. An empty list means
     * nothing changed, which an idle screen should cost almost nothing to find out.
     */
    List<Rect> grab(FrameBuffer target);

    /** The pointer now, or {@code null} if this source cannot tell. */
    Cursor cursor();

    @Override
    void close();
}
