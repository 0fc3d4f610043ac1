package org.lifeline.input.win32.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Named keys (X keysym) as Windows virtual keys with their set-1 scan codes. Scan codes are filled in
 * because some programs (games, terminal emulators, other remote-control tools) read them instead of
 * the virtual key; the extended flag marks keys that a PC keyboard sends with the E0 prefix.
 */
final class VirtualKeys {
    record Key(int vk, int scan, boolean extended) {
    }

    static final int VK_BACK = 0x08, VK_TAB = 0x09, VK_RETURN = 0x0D, VK_SHIFT = 0x10, VK_CONTROL = 0x11,
            VK_MENU = 0x12, VK_PAUSE = 0x13, VK_CAPITAL = 0x14, VK_ESCAPE = 0x1B, VK_SPACE = 0x20,
            VK_PRIOR = 0x21, VK_NEXT = 0x22, VK_END = 0x23, VK_HOME = 0x24, VK_LEFT = 0x25, VK_UP = 0x26,
            VK_RIGHT = 0x27, VK_DOWN = 0x28, VK_SNAPSHOT = 0x2C, VK_INSERT = 0x2D, VK_DELETE = 0x2E,
            VK_LWIN = 0x5B, VK_RWIN = 0x5C, VK_APPS = 0x5D, VK_NUMPAD0 = 0x60, VK_MULTIPLY = 0x6A, VK_ADD = 0x6B,
            VK_SEPARATOR = 0x6C, VK_SUBTRACT = 0x6D, VK_DECIMAL = 0x6E, VK_DIVIDE = 0x6F, VK_F1 = 0x70,
            VK_NUMLOCK = 0x90, VK_SCROLL = 0x91, VK_LSHIFT = 0xA0, VK_RSHIFT = 0xA1, VK_LCONTROL = 0xA2,
            VK_RCONTROL = 0xA3, VK_LMENU = 0xA4, VK_RMENU = 0xA5;

    /** Set-1 scan codes of F1..F24 (not contiguous). */
    private static final int[] F_SCAN = {0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x41, 0x42, 0x43, 0x44, 0x57, 0x58,
        0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x76};
    /** Set-1 scan codes of keypad 0..9. */
    private static final int[] KP_SCAN = {0x52, 0x4F, 0x50, 0x51, 0x4B, 0x4C, 0x4D, 0x47, 0x48, 0x49};

    private static final Map<Integer, Key> NAMED = new HashMap<>();

    static {
        put(KeySyms.BACKSPACE, VK_BACK, 0x0E, false);
        put(KeySyms.TAB, VK_TAB, 0x0F, false);
        put(KeySyms.ISO_LEFT_TAB, VK_TAB, 0x0F, false);
        put(KeySyms.RETURN, VK_RETURN, 0x1C, false);
        put(KeySyms.PAUSE, VK_PAUSE, 0x45, false);
        put(KeySyms.SCROLL_LOCK, VK_SCROLL, 0x46, false);
        put(KeySyms.ESCAPE, VK_ESCAPE, 0x01, false);
        put(KeySyms.SPACE, VK_SPACE, 0x39, false);
        put(KeySyms.HOME, VK_HOME, 0x47, true);
        put(KeySyms.LEFT, VK_LEFT, 0x4B, true);
        put(KeySyms.UP, VK_UP, 0x48, true);
        put(KeySyms.RIGHT, VK_RIGHT, 0x4D, true);
        put(KeySyms.DOWN, VK_DOWN, 0x50, true);
        put(KeySyms.PAGE_UP, VK_PRIOR, 0x49, true);
        put(KeySyms.PAGE_DOWN, VK_NEXT, 0x51, true);
        put(KeySyms.END, VK_END, 0x4F, true);
        put(KeySyms.PRINT, VK_SNAPSHOT, 0x37, true);
        put(KeySyms.INSERT, VK_INSERT, 0x52, true);
        put(KeySyms.DELETE, VK_DELETE, 0x53, true);
        put(KeySyms.MENU, VK_APPS, 0x5D, true);
        put(KeySyms.NUM_LOCK, VK_NUMLOCK, 0x45, true);
        put(KeySyms.CAPS_LOCK, VK_CAPITAL, 0x3A, false);
        put(KeySyms.KP_ENTER, VK_RETURN, 0x1C, true);
        put(KeySyms.KP_MULTIPLY, VK_MULTIPLY, 0x37, false);
        put(KeySyms.KP_ADD, VK_ADD, 0x4E, false);
        put(KeySyms.KP_SEPARATOR, VK_SEPARATOR, 0x53, false);
        put(KeySyms.KP_SUBTRACT, VK_SUBTRACT, 0x4A, false);
        put(KeySyms.KP_DECIMAL, VK_DECIMAL, 0x53, false);
        put(KeySyms.KP_DIVIDE, VK_DIVIDE, 0x35, true);
        for (int i = 0; i < 10; i++) put(KeySyms.KP_0 + i, VK_NUMPAD0 + i, KP_SCAN[i], false);
        for (int i = 0; i < 24; i++) put(KeySyms.F1 + i, VK_F1 + i, F_SCAN[i], false);
        put(KeySyms.SHIFT_L, VK_LSHIFT, 0x2A, false);
        put(KeySyms.SHIFT_R, VK_RSHIFT, 0x36, false);
        put(KeySyms.CONTROL_L, VK_LCONTROL, 0x1D, false);
        put(KeySyms.CONTROL_R, VK_RCONTROL, 0x1D, true);
        put(KeySyms.ALT_L, VK_LMENU, 0x38, false);
        put(KeySyms.ALT_R, VK_RMENU, 0x38, true);
        put(KeySyms.ALT_GR, VK_RMENU, 0x38, true);
        // X servers on PC keyboards often call the Windows keys Meta or Super; both mean the Windows key.
        put(KeySyms.META_L, VK_LWIN, 0x5B, true);
        put(KeySyms.META_R, VK_RWIN, 0x5C, true);
        put(KeySyms.SUPER_L, VK_LWIN, 0x5B, true);
        put(KeySyms.SUPER_R, VK_RWIN, 0x5C, true);
    }

    private VirtualKeys() {
    }

    private static void put(int keysym, int vk, int scan, boolean extended) {
        NAMED.put(keysym, new Key(vk, scan, extended));
    }

    /** The key for a named keysym, or {@code null} if the keysym is text or unknown. */
    static Key named(int keysym) {
        return NAMED.get(keysym);
    }

    static boolean isShift(int vk) {
        return vk == VK_LSHIFT || vk == VK_RSHIFT;
    }

    /** Ctrl, Alt and the Windows key: while one is held, a letter means a shortcut, not text. */
    static boolean isCommandModifier(int vk) {
        return vk == VK_LCONTROL || vk == VK_RCONTROL || vk == VK_LMENU || vk == VK_RMENU || vk == VK_LWIN
                || vk == VK_RWIN;
    }
}
