package org.lifeline.capture.x11.internal;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catches X protocol errors, and broken connections, on this bundle's own connections instead of letting
 * Xlib's default handlers end the JVM. Xlib has one handler of each kind per process, so errors on other
 * connections (AWT's, another bundle's) go on to whichever handler was installed before this one.
 */
final class XErrorTrap {
    private static final Map<Long, Integer> LAST_ERROR = new ConcurrentHashMap<>();
    private static X11Natives.ErrorHandler previous;
    /** Held for the life of the process: Xlib keeps calling it even after this bundle stops. */
    private static X11Natives.ErrorHandler handler;
    private static X11Natives.IOErrorHandler previousIo;
    private static X11Natives.IOErrorHandler ioHandler;

    private XErrorTrap() {
    }

    static synchronized void watch(X11.Display display) {
        if (handler == null) {
            handler = XErrorTrap::onError;
            previous = X11Natives.Xlib.INSTANCE.XSetErrorHandler(handler);
            ioHandler = XErrorTrap::onConnectionLost;
            previousIo = X11Natives.Xlib.INSTANCE.XSetIOErrorHandler(ioHandler);
        }
        LAST_ERROR.put(Pointer.nativeValue(display.getPointer()), 0);
    }

    static void forget(X11.Display display) {
        LAST_ERROR.remove(Pointer.nativeValue(display.getPointer()));
    }

    /** Waits until the server has handled every request so far and returns (and clears) the first error code, 0 for none. */
    static int sync(X11.Display display) {
        X11.INSTANCE.XSync(display, false);
        Integer code = LAST_ERROR.replace(Pointer.nativeValue(display.getPointer()), 0);
        return code == null ? 0 : code;
    }

    /** Returning lets Xlib go on to the connection's exit handler, which for ours only marks it gone. */
    private static int onConnectionLost(Pointer display) {
        if (LAST_ERROR.containsKey(Pointer.nativeValue(display))) return 0;
        X11Natives.IOErrorHandler before = previousIo;
        return before == null ? 0 : before.invoke(display);
    }

    private static int onError(Pointer display, Pointer event) {
        long key = Pointer.nativeValue(display);
        if (LAST_ERROR.containsKey(key)) {
            int code = new X11Natives.XErrorEvent(event).error_code & 0xff;
            LAST_ERROR.computeIfPresent(key, (k, old) -> old == 0 ? code : old);
            return 0;
        }
        X11Natives.ErrorHandler before = previous;
        return before == null ? 0 : before.invoke(display, event);
    }
}
