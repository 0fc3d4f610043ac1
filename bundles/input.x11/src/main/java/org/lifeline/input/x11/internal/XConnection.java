package org.lifeline.input.x11.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeline.api.LifelineException;

/**
 * X connections of this bundle: opened with an error a person can act on, and with protocol errors
 * caught per connection instead of Xlib's default handler ending the JVM. Xlib has one handler per
 * process, so errors on connections that are not ours go to the handler installed before this one.
 */
final class XConnection {
    private static final Map<Long, Integer> LAST_ERROR = new ConcurrentHashMap<>();
    private static XNatives.ErrorHandler previous;
    /** Held for the life of the process: Xlib keeps calling it even after this bundle stops. */
    private static XNatives.ErrorHandler handler;

    private XConnection() {
    }

    static String displayName(String property) {
        if (property != null && !property.isBlank()) return property.trim();
        String env = System.getenv("DISPLAY");
        return env == null || env.isBlank() ? null : env.trim();
    }

    static X11.Display open(String name) {
        if (Native.LONG_SIZE != 8 || Native.POINTER_SIZE != 8) {
            throw new LifelineException("X11 input needs a 64-bit Java: start Lifeline with a 64-bit JVM");
        }
        if (name == null) {
            throw new LifelineException("no X display for input: DISPLAY is not set — start Lifeline from the desktop session");
        }
        X11.Display display = X11.INSTANCE.XOpenDisplay(name);
        if (display == null) {
            throw new LifelineException("cannot open X display " + name + " — is it running, and is DISPLAY right?");
        }
        synchronized (XConnection.class) {
            if (handler == null) {
                handler = XConnection::onError;
                previous = XNatives.Xlib.INSTANCE.XSetErrorHandler(handler);
            }
        }
        LAST_ERROR.put(key(display), 0);
        return display;
    }

    static void close(X11.Display display) {
        LAST_ERROR.remove(key(display));
        X11.INSTANCE.XCloseDisplay(display);
    }

    /** Waits for the server to handle every request so far; returns (and clears) the first error code, 0 for none. */
    static int sync(X11.Display display) {
        X11.INSTANCE.XSync(display, false);
        Integer code = LAST_ERROR.replace(key(display), 0);
        return code == null ? 0 : code;
    }

    private static long key(X11.Display display) {
        return Pointer.nativeValue(display.getPointer());
    }

    private static int onError(Pointer display, Pointer event) {
        long key = Pointer.nativeValue(display);
        if (LAST_ERROR.containsKey(key)) {
            int code = new XNatives.XErrorEvent(event).error_code & 0xff;
            LAST_ERROR.computeIfPresent(key, (k, old) -> old == 0 ? code : old);
            return 0;
        }
        XNatives.ErrorHandler before = previous;
        return before == null ? 0 : before.invoke(display, event);
    }
}
