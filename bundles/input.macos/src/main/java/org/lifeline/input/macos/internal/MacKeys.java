package org.lifeline.input.macos.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * X keysyms as macOS virtual key codes (Carbon's kVK_* values, which are positions on an ANSI keyboard),
 * and the CGEventFlags that the hardware sets with them.
 */
final class MacKeys {
    /** A named key: its code, the modifier flag it is (0 if none), and flags a real keyboard adds to it. */
    record Key(int code, long modifier, long extraFlags) {
    }

    /** A character's key on the US ANSI layout and whether it needs Shift there. */
    record Position(int code, boolean shift) {
    }

    static final long FLAG_SHIFT = 0x20000L, FLAG_CONTROL = 0x40000L, FLAG_OPTION = 0x80000L,
            FLAG_COMMAND = 0x100000L, FLAG_NUMERIC_PAD = 0x200000L, FLAG_FN = 0x800000L;
    static final int ESCAPE = 0x35;
    /** The code used for characters that have no key of their own; the Unicode string carries the text. */
    static final int NO_KEY = 0x00;

    private static final Map<Integer, Key> NAMED = new HashMap<>();
    private static final Map<Character, Position> ANSI = new HashMap<>();
    /** F1..F20; macOS has no codes for F21..F24. */
    private static final int[] F_KEYS = {0x7A, 0x78, 0x63, 0x76, 0x60, 0x61, 0x62, 0x64, 0x65, 0x6D, 0x67, 0x6F,
        0x69, 0x6B, 0x71, 0x6A, 0x40, 0x4F, 0x50, 0x5A};
    private static final int[] KEYPAD_DIGITS = {0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5B, 0x5C};

    static {
        plain(0xff0d, 0x24); // Return
        plain(0xff09, 0x30); // Tab
        plain(0xfe20, 0x30); // ISO_Left_Tab (Shift+Tab)
        plain(0x20, 0x31); // space
        plain(0xff08, 0x33); // BackSpace is the Mac's Delete
        plain(0xff1b, ESCAPE); // Escape
        NAMED.put(0xff50, new Key(0x73, 0, FLAG_FN)); // Home
        NAMED.put(0xff57, new Key(0x77, 0, FLAG_FN)); // End
        NAMED.put(0xff55, new Key(0x74, 0, FLAG_FN)); // Prior (Page Up)
        NAMED.put(0xff56, new Key(0x79, 0, FLAG_FN)); // Next (Page Down)
        NAMED.put(0xff63, new Key(0x72, 0, FLAG_FN)); // Insert is where a Mac keyboard has Help
        NAMED.put(0xffff, new Key(0x75, 0, FLAG_FN)); // Delete is the Mac's forward delete
        NAMED.put(0xff51, new Key(0x7B, 0, FLAG_FN | FLAG_NUMERIC_PAD)); // Left
        NAMED.put(0xff53, new Key(0x7C, 0, FLAG_FN | FLAG_NUMERIC_PAD)); // Right
        NAMED.put(0xff54, new Key(0x7D, 0, FLAG_FN | FLAG_NUMERIC_PAD)); // Down
        NAMED.put(0xff52, new Key(0x7E, 0, FLAG_FN | FLAG_NUMERIC_PAD)); // Up
        for (int i = 0; i < F_KEYS.length; i++) NAMED.put(0xffbe + i, new Key(F_KEYS[i], 0, FLAG_FN));
        for (int i = 0; i < 10; i++) NAMED.put(0xffb0 + i, new Key(KEYPAD_DIGITS[i], 0, FLAG_NUMERIC_PAD));
        NAMED.put(0xff8d, new Key(0x4C, 0, FLAG_NUMERIC_PAD)); // KP_Enter
        NAMED.put(0xffaa, new Key(0x43, 0, FLAG_NUMERIC_PAD)); // KP_Multiply
        NAMED.put(0xffab, new Key(0x45, 0, FLAG_NUMERIC_PAD)); // KP_Add
        NAMED.put(0xffad, new Key(0x4E, 0, FLAG_NUMERIC_PAD)); // KP_Subtract
        NAMED.put(0xffae, new Key(0x41, 0, FLAG_NUMERIC_PAD)); // KP_Decimal
        NAMED.put(0xffaf, new Key(0x4B, 0, FLAG_NUMERIC_PAD)); // KP_Divide
        NAMED.put(0xffbd, new Key(0x51, 0, FLAG_NUMERIC_PAD)); // KP_Equal
        NAMED.put(0xff7f, new Key(0x47, 0, FLAG_NUMERIC_PAD)); // Num_Lock is where a Mac keypad has Clear
        NAMED.put(0xffe1, new Key(0x38, FLAG_SHIFT, 0)); // Shift_L
        NAMED.put(0xffe2, new Key(0x3C, FLAG_SHIFT, 0)); // Shift_R
        NAMED.put(0xffe3, new Key(0x3B, FLAG_CONTROL, 0)); // Control_L
        NAMED.put(0xffe4, new Key(0x3E, FLAG_CONTROL, 0)); // Control_R
        NAMED.put(0xffe9, new Key(0x3A, FLAG_OPTION, 0)); // Alt_L is Option
        NAMED.put(0xffea, new Key(0x3D, FLAG_OPTION, 0)); // Alt_R
        NAMED.put(0xfe03, new Key(0x3D, FLAG_OPTION, 0)); // ISO_Level3_Shift (AltGr) is right Option
        // An expert on Linux or Windows holds the Super/Windows key where a Mac user holds Command; X
        // servers on Macs report Command as Meta.
        NAMED.put(0xffeb, new Key(0x37, FLAG_COMMAND, 0)); // Super_L
        NAMED.put(0xffec, new Key(0x36, FLAG_COMMAND, 0)); // Super_R
        NAMED.put(0xffe7, new Key(0x37, FLAG_COMMAND, 0)); // Meta_L
        NAMED.put(0xffe8, new Key(0x36, FLAG_COMMAND, 0)); // Meta_R

        letter('a', 0x00);
        letter('s', 0x01);
        letter('d', 0x02);
        letter('f', 0x03);
        letter('h', 0x04);
        letter('g', 0x05);
        letter('z', 0x06);
        letter('x', 0x07);
        letter('c', 0x08);
        letter('v', 0x09);
        letter('b', 0x0B);
        letter('q', 0x0C);
        letter('w', 0x0D);
        letter('e', 0x0E);
        letter('r', 0x0F);
        letter('y', 0x10);
        letter('t', 0x11);
        letter('o', 0x1F);
        letter('u', 0x20);
        letter('i', 0x22);
        letter('p', 0x23);
        letter('l', 0x25);
        letter('j', 0x26);
        letter('k', 0x28);
        letter('n', 0x2D);
        letter('m', 0x2E);
        pair('1', '!', 0x12);
        pair('2', '@', 0x13);
        pair('3', '#', 0x14);
        pair('4', '$', 0x15);
        pair('6', '^', 0x16);
        pair('5', '%', 0x17);
        pair('=', '+', 0x18);
        pair('9', '(', 0x19);
        pair('7', '&', 0x1A);
        pair('-', '_', 0x1B);
        pair('8', '*', 0x1C);
        pair('0', ')', 0x1D);
        pair(']', '}', 0x1E);
        pair('[', '{', 0x21);
        pair('\'', '"', 0x27);
        pair(';', ':', 0x29);
        pair('\\', '|', 0x2A);
        pair(',', '<', 0x2B);
        pair('/', '?', 0x2C);
        pair('.', '>', 0x2F);
        pair('`', '~', 0x32);
    }

    private MacKeys() {
    }

    private static void plain(int keysym, int code) {
        NAMED.put(keysym, new Key(code, 0, 0));
    }

    private static void letter(char lower, int code) {
        pair(lower, Character.toUpperCase(lower), code);
    }

    private static void pair(char plain, char shifted, int code) {
        ANSI.put(plain, new Position(code, false));
        ANSI.put(shifted, new Position(code, true));
    }

    /** The key for a named keysym, or {@code null} for text and unknown keysyms. */
    static Key named(int keysym) {
        return NAMED.get(keysym);
    }

    /** Where a character sits on the US ANSI layout, or {@code null} if it has no key there. */
    static Position ansi(char c) {
        return ANSI.get(c);
    }
}
