package org.lifeline.input.x11.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeline.api.LifelineException;

/**
 * X connections of this bundle: opened with an error a person can act on, with protocol errors caught per
 * connection and a broken connection only marked gone, instead of Xlib's default handlers ending the JVM.
 * Xlib has one handler of each kind per process, so errors on connections that are not ours go to the
 * handler installed before this one.
 */
final class XConnection {
    private static final Map<Long, Integer> LAST_ERROR = new ConcurrentHashMap<>();
    private static XNatives.ErrorHandler previous;
    /** Held for the life of the process: Xlib keeps calling it even after this bundle stops. */
    private static XNatives.ErrorHandler handler;
    private static XNatives.IOErrorHandler previousIo;
    private static XNatives.IOErrorHandler ioHandler;
    private static final Set<Long> GONE = ConcurrentHashMap.newKeySet();
    private static final XNatives.IOErrorExitHandler ON_CONNECTION_LOST = (display, userData) -> GONE.add(Pointer.nativeValue(display));

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
        try {
            XNatives.Xlib.INSTANCE.XSetIOErrorExitHandler(display, ON_CONNECTION_LOST, null);
        } catch (UnsatisfiedLinkError olderThanLibX11_1_7) {
            // Such a library still ends the process when the server goes away; nothing to do about it here.
        }
        synchronized (XConnection.class) {
            if (handler == null) {
                handler = XConnection::onError;
                previous = XNatives.Xlib.INSTANCE.XSetErrorHandler(handler);
                ioHandler = XConnection::onConnectionLost;
                previousIo = XNatives.Xlib.INSTANCE.XSetIOErrorHandler(ioHandler);
            }
            LAST_ERROR.put(key(display), 0);
        }
        return display;
    }

    /** True once the connection broke (server gone or killed); every further call on it returns at once. */
    static boolean gone(X11.Display display) {
        return GONE.contains(key(display));
    }

    static void close(X11.Display display) {
        // Still ours while it closes (its last errors are caught); and under the lock, so a new connection
        // that gets the same address cannot be registered before this one is forgotten.
        synchronized (XConnection.class) {
            X11.INSTANCE.XCloseDisplay(display);
            LAST_ERROR.remove(key(display));
            GONE.remove(key(display));
        }
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

    /** Returning lets Xlib go on to the connection's exit handler, which for ours only marks it gone. */
    private static int onConnectionLost(Pointer display) {
        if (LAST_ERROR.containsKey(Pointer.nativeValue(display))) return 0;
        XNatives.IOErrorHandler before = previousIo;
        return before == null ? 0 : before.invoke(display);
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
