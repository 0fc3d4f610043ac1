package org.lifeline.capture.macos.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/**
 * The CoreGraphics and CoreFoundation functions this bundle calls, declared here rather than taken from
 * jna-platform (which lacks the image and event functions). Each interface loads its framework only when
 * first touched, which happens only after the component checked that it runs on macOS.
 */
final class Quartz {
    /** CGImageAlphaInfo occupies the low bits of CGBitmapInfo. */
    static final int ALPHA_INFO_MASK = 0x1F;
    static final int BYTE_ORDER_MASK = 0x7000;
    static final int BYTE_ORDER_DEFAULT = 0, BYTE_ORDER_32_LITTLE = 2 << 12, BYTE_ORDER_32_BIG = 4 << 12;
    static final int FLOAT_COMPONENTS = 1 << 8;
    static final int ALPHA_NONE = 0, ALPHA_PREMULTIPLIED_LAST = 1, ALPHA_PREMULTIPLIED_FIRST = 2, ALPHA_LAST = 3,
            ALPHA_FIRST = 4, ALPHA_NONE_SKIP_LAST = 5, ALPHA_NONE_SKIP_FIRST = 6, ALPHA_ONLY = 7;
    static final int MAX_DISPLAYS = 32;

    private Quartz() {
    }

    public interface CoreGraphics extends Library {
        CoreGraphics INSTANCE = Native.load("CoreGraphics", CoreGraphics.class);

        int CGMainDisplayID();

        /** Returns a CGError, 0 on success. */
        int CGGetActiveDisplayList(int maxDisplays, int[] displays, IntByReference count);

        CGRect.ByValue CGDisplayBounds(int display);

        /** A CGImageRef the caller releases, or null. */
        Pointer CGDisplayCreateImage(int display);

        long CGImageGetWidth(Pointer image);

        long CGImageGetHeight(Pointer image);

        long CGImageGetBytesPerRow(Pointer image);

        long CGImageGetBitsPerPixel(Pointer image);

        long CGImageGetBitsPerComponent(Pointer image);

        int CGImageGetBitmapInfo(Pointer image);

        /** Not owned by the caller. */
        Pointer CGImageGetDataProvider(Pointer image);

        /** A CFDataRef the caller releases. */
        Pointer CGDataProviderCopyData(Pointer provider);

        void CGImageRelease(Pointer image);

        /** A CGEventRef the caller releases; with a null source it describes the current pointer. */
        Pointer CGEventCreate(Pointer source);

        CGPoint.ByValue CGEventGetLocation(Pointer event);

        /** macOS 10.15 and later; a C bool (one byte), non-zero when allowed. */
        byte CGPreflightScreenCaptureAccess();

        /** macOS 10.15 and later: shows the system's permission prompt once. */
        byte CGRequestScreenCaptureAccess();
    }

    public interface CoreFoundation extends Library {
        CoreFoundation INSTANCE = Native.load("CoreFoundation", CoreFoundation.class);

        Pointer CFDataGetBytePtr(Pointer data);

        long CFDataGetLength(Pointer data);

        void CFRelease(Pointer object);
    }

    @Structure.FieldOrder({"x", "y"})
    public static class CGPoint extends Structure {
        public double x;
        public double y;

        public static class ByValue extends CGPoint implements Structure.ByValue {
        }
    }

    @Structure.FieldOrder({"width", "height"})
    public static class CGSize extends Structure {
        public double width;
        public double height;
    }

    @Structure.FieldOrder({"origin", "size"})
    public static class CGRect extends Structure {
        public CGPoint origin;
        public CGSize size;

        public static class ByValue extends CGRect implements Structure.ByValue {
        }
    }
}
