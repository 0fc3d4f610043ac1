package org.lifeline.win32.dpi;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.util.function.Supplier;

/**
 * Runs native calls with the calling thread per-monitor DPI aware, so that monitor rectangles, captured
 * pixels, the cursor position and SendInput's virtual screen are all physical pixels whatever the
 * launcher's manifest declares; a DPI-unaware thread would get scaled, blurred and offset values on a
 * scaled display. The capture and the input bundles each copy this package into themselves, since bundles
 * share only the api. Windows before 10 (1607) lacks the call and keeps the process's awareness.
 */
public final class PhysicalPixels {
    /** DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2. */
    private static final Pointer PER_MONITOR_AWARE_V2 = new Pointer(-4);
    private static volatile boolean unsupported;

    public interface Api extends StdCallLibrary {
        Api INSTANCE = Native.load("user32", Api.class, W32APIOptions.DEFAULT_OPTIONS);

        /** Returns the previous context, or null if the requested one is invalid. */
        Pointer SetThreadDpiAwarenessContext(Pointer context);
    }

    private PhysicalPixels() {
    }

    public static <T> T call(Supplier<T> action) {
        Pointer previous = enter();
        try {
            return action.get();
        } finally {
            if (previous != null) Api.INSTANCE.SetThreadDpiAwarenessContext(previous);
        }
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static Pointer enter() {
        if (unsupported) return null;
        try {
            return Api.INSTANCE.SetThreadDpiAwarenessContext(PER_MONITOR_AWARE_V2);
        } catch (UnsatisfiedLinkError olderWindows) {
            unsupported = true;
            return null;
        }
    }
}
