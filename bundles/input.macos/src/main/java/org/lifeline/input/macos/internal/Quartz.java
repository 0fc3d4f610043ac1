package org.lifeline.input.macos.internal;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The CoreGraphics, CoreFoundation and ApplicationServices functions this bundle calls. Each interface
 * loads its framework only when first touched, which happens only after the component checked that it
 * runs on macOS.
 */
final class Quartz {
    static final int HID_EVENT_TAP = 0;
    static final int SESSION_EVENT_TAP = 1;
    static final int HEAD_INSERT_EVENT_TAP = 0;
    static final int TAP_OPTION_LISTEN_ONLY = 1;
    static final int SCROLL_UNIT_LINE = 1;
    static final int FIELD_MOUSE_CLICK_STATE = 1;
    static final int FIELD_KEYBOARD_AUTOREPEAT = 8;
    static final int FIELD_KEYBOARD_KEYCODE = 9;
    static final int FIELD_SOURCE_USER_DATA = 42;
    /** C bool values: one byte, 0 or 1. */
    static final byte TRUE = 1, FALSE = 0;
    /** CGEventKeyboardSetUnicodeString takes at most this many UTF-16 units. */
    static final int MAX_UNICODE_UNITS = 20;

    private Quartz() {
    }

    public interface CoreGraphics extends Library {
        CoreGraphics INSTANCE = Native.load("CoreGraphics", CoreGraphics.class);

        Pointer CGEventCreateMouseEvent(Pointer source, int type, CGPoint.ByValue position, int button);

        /** {@code keyDown} is a C bool: pass {@link Quartz#TRUE} or {@link Quartz#FALSE}, never a Java boolean (JNA sends true as -1). */
        Pointer CGEventCreateKeyboardEvent(Pointer source, short keyCode, byte keyDown);

        void CGEventKeyboardSetUnicodeString(Pointer event, long length, char[] text);

        /** The non-variadic form (macOS 10.13+): variadic C calls are fragile on Apple silicon. */
        Pointer CGEventCreateScrollWheelEvent2(Pointer source, int units, int wheelCount, int wheel1, int wheel2,
                int wheel3);

        void CGEventSetFlags(Pointer event, long flags);

        void CGEventSetIntegerValueField(Pointer event, int field, long value);

        long CGEventGetIntegerValueField(Pointer event, int field);

        void CGEventPost(int tap, Pointer event);

        /** A CFMachPortRef, or null when the user has not allowed Input Monitoring. */
        Pointer CGEventTapCreate(int tap, int place, int options, long eventsOfInterest, TapCallback callback,
                Pointer userInfo);

        /** {@code enable} is a C bool, like {@link #CGEventCreateKeyboardEvent}'s {@code keyDown}. */
        void CGEventTapEnable(Pointer tap, byte enable);
    }

    public interface CoreFoundation extends Library {
        CoreFoundation INSTANCE = Native.load("CoreFoundation", CoreFoundation.class);

        Pointer CFMachPortCreateRunLoopSource(Pointer allocator, Pointer port, long order);

        void CFMachPortInvalidate(Pointer port);

        Pointer CFRunLoopGetCurrent();

        void CFRunLoopAddSource(Pointer loop, Pointer source, Pointer mode);

        /** Runs the loop until stopped or {@code seconds} passed; {@code returnAfterSourceHandled} is a C Boolean. */
        int CFRunLoopRunInMode(Pointer mode, double seconds, byte returnAfterSourceHandled);

        void CFRunLoopStop(Pointer loop);

        void CFRelease(Pointer object);

        /** The run-loop mode set that includes the default mode. */
        static Pointer commonModes() {
            return constant("kCFRunLoopCommonModes");
        }

        static Pointer defaultMode() {
            return constant("kCFRunLoopDefaultMode");
        }

        private static Pointer constant(String name) {
            return NativeLibrary.getInstance("CoreFoundation").getGlobalVariableAddress(name).getPointer(0);
        }
    }

    public interface ApplicationServices extends Library {
        ApplicationServices INSTANCE = Native.load("ApplicationServices", ApplicationServices.class);

        /** A C Boolean (one byte): whether the user allowed this program under Accessibility. */
        byte AXIsProcessTrusted();
    }

    /** CGEventTapCallBack. */
    public interface TapCallback extends Callback {
        Pointer invoke(Pointer proxy, int type, Pointer event, Pointer userInfo);
    }

    @Structure.FieldOrder({"x", "y"})
    public static class CGPoint extends Structure {
        public double x;
        public double y;

        public static class ByValue extends CGPoint implements Structure.ByValue {
            ByValue(double x, double y) {
                this.x = x;
                this.y = y;
            }

            public ByValue() {
            }
        }
    }
}
