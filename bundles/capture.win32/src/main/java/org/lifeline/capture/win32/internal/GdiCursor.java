package org.lifeline.capture.win32.internal;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.GDI32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HBITMAP;
import com.sun.jna.platform.win32.WinDef.HDC;
import com.sun.jna.platform.win32.WinGDI;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.Rect;

/** The pointer's position and, when the cursor handle changes, its ARGB shape (drawn on black and on white). */
final class GdiCursor {
    private final HDC screen;
    private Pointer lastHandle;
    private boolean lastShowing;
    private long serial;
    private int hotX;
    private int hotY;
    private int width;
    private int height;

    GdiCursor(HDC screen) {
        this.screen = screen;
    }

    /** Position relative to {@code area}; the shape only when it changed since the previous call. */
    Cursor read(Rect area) {
        CaptureApi.CursorInfo info = new CaptureApi.CursorInfo();
        if (!CaptureApi.User32Extra.INSTANCE.GetCursorInfo(info)) return null;
        boolean showing = (info.flags & CaptureApi.CURSOR_SHOWING) != 0 && info.hCursor != null;
        Pointer handle = showing ? info.hCursor.getPointer() : null;
        int[] shape = null;
        if (showing != lastShowing || (showing && !handle.equals(lastHandle))) {
            serial++;
            shape = showing ? draw(info) : hidden();
            lastShowing = showing;
            lastHandle = handle;
        }
        return new Cursor(info.ptScreenPos.x - area.x(), info.ptScreenPos.y - area.y(), hotX, hotY, width, height,
                shape, serial);
    }

    private int[] draw(CaptureApi.CursorInfo info) {
        WinGDI.ICONINFO icon = new WinGDI.ICONINFO();
        if (!User32.INSTANCE.GetIconInfo(info.hCursor, icon)) return hidden();
        try {
            boolean monochrome = icon.hbmColor == null;
            int[] size = size(monochrome ? icon.hbmMask : icon.hbmColor);
            int fullWidth = size[0];
            // A monochrome cursor's mask holds the AND mask above the XOR mask.
            int fullHeight = monochrome ? size[1] / 2 : size[1];
            // Huge accessibility cursors are drawn scaled down, hot spot included.
            width = Math.min(fullWidth, CursorShape.MAX_SIDE);
            height = Math.min(fullHeight, CursorShape.MAX_SIDE);
            hotX = fullWidth > 0 ? Math.min(width - 1, icon.xHotspot * width / fullWidth) : 0;
            hotY = fullHeight > 0 ? Math.min(height - 1, icon.yHotspot * height / fullHeight) : 0;
        } finally {
            if (icon.hbmMask != null) GDI32.INSTANCE.DeleteObject(icon.hbmMask);
            if (icon.hbmColor != null) GDI32.INSTANCE.DeleteObject(icon.hbmColor);
        }
        if (width <= 0 || height <= 0) return hidden();
        return CursorShape.fromBlackAndWhite(render(info, (byte) 0), render(info, (byte) 0xFF));
    }

    /** A hidden (or unreadable) cursor travels as one transparent pixel, which every viewer can draw. */
    private int[] hidden() {
        width = height = 1;
        hotX = hotY = 0;
        return new int[] {0};
    }

    private int[] render(CaptureApi.CursorInfo info, byte background) {
        try (Dib dib = new Dib(screen, width, height)) {
            dib.fill(background);
            CaptureApi.User32Extra.INSTANCE.DrawIconEx(dib.dc(), 0, 0, info.hCursor, width, height, 0, null,
                    CaptureApi.DI_NORMAL);
            int[] out = new int[width * height];
            BgraPixels.toRgb(dib.pixels(), dib.stride, width, height, out, 0, width);
            return out;
        }
    }

    private static int[] size(HBITMAP bitmap) {
        WinGDI.BITMAP bm = new WinGDI.BITMAP();
        if (GDI32.INSTANCE.GetObject(bitmap, bm.size(), bm.getPointer()) == 0) return new int[] {0, 0};
        bm.read();
        return new int[] {bm.bmWidth.intValue(), bm.bmHeight.intValue()};
    }
}
