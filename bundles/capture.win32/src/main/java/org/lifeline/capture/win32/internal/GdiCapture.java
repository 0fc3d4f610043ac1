package org.lifeline.capture.win32.internal;

import com.sun.jna.platform.win32.GDI32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HDC;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.osgi.service.log.Logger;

/**
 * Captures one desktop area with GDI: BitBlt from the screen DC into a DIB section, then a tile
 * comparison for damage. Desktop Duplication (DXGI) would give damage rectangles and cheaper frames on
 * Windows 8 and later; GDI is used because it works everywhere, including remote and virtual sessions.
 */
final class GdiCapture implements ScreenCapture {
    private final Rect bounds;
    private final Logger log;
    private final HDC screen;
    private final Dib dib;
    private final TileDamage damage;
    private final GdiCursor cursor;
    private boolean blitFailing;
    private boolean closed;

    GdiCapture(Rect bounds, Logger log) {
        if (bounds.isEmpty() || (long) bounds.width() * bounds.height() > FrameBuffer.MAX_PIXELS) {
            throw new LifelineException("the desktop area " + bounds.width() + "x" + bounds.height()
                    + " cannot be captured: choose one monitor");
        }
        this.bounds = bounds;
        this.log = log;
        this.screen = User32.INSTANCE.GetDC(null);
        if (screen == null) throw new LifelineException("Windows refused access to the screen: is this an interactive desktop session?");
        try {
            this.dib = new Dib(screen, bounds.width(), bounds.height());
        } catch (RuntimeException e) {
            User32.INSTANCE.ReleaseDC(null, screen);
            throw e;
        }
        this.damage = new TileDamage(bounds.width(), bounds.height(), TileDamage.DEFAULT_TILE);
        this.cursor = new GdiCursor(screen);
    }

    @Override
    public Rect bounds() {
        return bounds;
    }

    @Override
    public synchronized List<Rect> grab(FrameBuffer target) {
        if (closed) throw new IllegalStateException("capture closed");
        if (target.width() != bounds.width() || target.height() != bounds.height()) {
            throw new IllegalArgumentException("frame buffer is " + target.width() + "x" + target.height()
                    + ", capture is " + bounds.width() + "x" + bounds.height());
        }
        boolean copied = GDI32.INSTANCE.BitBlt(dib.dc(), 0, 0, bounds.width(), bounds.height(), screen, bounds.x(),
                bounds.y(), CaptureApi.SRCCOPY | CaptureApi.CAPTUREBLT);
        if (!copied) {
            // The secure desktop (UAC prompt, lock screen) cannot be read; the expert keeps the last picture.
            if (!blitFailing) log.warn("screen copy failed (secure desktop or locked session); keeping the last frame");
            blitFailing = true;
            return List.of();
        }
        if (blitFailing) log.info("screen copy works again");
        blitFailing = false;
        BgraPixels.toRgb(dib.pixels(), dib.stride, bounds.width(), bounds.height(), target.pixels(), 0, bounds.width());
        return damage.compare(target.pixels());
    }

    @Override
    public synchronized Cursor cursor() {
        if (closed) return null;
        return cursor.read(bounds);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        dib.close();
        User32.INSTANCE.ReleaseDC(null, screen);
    }
}
