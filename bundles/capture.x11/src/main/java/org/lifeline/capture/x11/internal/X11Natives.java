package org.lifeline.capture.x11.internal;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * The parts of Xlib, its extensions and libc that jna-platform's {@code X11} does not map. XIDs are
 * {@code long}: this bundle only runs on LP64 Linux, where C's {@code unsigned long} is 64 bits
 * ({@link #requireLp64()} refuses anything else).
 */
final class X11Natives {
    static final int Z_PIXMAP = 2;
    static final long ALL_PLANES = ~0L;
    static final int LSB_FIRST = 0;
    static final int X_DAMAGE_REPORT_NON_EMPTY = 3;
    static final int X_DAMAGE_NOTIFY = 0;

    private X11Natives() {
    }

    static void requireLp64() {
        if (Native.LONG_SIZE != 8 || Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("X11 capture needs a 64-bit JVM");
        }
    }

    interface Xlib extends Library {
        Xlib INSTANCE = Native.load("X11", Xlib.class);

        Pointer XGetImage(X11.Display display, long drawable, int x, int y, int width, int height,
                long planeMask, int format);

        int XDestroyImage(Pointer image);

        Pointer XGetAtomName(X11.Display display, long atom);

        ErrorHandler XSetErrorHandler(ErrorHandler handler);

        IOErrorHandler XSetIOErrorHandler(IOErrorHandler handler);

        /** libX11 1.7+: what happens when the connection breaks; the default ends the process. */
        void XSetIOErrorExitHandler(X11.Display display, IOErrorExitHandler handler, Pointer userData);
    }

    /** {@code int (*)(Display *)}: Xlib's default one prints a line and ends the process. */
    interface IOErrorHandler extends Callback {
        int invoke(Pointer display);
    }

    /** {@code void (*)(Display *, void *)}: returning (instead of exiting) leaves the Display dead but the JVM alive. */
    interface IOErrorExitHandler extends Callback {
        void invoke(Pointer display, Pointer userData);
    }

    /** Xlib's error callback: {@code int (*)(Display *, XErrorEvent *)}. */
    interface ErrorHandler extends Callback {
        int invoke(Pointer display, Pointer errorEvent);
    }

    /** MIT-SHM, from libXext. */
    interface XShm extends Library {
        XShm INSTANCE = Native.load("Xext", XShm.class);

        boolean XShmQueryExtension(X11.Display display);

        Pointer XShmCreateImage(X11.Display display, Pointer visual, int depth, int format, Pointer data,
                XShmSegmentInfo shminfo, int width, int height);

        boolean XShmAttach(X11.Display display, XShmSegmentInfo shminfo);

        boolean XShmDetach(X11.Display display, XShmSegmentInfo shminfo);
    }

    interface XDamage extends Library {
        XDamage INSTANCE = Native.load("Xdamage", XDamage.class);

        boolean XDamageQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

        int XDamageQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

        long XDamageCreate(X11.Display display, long drawable, int level);

        void XDamageDestroy(X11.Display display, long damage);

        void XDamageSubtract(X11.Display display, long damage, long repair, long parts);
    }

    interface XFixes extends Library {
        XFixes INSTANCE = Native.load("Xfixes", XFixes.class);

        boolean XFixesQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

        int XFixesQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

        long XFixesCreateRegion(X11.Display display, Pointer rectangles, int count);

        void XFixesDestroyRegion(X11.Display display, long region);
    }

    interface XRandr extends Library {
        XRandr INSTANCE = Native.load("Xrandr", XRandr.class);

        boolean XRRQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

        int XRRQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

        /** Returns {@code XRRMonitorInfo[count]}, freed with XRRFreeMonitors. */
        Pointer XRRGetMonitors(X11.Display display, long window, boolean getActive, IntByReference count);

        void XRRFreeMonitors(Pointer monitors);
    }

    /** System V shared memory from libc. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int IPC_PRIVATE = 0;
        int IPC_CREAT = 01000;
        int IPC_RMID = 0;

        int shmget(int key, long size, int flags);

        Pointer shmat(int shmid, Pointer address, int flags);

        int shmdt(Pointer address);

        int shmctl(int shmid, int command, Pointer buffer);
    }

    /** {@code XShmSegmentInfo}; Xlib keeps a pointer to it, so it must live as long as the image. */
    @FieldOrder({"shmseg", "shmid", "shmaddr", "readOnly"})
    public static final class XShmSegmentInfo extends Structure {
        public long shmseg;
        public int shmid;
        public Pointer shmaddr;
        public int readOnly;
    }

    /** The fields of {@code XImage} up to the function table, which is read but never written here. */
    @FieldOrder({"width", "height", "xoffset", "format", "data", "byte_order", "bitmap_unit",
            "bitmap_bit_order", "bitmap_pad", "depth", "bytes_per_line", "bits_per_pixel", "red_mask",
            "green_mask", "blue_mask", "obdata"})
    public static final class XImage extends Structure {
        public int width;
        public int height;
        public int xoffset;
        public int format;
        public Pointer data;
        public int byte_order;
        public int bitmap_unit;
        public int bitmap_bit_order;
        public int bitmap_pad;
        public int depth;
        public int bytes_per_line;
        public int bits_per_pixel;
        public long red_mask;
        public long green_mask;
        public long blue_mask;
        public Pointer obdata;

        public XImage(Pointer p) {
            super(p);
            read();
        }

        private XImage() {
        }

        /** Where a field lies in the C struct, so hot paths can read or write it without reflection. */
        static int offsetOf(String field) {
            return new XImage().fieldOffset(field);
        }
    }

    /** {@code XFixesCursorImage} (version 2 adds atom and name, which are not needed). */
    @FieldOrder({"x", "y", "width", "height", "xhot", "yhot", "cursor_serial", "pixels"})
    public static final class XFixesCursorImage extends Structure {
        public short x;
        public short y;
        public short width;
        public short height;
        public short xhot;
        public short yhot;
        public long cursor_serial;
        public Pointer pixels;

        public XFixesCursorImage(Pointer p) {
            super(p);
            read();
        }

        private XFixesCursorImage() {
        }

        /** Where a field lies in the C struct: the pointer is polled many times a second, without reflection. */
        static int offsetOf(String field) {
            return new XFixesCursorImage().fieldOffset(field);
        }
    }

    /** {@code XRRMonitorInfo}. */
    @FieldOrder({"name", "primary", "automatic", "noutput", "x", "y", "width", "height", "mwidth", "mheight",
            "outputs"})
    public static final class XRRMonitorInfo extends Structure {
        public long name;
        public int primary;
        public int automatic;
        public int noutput;
        public int x;
        public int y;
        public int width;
        public int height;
        public int mwidth;
        public int mheight;
        public Pointer outputs;

        public XRRMonitorInfo(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code XErrorEvent}. */
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
