package org.lifeline.capture.x11.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;

/**
 * One capture on its own X connection. Pixels come through MIT-SHM (falling back to XGetImage), changes
 * through XDamage, the pointer through XFixes. Xlib calls on the connection are serialised by this
 * object's lock, so the capture may be used from any thread, one call at a time.
 */
final class X11ScreenCapture implements ScreenCapture {
    /** More damage rectangles than this are fetched as their bounding box: one request instead of many. */
    static final int MAX_DAMAGE_RECTS = 64;
    private static final int XEVENT_SIZE = 24 * 8;
    private static final int SHM_MODE = 0600;
    // Field offsets, taken from the JNA layouts once: grab() and cursor() run up to 25 times a second, and
    // reading whole structures by reflection there cost more than the pixels (profiled).
    private static final int IMAGE_WIDTH = X11Natives.XImage.offsetOf("width");
    private static final int IMAGE_HEIGHT = X11Natives.XImage.offsetOf("height");
    private static final int CURSOR_X = X11Natives.XFixesCursorImage.offsetOf("x");
    private static final int CURSOR_Y = X11Natives.XFixesCursorImage.offsetOf("y");
    private static final int CURSOR_WIDTH = X11Natives.XFixesCursorImage.offsetOf("width");
    private static final int CURSOR_HEIGHT = X11Natives.XFixesCursorImage.offsetOf("height");
    private static final int CURSOR_XHOT = X11Natives.XFixesCursorImage.offsetOf("xhot");
    private static final int CURSOR_YHOT = X11Natives.XFixesCursorImage.offsetOf("yhot");
    private static final int CURSOR_SERIAL = X11Natives.XFixesCursorImage.offsetOf("cursor_serial");
    private static final int CURSOR_PIXELS = X11Natives.XFixesCursorImage.offsetOf("pixels");

    private final X11.Display display;
    private final String displayName;
    private final long root;
    private final Rect bounds;
    private final Pointer visual;
    private final int depth;
    private final Memory event = new Memory(XEVENT_SIZE);
    private final Memory regionCount = new Memory(4);
    /** The connection's address, for the direct-mapped calls of {@link X11Direct}. */
    private final long dpy;

    private long damage;
    private long region;
    private int damageNotify = -1;
    private boolean damaged;
    private boolean cursorAvailable;
    private long cursorSerial = -1;

    private X11Natives.XShmSegmentInfo shm;
    private Pointer shmAddress;
    /** One image header on the segment, re-sized for each rectangle instead of created and freed per grab. */
    private X11Natives.XImage shmImage;
    private PixelFormat shmFormat;
    private boolean first = true;
    private boolean closed;

    X11ScreenCapture(X11.Display display, String displayName, Rect bounds) {
        this(display, displayName, bounds, true);
    }

    /** {@code sharedMemory} false forces the XGetImage path (what a remote display gets). */
    X11ScreenCapture(X11.Display display, String displayName, Rect bounds, boolean sharedMemory) {
        this.display = display;
        this.bounds = bounds;
        this.displayName = displayName;
        this.dpy = Pointer.nativeValue(display.getPointer());
        try {
            X11.Window rootWindow = X11.INSTANCE.XDefaultRootWindow(display);
            root = rootWindow.longValue();
            X11.XWindowAttributes attributes = new X11.XWindowAttributes();
            if (X11.INSTANCE.XGetWindowAttributes(display, rootWindow, attributes) == 0) {
                throw new LifelineException("the X server did not describe its root window: restart the desktop session");
            }
            visual = attributes.visual.getPointer();
            depth = attributes.depth;
            setUpDamage();
            setUpCursor();
            if (sharedMemory) setUpSharedMemory();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void setUpDamage() {
        IntByReference eventBase = new IntByReference();
        IntByReference errorBase = new IntByReference();
        X11Natives.XDamage xdamage = X11Natives.XDamage.INSTANCE;
        if (!xdamage.XDamageQueryExtension(display, eventBase, errorBase)) return;
        if (xdamage.XDamageQueryVersion(display, new IntByReference(1), new IntByReference(1)) == 0) return;
        if (!X11Natives.XFixes.INSTANCE.XFixesQueryExtension(display, new IntByReference(), new IntByReference())) {
            return;
        }
        X11Natives.XFixes.INSTANCE.XFixesQueryVersion(display, new IntByReference(5), new IntByReference(0));
        region = X11Natives.XFixes.INSTANCE.XFixesCreateRegion(display, null, 0);
        damage = xdamage.XDamageCreate(display, root, X11Natives.X_DAMAGE_REPORT_NON_EMPTY);
        if (XErrorTrap.sync(display) != 0 || damage == 0 || region == 0) {
            damage = 0;
            return;
        }
        damageNotify = eventBase.getValue() + X11Natives.X_DAMAGE_NOTIFY;
    }

    private void setUpCursor() {
        X11Natives.XFixes xfixes = X11Natives.XFixes.INSTANCE;
        if (xfixes.XFixesQueryExtension(display, new IntByReference(), new IntByReference())) {
            xfixes.XFixesQueryVersion(display, new IntByReference(5), new IntByReference(0));
            cursorAvailable = true;
        }
    }

    /** Attaches one segment the size of the whole area; without it (e.g. a remote display) XGetImage is used. */
    private void setUpSharedMemory() {
        X11Natives.XShm xshm = X11Natives.XShm.INSTANCE;
        if (!xshm.XShmQueryExtension(display)) return;
        X11Natives.XShmSegmentInfo info = new X11Natives.XShmSegmentInfo();
        Pointer header = xshm.XShmCreateImage(display, visual, depth, X11Natives.Z_PIXMAP, null, info,
                bounds.width(), bounds.height());
        if (header == null) return;
        X11Natives.XImage image = new X11Natives.XImage(header);
        long size = (long) image.bytes_per_line * image.height;
        PixelFormat format;
        try {
            format = PixelFormat.of(image);
        } catch (IllegalArgumentException unsupported) {
            destroyHeader(image);
            return;
        }
        X11Natives.LibC libc = X11Natives.LibC.INSTANCE;
        int id = libc.shmget(X11Natives.LibC.IPC_PRIVATE, size, X11Natives.LibC.IPC_CREAT | SHM_MODE);
        if (id < 0) {
            destroyHeader(image);
            return;
        }
        Pointer address = libc.shmat(id, null, 0);
        if (address == null || Pointer.nativeValue(address) == -1L) {
            libc.shmctl(id, X11Natives.LibC.IPC_RMID, null);
            destroyHeader(image);
            return;
        }
        info.shmid = id;
        info.shmaddr = address;
        info.readOnly = 0;
        info.write();
        boolean attached = xshm.XShmAttach(display, info) && XErrorTrap.sync(display) == 0;
        // Marked for removal at once: the kernel frees it when both sides detach, even if this JVM dies.
        libc.shmctl(id, X11Natives.LibC.IPC_RMID, null);
        if (!attached) {
            libc.shmdt(address);
            destroyHeader(image);
            return;
        }
        image.data = address;
        image.writeField("data");
        shm = info;
        shmAddress = address;
        shmImage = image;
        shmFormat = format;
    }

    @Override
    public Rect bounds() {
        return bounds;
    }

    @Override
    public synchronized List<Rect> grab(FrameBuffer target) {
        if (closed) throw new IllegalStateException("capture closed");
        checkConnection();
        if (target.width() != bounds.width() || target.height() != bounds.height()) {
            throw new IllegalArgumentException("frame is " + target.width() + "x" + target.height()
                    + " but the capture is " + bounds.width() + "x" + bounds.height());
        }
        Rect whole = new Rect(0, 0, bounds.width(), bounds.height());
        if (damage == 0) {
            copy(whole, target);
            return List.of(whole);
        }
        if (first) {
            first = false;
            drainEvents();
            // Clear before copying: whatever changes during the copy is reported by the next grab.
            X11Natives.XDamage.INSTANCE.XDamageSubtract(display, damage, 0, 0);
            damaged = false;
            copy(whole, target);
            return List.of(whole);
        }
        X11Direct.Xlib.XSync(dpy, 0);
        drainEvents();
        checkConnection();
        if (!damaged) return List.of();
        damaged = false;
        List<Rect> rects = fetchDamage();
        for (Rect r : rects) copy(r, target);
        return rects;
    }

    private LifelineException connectionLost() {
        return new LifelineException("the X display " + displayName + " went away (the session ended?): screen sharing stopped");
    }

    private void checkConnection() {
        if (X11Connection.gone(display)) throw connectionLost();
    }

    private void drainEvents() {
        while (X11Direct.Xlib.XPending(dpy) > 0) {
            X11Direct.Xlib.XNextEvent(dpy, event);
            if (event.getInt(0) == damageNotify) damaged = true;
        }
    }

    private List<Rect> fetchDamage() {
        X11Direct.Xdamage.XDamageSubtract(dpy, damage, 0, region);
        Pointer rects = X11Direct.Xfixes.XFixesFetchRegion(dpy, region, regionCount);
        List<Rect> out = new ArrayList<>();
        if (rects == null) return out;
        try {
            int n = regionCount.getInt(0);
            for (int i = 0; i < n; i++) {
                long o = i * 8L;
                Rect r = new Rect(rects.getShort(o), rects.getShort(o + 2), rects.getShort(o + 4) & 0xffff,
                        rects.getShort(o + 6) & 0xffff).intersect(bounds);
                if (!r.isEmpty()) out.add(new Rect(r.x() - bounds.x(), r.y() - bounds.y(), r.width(), r.height()));
            }
        } finally {
            X11Direct.Xlib.XFree(rects);
        }
        return out.size() > MAX_DAMAGE_RECTS ? List.of(boundingBox(out)) : out;
    }

    static Rect boundingBox(List<Rect> rects) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Rect r : rects) {
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.width());
            y1 = Math.max(y1, r.y() + r.height());
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Copies one rectangle (area coordinates) from the screen into the frame. */
    private void copy(Rect r, FrameBuffer target) {
        if (shm != null && copyShared(r, target)) return;
        Pointer image = X11Natives.Xlib.INSTANCE.XGetImage(display, root, bounds.x() + r.x(), bounds.y() + r.y(),
                r.width(), r.height(), X11Natives.ALL_PLANES, X11Natives.Z_PIXMAP);
        if (image == null) {
            XErrorTrap.sync(display);
            checkConnection();
            throw new LifelineException("the X server refused to hand over the screen image: is the screen locked?");
        }
        try {
            X11Natives.XImage header = new X11Natives.XImage(image);
            convert(PixelFormat.of(header), header.bytes_per_line, header.data, r, target);
        } finally {
            X11Natives.Xlib.INSTANCE.XDestroyImage(image);
        }
    }

    private boolean copyShared(Rect r, FrameBuffer target) {
        // XShmGetImage asks for the header's width and height; the server writes rows padded as Xlib would
        // compute bytes_per_line for that width, so only these two fields change between grabs.
        Pointer image = shmImage.getPointer();
        image.setInt(IMAGE_WIDTH, r.width());
        image.setInt(IMAGE_HEIGHT, r.height());
        // XShmGetImage waits for the server's reply, so a failure is known here without another round trip.
        boolean ok = X11Direct.Xext.XShmGetImage(dpy, root, image, bounds.x() + r.x(), bounds.y() + r.y(),
                X11Natives.ALL_PLANES) != 0;
        if (!ok) {
            XErrorTrap.sync(display);
            return false;
        }
        int pad = shmImage.bitmap_pad;
        int bytesPerLine = (r.width() * shmImage.bits_per_pixel + pad - 1) / pad * (pad / 8);
        convert(shmFormat, bytesPerLine, shmAddress, r, target);
        return true;
    }

    /** Frees an XImage header without touching the shared segment or the segment info it points at. */
    private static void destroyHeader(X11Natives.XImage header) {
        header.data = null;
        header.obdata = null;
        header.writeField("data");
        header.writeField("obdata");
        X11Natives.Xlib.INSTANCE.XDestroyImage(header.getPointer());
    }

    private static void convert(PixelFormat format, int bytesPerLine, Pointer data, Rect r, FrameBuffer target) {
        int[] pixels = target.pixels();
        int stride = target.width();
        if (format.bitsPerPixel() == 32) {
            if (r.x() == 0 && r.width() == stride && bytesPerLine == stride * 4) {
                // Whole rows back to back: one native read for the block, converted in place.
                data.read(0, pixels, r.y() * stride, r.width() * r.height());
                format.convertInts(pixels, r.y() * stride, r.width() * r.height());
                return;
            }
            for (int row = 0; row < r.height(); row++) {
                int at = (r.y() + row) * stride + r.x();
                data.read((long) row * bytesPerLine, pixels, at, r.width());
                format.convertInts(pixels, at, r.width());
            }
        } else {
            byte[] bytes = new byte[r.width() * format.bytesPerPixel()];
            for (int row = 0; row < r.height(); row++) {
                data.read((long) row * bytesPerLine, bytes, 0, bytes.length);
                format.convert(bytes, 0, r.width(), pixels, (r.y() + row) * stride + r.x());
            }
        }
    }

    @Override
    public synchronized Cursor cursor() {
        if (closed || !cursorAvailable) return null;
        Pointer p = X11Direct.Xfixes.XFixesGetCursorImage(dpy);
        if (p == null) {
            checkConnection();
            return null;
        }
        try {
            int w = p.getShort(CURSOR_WIDTH) & 0xffff, h = p.getShort(CURSOR_HEIGHT) & 0xffff;
            long serial = p.getLong(CURSOR_SERIAL);
            Pointer pixels = p.getPointer(CURSOR_PIXELS);
            int[] shape = null;
            if (serial != cursorSerial && pixels != null) {
                // XFixes hands out one ARGB pixel per C long.
                long[] wide = pixels.getLongArray(0, w * h);
                shape = new int[wide.length];
                for (int i = 0; i < wide.length; i++) shape[i] = (int) wide[i];
                cursorSerial = serial;
            }
            return new Cursor(p.getShort(CURSOR_X) - bounds.x(), p.getShort(CURSOR_Y) - bounds.y(),
                    p.getShort(CURSOR_XHOT) & 0xffff, p.getShort(CURSOR_YHOT) & 0xffff, w, h, shape, serial);
        } finally {
            X11Direct.Xlib.XFree(p);
        }
    }

    /** Whether pixels come through shared memory (false: the XGetImage fallback). */
    synchronized boolean usesSharedMemory() {
        return shm != null;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        boolean alive = !X11Connection.gone(display);
        if (shm != null) {
            if (alive) {
                X11Natives.XShm.INSTANCE.XShmDetach(display, shm);
                XErrorTrap.sync(display);
            }
            X11Natives.LibC.INSTANCE.shmdt(shmAddress);
            shm = null;
            // the header is plain client memory (no X resource), freed even when the display is gone
            destroyHeader(shmImage);
            shmImage = null;
        }
        if (!alive) {
            X11Connection.close(display);
            return;
        }
        if (damage != 0) X11Natives.XDamage.INSTANCE.XDamageDestroy(display, damage);
        if (region != 0) X11Natives.XFixes.INSTANCE.XFixesDestroyRegion(display, region);
        X11Connection.close(display);
    }
}
