package org.lifeline.capture.win32.internal;

import com.sun.jna.platform.win32.GDI32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HDC;
import java.util.List;
import java.util.function.Supplier;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.capture.tiles.TileDamage;
import org.lifeline.win32.dpi.PhysicalPixels;
import org.osgi.service.log.Logger;

/**
 * Captures one desktop area with GDI: BitBlt from the screen DC into a DIB section, then a tile
 * comparison for damage. Desktop Duplication (DXGI) would give damage rectangles and cheaper frames on
 * Windows 8 and later; GDI is used because it works everywhere, including remote and virtual sessions.
 *
 * <p>The monitor layout is read again on every call, so that {@link #bounds()} shows a changed desktop
 * (a monitor plugged in, a new resolution) and the owner can open a fresh capture of the new size; a
 * desktop that only moved is followed in place.
 */
final class GdiCapture implements ScreenCapture {
    private final int monitor;
    private final Supplier<DesktopLayout> layouts;
    private final Logger log;
    private final int width;
    private final int height;
    private Rect bounds;
    private final HDC screen;
    private final Dib dib;
    private final TileDamage damage;
    private final GdiCursor cursor;
    private boolean blitFailing;
    private boolean closed;

    GdiCapture(int monitor, Supplier<DesktopLayout> layouts, Logger log) {
        Rect bounds = layouts.get().bounds(monitor);
        if (bounds.isEmpty() || (long) bounds.width() * bounds.height() > FrameBuffer.MAX_PIXELS) {
            throw new LifelineException("the desktop area " + bounds.width() + "x" + bounds.height()
                    + " cannot be captured: choose one monitor");
        }
        this.monitor = monitor;
        this.layouts = layouts;
        this.bounds = bounds;
        this.width = bounds.width();
        this.height = bounds.height();
        this.log = log;
        this.screen = User32.INSTANCE.GetDC(null);
        if (screen == null) throw new LifelineException("Windows refused access to the screen: is this an interactive desktop session?");
        try {
            this.dib = new Dib(screen, bounds.width(), bounds.height());
        } catch (RuntimeException e) {
            User32.INSTANCE.ReleaseDC(null, screen);
            throw e;
        }
        this.damage = new TileDamage(width, height, TileDamage.DEFAULT_TILE);
        this.cursor = new GdiCursor(screen);
    }

    @Override
    public synchronized Rect bounds() {
        if (!closed) refresh();
        return bounds;
    }

    /** Follows the desktop; keeps the last known area while Windows reports none (a monitor being switched). */
    private void refresh() {
        try {
            bounds = layouts.get().bounds(monitor);
        } catch (RuntimeException gone) {
            // The monitor vanished or none is reported for a moment: keep capturing the old area.
        }
    }

    @Override
    public synchronized List<Rect> grab(FrameBuffer target) {
        if (closed) throw new IllegalStateException("capture closed");
        if (target.width() != width || target.height() != height) {
            throw new IllegalArgumentException("frame buffer is " + target.width() + "x" + target.height()
                    + ", capture is " + width + "x" + height);
        }
        refresh();
        // A resized desktop shows in bounds(); until the owner reopens, there is nothing valid to grab.
        if (bounds.width() != width || bounds.height() != height) return List.of();
        Rect from = bounds;
        boolean copied = PhysicalPixels.call(() -> GDI32.INSTANCE.BitBlt(dib.dc(), 0, 0, width, height, screen,
                from.x(), from.y(), CaptureApi.SRCCOPY | CaptureApi.CAPTUREBLT));
        if (!copied) {
            // The secure desktop (UAC prompt, lock screen) cannot be read; the expert keeps the last picture.
            if (!blitFailing) log.warn("screen copy failed (secure desktop or locked session); keeping the last frame");
            blitFailing = true;
            return List.of();
        }
        if (blitFailing) log.info("screen copy works again");
        blitFailing = false;
        BgraPixels.toRgb(dib.pixels(), dib.stride, width, height, target.pixels(), 0, width);
        return damage.compare(target.pixels());
    }

    @Override
    public synchronized Cursor cursor() {
        if (closed) return null;
        Rect area = bounds;
        return PhysicalPixels.call(() -> cursor.read(area));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        dib.close();
        User32.INSTANCE.ReleaseDC(null, screen);
    }
}
