package org.lifeline.capture.win32.internal;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.GDI32;
import com.sun.jna.platform.win32.WinDef.HBITMAP;
import com.sun.jna.platform.win32.WinDef.HDC;
import com.sun.jna.platform.win32.WinGDI;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import org.lifeline.api.LifelineException;

/**
 * A 32-bit top-down DIB section selected into its own memory DC: GDI draws into it and we read its
 * memory directly, with no GetDIBits copy.
 */
final class Dib implements AutoCloseable {
    final int width;
    final int height;
    final int stride;
    private final HDC dc;
    private final HBITMAP bitmap;
    private final HANDLE previous;
    private final Pointer bits;

    Dib(HDC compatibleWith, int width, int height) {
        this.width = width;
        this.height = height;
        this.stride = width * BgraPixels.BYTES_PER_PIXEL;
        WinGDI.BITMAPINFO info = new WinGDI.BITMAPINFO();
        info.bmiHeader.biWidth = width;
        // A negative height makes the DIB top-down: row 0 is the top of the screen, as in FrameBuffer.
        info.bmiHeader.biHeight = -height;
        info.bmiHeader.biPlanes = 1;
        info.bmiHeader.biBitCount = 32;
        info.bmiHeader.biCompression = WinGDI.BI_RGB;
        PointerByReference out = new PointerByReference();
        dc = GDI32.INSTANCE.CreateCompatibleDC(compatibleWith);
        if (dc == null) throw new LifelineException("Windows refused a drawing context for screen capture: close some programs and try again");
        bitmap = GDI32.INSTANCE.CreateDIBSection(dc, info, WinGDI.DIB_RGB_COLORS, out, null, 0);
        if (bitmap == null || out.getValue() == null) {
            GDI32.INSTANCE.DeleteDC(dc);
            throw new LifelineException("Windows could not allocate a " + width + "x" + height
                    + " capture bitmap: close some programs and try again");
        }
        bits = out.getValue();
        previous = GDI32.INSTANCE.SelectObject(dc, bitmap);
    }

    HDC dc() {
        return dc;
    }

    /** The pixels, valid after {@code GdiFlush}; the view dies with this DIB. */
    ByteBuffer pixels() {
        CaptureApi.Gdi32Extra.INSTANCE.GdiFlush();
        return bits.getByteBuffer(0, (long) stride * height);
    }

    /** Sets every byte of the bitmap (0 for black, 0xFF for white). */
    void fill(byte value) {
        CaptureApi.Gdi32Extra.INSTANCE.GdiFlush();
        bits.setMemory(0, (long) stride * height, value);
    }

    @Override
    public void close() {
        GDI32.INSTANCE.SelectObject(dc, previous);
        GDI32.INSTANCE.DeleteObject(bitmap);
        GDI32.INSTANCE.DeleteDC(dc);
    }
}
