package org.lifeline.input.win32.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Mouse input for SendInput: absolute positions on the virtual desktop and button transitions.
 *
 * <p>With MOUSEEVENTF_VIRTUALDESK, 0..65535 spans the whole virtual desktop (every monitor), whose
 * origin may be negative. Windows turns a normalised value back into a pixel by scaling and truncating,
 * and other sources describe it as rounding over {@code size - 1}; aiming at the pixel's centre lands on
 * the intended pixel under either rule.
 */
final class PointerMath {
    static final int MOVE = 0x0001, LEFTDOWN = 0x0002, LEFTUP = 0x0004, RIGHTDOWN = 0x0008, RIGHTUP = 0x0010,
            MIDDLEDOWN = 0x0020, MIDDLEUP = 0x0040, WHEEL = 0x0800, HWHEEL = 0x1000, VIRTUALDESK = 0x4000,
            ABSOLUTE = 0x8000;
    static final int WHEEL_DELTA = 120;
    /** More notches than this in one call are cut: a runaway wheel must not scroll a document for minutes. */
    static final int MAX_NOTCHES = 100;
    static final int NORMALISED_MAX = 65535;

    /** One MOUSEINPUT. */
    record MouseStroke(int dx, int dy, int mouseData, int flags) {
    }

    /** Windows' virtual screen (SM_XVIRTUALSCREEN, SM_YVIRTUALSCREEN, SM_CXVIRTUALSCREEN, SM_CYVIRTUALSCREEN). */
    record VirtualScreen(int x, int y, int width, int height) {
    }

    private PointerMath() {
    }

    /** A desktop coordinate as 0..65535 across the virtual screen's extent on that axis; outside points are clamped to the edge. */
    static int normalise(int desktop, int origin, int size) {
        if (size <= 0) throw new IllegalArgumentException("empty virtual screen");
        long pixel = Math.max(0, Math.min((long) size - 1, (long) desktop - origin));
        long value = ((2 * pixel + 1) * 65536) / (2L * size);
        return (int) Math.min(NORMALISED_MAX, value);
    }

    /**
     * The strokes for moving to (x, y) of the shared area at ({@code originX}, {@code originY}) with
     * buttons {@code newMask}: a move, then one stroke with every button that changed, at the new place.
     * With swapped buttons (left-handed setting) SendInput's left is the physical button, so the expert's
     * logical left becomes RIGHTDOWN.
     */
    static List<MouseStroke> pointer(VirtualScreen screen, int originX, int originY, int x, int y, int oldMask,
            int newMask, boolean swapped) {
        int nx = normalise(originX + x, screen.x(), screen.width());
        int ny = normalise(originY + y, screen.y(), screen.height());
        int absolute = ABSOLUTE | VIRTUALDESK;
        List<MouseStroke> out = new ArrayList<>(2);
        out.add(new MouseStroke(nx, ny, 0, MOVE | absolute));
        int buttons = buttonFlags(oldMask, newMask, swapped);
        if (buttons != 0) out.add(new MouseStroke(nx, ny, 0, buttons | absolute));
        return out;
    }

    /** Bit 0 left, 1 middle, 2 right, as in the api; releases and presses of each button that changed. */
    static int buttonFlags(int oldMask, int newMask, boolean swapped) {
        int changed = oldMask ^ newMask;
        int flags = 0;
        int left = swapped ? RIGHTDOWN : LEFTDOWN;
        int right = swapped ? LEFTDOWN : RIGHTDOWN;
        if ((changed & 1) != 0) flags |= (newMask & 1) != 0 ? left : left << 1;
        if ((changed & 2) != 0) flags |= (newMask & 2) != 0 ? MIDDLEDOWN : MIDDLEUP;
        if ((changed & 4) != 0) flags |= (newMask & 4) != 0 ? right : right << 1;
        return flags;
    }

    /** Positive dy scrolls down (a negative wheel delta on Windows), positive dx scrolls right. */
    static List<MouseStroke> wheel(int dx, int dy) {
        List<MouseStroke> out = new ArrayList<>(2);
        if (dy != 0) out.add(new MouseStroke(0, 0, -clampNotches(dy) * WHEEL_DELTA, WHEEL));
        if (dx != 0) out.add(new MouseStroke(0, 0, clampNotches(dx) * WHEEL_DELTA, HWHEEL));
        return out;
    }

    private static int clampNotches(int n) {
        return Math.max(-MAX_NOTCHES, Math.min(MAX_NOTCHES, n));
    }
}
