package org.lifeline.capture.x11.internal;

import com.sun.jna.platform.unix.X11;
import org.lifeline.api.LifelineException;

/** Opening a connection to the X server with an error a person can act on. */
final class X11Connection {
    private X11Connection() {
    }

    /** The display to use: the framework property if given, else {@code DISPLAY}. */
    static String displayName(String property) {
        if (property != null && !property.isBlank()) return property.trim();
        String env = System.getenv("DISPLAY");
        return env == null || env.isBlank() ? null : env.trim();
    }

    static X11.Display open(String name) {
        X11Natives.requireLp64();
        if (name == null) {
            throw new LifelineException("no X display to capture: DISPLAY is not set — start Lifeline from the desktop session");
        }
        X11.Display display = X11.INSTANCE.XOpenDisplay(name);
        if (display == null) {
            throw new LifelineException("cannot open X display " + name + " — is it running, and is DISPLAY right?");
        }
        XErrorTrap.watch(display);
        return display;
    }

    static void close(X11.Display display) {
        XErrorTrap.forget(display);
        X11.INSTANCE.XCloseDisplay(display);
    }
}
