package org.lifeline.capture.x11.internal;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeline.api.LifelineException;

/**
 * Connections to the X server: opened with an error a person can act on, and kept from taking the JVM
 * down when the server goes away (Xlib's default then is {@code exit(1)}).
 */
final class X11Connection {
    private static final Set<Long> GONE = ConcurrentHashMap.newKeySet();
    /** Held for the life of the process: Xlib may call it for any connection opened by this bundle. */
    private static final X11Natives.IOErrorExitHandler ON_CONNECTION_LOST =
            (display, userData) -> GONE.add(Pointer.nativeValue(display));

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
        // Exit handler first: once the trap is in place, a broken connection no longer ends the process.
        try {
            X11Natives.Xlib.INSTANCE.XSetIOErrorExitHandler(display, ON_CONNECTION_LOST, null);
        } catch (UnsatisfiedLinkError olderThanLibX11_1_7) {
            // Such a library still ends the process when the server goes away; nothing to do about it here.
        }
        XErrorTrap.watch(display);
        return display;
    }

    /** True once the connection broke (server gone or killed); every further call on it returns at once. */
    static boolean gone(X11.Display display) {
        return GONE.contains(Pointer.nativeValue(display.getPointer()));
    }

    static void close(X11.Display display) {
        // Still ours while it closes (its last errors are caught); and under the trap's lock, so a new
        // connection that gets the same address cannot be registered before this one is forgotten.
        synchronized (XErrorTrap.class) {
            X11.INSTANCE.XCloseDisplay(display);
            XErrorTrap.forget(display);
            GONE.remove(Pointer.nativeValue(display.getPointer()));
        }
    }
}
