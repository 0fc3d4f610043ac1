package org.lifeline.api.screen;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Captures the novice's desktop. Native bundles (X11, Win32, macOS) register with a higher service
 * ranking than the portable AWT fallback, so the best one that resolved on this OS wins.
 */
@ProviderType
public interface ScreenSource {
    /** Service property: which implementation ("x11", "awt", ...). */
    String SOURCE_ID = "screen.source";

    List<Monitor> monitors();

    /** Opens a capture of one monitor, or of the whole desktop when {@code monitor} is -1. */
    ScreenCapture open(int monitor);
}
