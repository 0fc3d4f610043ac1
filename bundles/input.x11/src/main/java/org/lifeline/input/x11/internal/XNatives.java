package org.lifeline.input.x11.internal;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.unix.X11;

/**
 * What jna-platform's {@code X11} lacks for input: XInput2 raw events, poll(2), and an error handler
 * with the real {@code XErrorEvent} layout. Only LP64 Linux is supported (checked on open).
 */
final class XNatives {
    static final int GENERIC_EVENT = 35;
    static final int XI_RAW_KEY_PRESS = 13;
    static final int XI_ALL_MASTER_DEVICES = 1;
    static final int XI_KEY_REPEAT = 1 << 16;
    /** sizeof(XEvent): 24 longs. */
    static final int XEVENT_SIZE = 24 * 8;
    /** Offsets in XGenericEventCookie and XIRawEvent (LP64). */
    static final int COOKIE_EXTENSION = 32, COOKIE_EVTYPE = 36, COOKIE_DATA = 48;
    static final int RAW_EVENT_DETAIL = 56, RAW_EVENT_FLAGS = 60;
    static final short POLLIN = 1;

    private XNatives() {
    }

    interface Xlib extends Library {
        Xlib INSTANCE = Native.load("X11", Xlib.class);

        int XConnectionNumber(X11.Display display);

        int XPending(X11.Display display);

        int XNextEvent(X11.Display display, Pointer event);

        boolean XGetEventData(X11.Display display, Pointer cookie);

        void XFreeEventData(X11.Display display, Pointer cookie);

        ErrorHandler XSetErrorHandler(ErrorHandler handler);

        IOErrorHandler XSetIOErrorHandler(IOErrorHandler handler);

        /** libX11 1.7+: what happens when the connection breaks; the default ends the process. */
        void XSetIOErrorExitHandler(X11.Display display, IOErrorExitHandler handler, Pointer userData);

        /** Returns an {@code XModifierKeymap*} (int max_keypermod; KeyCode *modifiermap), freed with XFreeModifiermap. */
        Pointer XGetModifierMapping(X11.Display display);

        int XFreeModifiermap(Pointer map);

        /** Returns {@code KeySym[count * keysymsPerKeycode]}, freed with XFree. */
        Pointer XGetKeyboardMapping(X11.Display display, byte firstKeycode, int count, com.sun.jna.ptr.IntByReference keysymsPerKeycode);

        int XChangeKeyboardMapping(X11.Display display, int firstKeycode, int keysymsPerKeycode, long[] keysyms, int count);
    }

    interface Xi extends Library {
        Xi INSTANCE = Native.load("Xi", Xi.class);

        int XIQueryVersion(X11.Display display, com.sun.jna.ptr.IntByReference major, com.sun.jna.ptr.IntByReference minor);

        int XISelectEvents(X11.Display display, long window, XIEventMask masks, int count);
    }

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        /** {@code struct pollfd[nfds]}: int fd; short events; short revents. */
        int poll(Pointer fds, long nfds, int timeoutMillis);
    }

    interface ErrorHandler extends Callback {
        int invoke(Pointer display, Pointer errorEvent);
    }

    /** {@code int (*)(Display *)}: Xlib's default one prints a line and ends the process. */
    interface IOErrorHandler extends Callback {
        int invoke(Pointer display);
    }

    /** {@code void (*)(Display *, void *)}: returning (instead of exiting) leaves the Display dead but the JVM alive. */
    interface IOErrorExitHandler extends Callback {
        void invoke(Pointer display, Pointer userData);
    }

    @FieldOrder({"deviceid", "mask_len", "mask"})
    public static final class XIEventMask extends Structure {
        public int deviceid;
        public int mask_len;
        public Pointer mask;
    }

    @FieldOrder({"type", "display", "resourceid", "serial", "error_code", "request_code", "minor_code"})
    public static final class XErrorEvent extends Structure {
        public int type;
        public Pointer display;
        public long resourceid;
        public long serial;
        public byte error_code;
        public byte request_code;
        public byte minor_code;

        public XErrorEvent(Pointer p) {
            super(p);
            read();
        }
    }
}
