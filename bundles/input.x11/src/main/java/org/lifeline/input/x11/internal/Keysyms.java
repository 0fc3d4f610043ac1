package org.lifeline.input.x11.internal;

/** The few X keysyms this bundle treats specially. */
final class Keysyms {
    static final int ESCAPE = 0xff1b;
    static final int SHIFT_L = 0xffe1;
    static final int SHIFT_R = 0xffe2;
    static final int ISO_LEVEL3_SHIFT = 0xfe03;
    static final int MODE_SWITCH = 0xff7e;

    private Keysyms() {
    }

    /**
     * TTY, cursor, keypad and function keys (0xff00..0xffff): they keep whatever modifiers the expert
     * holds, since Shift+Tab or Shift+Left mean something of their own.
     */
    static boolean isFunctionKey(long keysym) {
        return keysym >= 0xff00 && keysym <= 0xffff;
    }

    /** Shift, Control, Caps/Shift Lock, Meta, Alt, Super, Hyper (0xffe1..0xffee) and the ISO level/group keys. */
    static boolean isModifier(long keysym) {
        return (keysym >= 0xffe1 && keysym <= 0xffee) || (keysym >= 0xfe01 && keysym <= 0xfe13) || keysym == MODE_SWITCH;
    }
}
