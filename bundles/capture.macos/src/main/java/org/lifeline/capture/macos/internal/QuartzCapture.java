package org.lifeline.capture.macos.internal;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.capture.tiles.TileDamage;
import org.osgi.service.log.Logger;

/**
 * Captures displays with CGDisplayCreateImage, in points, and finds damage by tile comparison. Where a
 * whole desktop spans several displays each is read and placed at its own offset; gaps stay black.
 * ScreenCaptureKit (macOS 12.3+) would deliver damage and frames more cheaply but needs Objective-C.
 *
 * <p>The display layout is read again on every call, so that {@link #bounds()} shows a changed desktop
 * (a display plugged in, a new resolution) and the owner can open a fresh capture of the new size; a
 * desktop that only moved is followed in place.
 */
final class QuartzCapture implements ScreenCapture {
    private final int monitor;
    private final Supplier<DisplayLayout> layouts;
    private final int width;
    private final int height;
    private final Logger log;
    private Rect bounds;
    private List<DisplayLayout.Display> displays;
    private final TileDamage damage;
    private boolean failing;
    private boolean closed;

    QuartzCapture(int monitor, Supplier<DisplayLayout> layouts, Logger log) {
        DisplayLayout layout = layouts.get();
        Rect bounds = layout.bounds(monitor);
        if (bounds.isEmpty() || (long) bounds.width() * bounds.height() > FrameBuffer.MAX_PIXELS) {
            throw new LifelineException("the desktop area " + bounds.width() + "x" + bounds.height()
                    + " cannot be captured: choose one monitor");
        }
        this.monitor = monitor;
        this.layouts = layouts;
        this.bounds = bounds;
        this.displays = layout.displays(monitor);
        this.width = bounds.width();
        this.height = bounds.height();
        this.log = log;
        this.damage = new TileDamage(width, height, TileDamage.DEFAULT_TILE);
    }

    @Override
    public synchronized Rect bounds() {
        if (!closed) refresh();
        return bounds;
    }

    /** Follows the desktop; keeps the last known layout while macOS reports none (displays asleep or switching). */
    private void refresh() {
        try {
            DisplayLayout layout = layouts.get();
            bounds = layout.bounds(monitor);
            displays = layout.displays(monitor);
        } catch (RuntimeException gone) {
            // The display vanished or none is active for a moment: keep capturing the old layout.
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
        boolean allRead = true;
        for (DisplayLayout.Display d : displays) {
            allRead &= read(d, target);
        }
        if (!allRead && !failing) log.warn("a display could not be read (unplugged or asleep); its part keeps the last picture");
        failing = !allRead;
        return damage.compare(target.pixels());
    }

    private boolean read(DisplayLayout.Display display, FrameBuffer target) {
        Quartz.CoreGraphics cg = Quartz.CoreGraphics.INSTANCE;
        Quartz.CoreFoundation cf = Quartz.CoreFoundation.INSTANCE;
        Pointer image = cg.CGDisplayCreateImage(display.id());
        if (image == null) return false;
        try {
            long width = cg.CGImageGetWidth(image), height = cg.CGImageGetHeight(image);
            long stride = cg.CGImageGetBytesPerRow(image);
            PixelLayout layout = PixelLayout.of(cg.CGImageGetBitsPerPixel(image), cg.CGImageGetBitsPerComponent(image),
                    cg.CGImageGetBitmapInfo(image));
            if (width <= 0 || height <= 0 || width * height > FrameBuffer.MAX_PIXELS * 16L || stride > Integer.MAX_VALUE) {
                return false;
            }
            Pointer data = cg.CGDataProviderCopyData(cg.CGImageGetDataProvider(image));
            if (data == null) return false;
            try {
                long length = cf.CFDataGetLength(data);
                ByteBuffer bytes = cf.CFDataGetBytePtr(data).getByteBuffer(0, length);
                Rect whole = display.monitor().bounds();
                QuartzPixels.copy(bytes, layout, (int) width, (int) height, (int) stride, target.pixels(),
                        bounds.width(), whole.x() - bounds.x(), whole.y() - bounds.y(), whole.width(), whole.height());
                return true;
            } finally {
                cf.CFRelease(data);
            }
        } finally {
            cg.CGImageRelease(image);
        }
    }

    /** Position only: macOS gives the shape only through AppKit (NSCursor), which needs Objective-C. */
    @Override
    public synchronized Cursor cursor() {
        if (closed) return null;
        Pointer event = Quartz.CoreGraphics.INSTANCE.CGEventCreate(null);
        if (event == null) return null;
        try {
            Quartz.CGPoint at = Quartz.CoreGraphics.INSTANCE.CGEventGetLocation(event);
            return new Cursor((int) Math.floor(at.x) - bounds.x(), (int) Math.floor(at.y) - bounds.y(), 0, 0, 0, 0, null, 0);
        } finally {
            Quartz.CoreFoundation.INSTANCE.CFRelease(event);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
