package org.lifeline.input.win32.internal;

/** X keysyms this bundle knows by name, and how a text keysym becomes a Unicode code point. */
final class KeySyms {
    static final int BACKSPACE = 0xff08, TAB = 0xff09, RETURN = 0xff0d, PAUSE = 0xff13, SCROLL_LOCK = 0xff14,
            ESCAPE = 0xff1b, HOME = 0xff50, LEFT = 0xff51, UP = 0xff52, RIGHT = 0xff53, DOWN = 0xff54,
            PAGE_UP = 0xff55, PAGE_DOWN = 0xff56, END = 0xff57, PRINT = 0xff61, INSERT = 0xff63, MENU = 0xff67,
            NUM_LOCK = 0xff7f, KP_ENTER = 0xff8d, KP_MULTIPLY = 0xffaa, KP_ADD = 0xffab, KP_SEPARATOR = 0xffac,
            KP_SUBTRACT = 0xffad, KP_DECIMAL = 0xffae, KP_DIVIDE = 0xffaf, KP_0 = 0xffb0, F1 = 0xffbe,
            F24 = 0xffd5, SHIFT_L = 0xffe1, SHIFT_R = 0xffe2, CONTROL_L = 0xffe3, CONTROL_R = 0xffe4,
            CAPS_LOCK = 0xffe5, META_L = 0xffe7, META_R = 0xffe8, ALT_L = 0xffe9, ALT_R = 0xffea,
            SUPER_L = 0xffeb, SUPER_R = 0xffec, ALT_GR = 0xfe03, ISO_LEFT_TAB = 0xfe20, DELETE = 0xffff,
            SPACE = 0x20;
    static final int EURO_SIGN = 0x20ac;
    /** Keysyms 0x01000000 + code point stand for any Unicode character. */
    static final int UNICODE_BASE = 0x0100_0000;

    private KeySyms() {
    }

    /** The character a text keysym types, or -1 for a function key or an unknown keysym. */
    static int codePoint(int keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) return keysym;
        if (keysym == EURO_SIGN) return 0x20AC;
        if (keysym >= UNICODE_BASE + 0x20 && keysym <= UNICODE_BASE + Character.MAX_CODE_POINT) {
            int cp = keysym - UNICODE_BASE;
            return Character.isSurrogate((char) cp) && cp <= 0xFFFF ? -1 : cp;
        }
        return -1;
    }
}
