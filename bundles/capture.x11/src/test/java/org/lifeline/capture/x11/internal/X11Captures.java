package org.lifeline.capture.x11.internal;

import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;

/** For benchmark tools outside this package: a whole-screen capture of a display. */
public final class X11Captures {
    private X11Captures() {
    }

    public static ScreenCapture open(String display) {
        var connection = X11Connection.open(display);
        int w = com.sun.jna.platform.unix.X11.INSTANCE.XDisplayWidth(connection, 0);
        int h = com.sun.jna.platform.unix.X11.INSTANCE.XDisplayHeight(connection, 0);
        return new X11ScreenCapture(connection, display, new Rect(0, 0, w, h));
    }
}
