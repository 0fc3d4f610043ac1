package org.lifeline.capture.x11.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The calls made on every grab and every pointer poll, bound with JNA direct mapping: a static native call
 * with primitive and pointer arguments, instead of a proxy that converts each argument by reflection (profiled
 * at a seventh of the capture thread's time). Displays are passed as their native address. Setup and rare calls
 * stay on the interface mappings of {@link X11Natives}.
 */
final class X11Direct {
    private X11Direct() {
    }

    static final class Xlib {
        static {
            Native.register(Xlib.class, "X11");
        }

        private Xlib() {
        }

        static native int XSync(long display, int discard);

        static native int XPending(long display);

        static native int XNextEvent(long display, Pointer event);

        static native int XFree(Pointer data);
    }

    static final class Xext {
        static {
            Native.register(Xext.class, "Xext");
        }

        private Xext() {
        }

        /** Returns an X Bool: non-zero on success. */
        static native int XShmGetImage(long display, long drawable, Pointer image, int x, int y, long planeMask);
    }

    static final class Xdamage {
        static {
            Native.register(Xdamage.class, "Xdamage");
        }

        private Xdamage() {
        }

        static native void XDamageSubtract(long display, long damage, long repair, long parts);
    }

    static final class Xfixes {
        static {
            Native.register(Xfixes.class, "Xfixes");
        }

        private Xfixes() {
        }

        /** Returns {@code XRectangle[*count]}, freed with XFree; {@code count} points at one C int. */
        static native Pointer XFixesFetchRegion(long display, long region, Pointer count);

        /** Returns an {@code XFixesCursorImage*}, freed with XFree. */
        static native Pointer XFixesGetCursorImage(long display);
    }
}
