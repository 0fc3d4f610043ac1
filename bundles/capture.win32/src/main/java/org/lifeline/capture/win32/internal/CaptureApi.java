package org.lifeline.capture.win32.internal;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinDef.HBRUSH;
import com.sun.jna.platform.win32.WinDef.HCURSOR;
import com.sun.jna.platform.win32.WinDef.HDC;
import com.sun.jna.platform.win32.WinDef.HICON;
import com.sun.jna.platform.win32.WinDef.POINT;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The few user32/gdi32 functions jna-platform does not declare. Each interface loads its DLL only when
 * first touched, which happens only after the component checked that it runs on Windows.
 */
final class CaptureApi {
    static final int SRCCOPY = 0x00CC0020;
    /** Includes layered (translucent) windows in the copy. */
    static final int CAPTUREBLT = 0x40000000;
    static final int CURSOR_SHOWING = 0x1;
    static final int DI_NORMAL = 0x3;
    static final int MONITORINFOF_PRIMARY = 0x1;

    private CaptureApi() {
    }

    public interface User32Extra extends StdCallLibrary {
        User32Extra INSTANCE = Native.load("user32", User32Extra.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean GetCursorInfo(CursorInfo info);

        boolean DrawIconEx(HDC hdc, int x, int y, HICON icon, int width, int height, int step, HBRUSH flickerFree,
                int flags);
    }

    public interface Gdi32Extra extends StdCallLibrary {
        Gdi32Extra INSTANCE = Native.load("gdi32", Gdi32Extra.class, W32APIOptions.DEFAULT_OPTIONS);

        /** Finishes pending drawing so that a DIB section's memory holds the result. */
        boolean GdiFlush();
    }

    /** CURSORINFO. */
    @Structure.FieldOrder({"cbSize", "flags", "hCursor", "ptScreenPos"})
    public static class CursorInfo extends Structure {
        public int cbSize;
        public int flags;
        public HCURSOR hCursor;
        public POINT ptScreenPos;

        public CursorInfo() {
            cbSize = size();
        }
    }
}
