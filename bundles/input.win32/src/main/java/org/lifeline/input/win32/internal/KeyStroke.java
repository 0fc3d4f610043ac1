package org.lifeline.input.win32.internal;

/**
 * One KEYBDINPUT: a virtual key with its scan code, or (with {@link #UNICODE}) one UTF-16 unit in
 * {@code scan} and no virtual key.
 */
record KeyStroke(int vk, int scan, int flags) {
    static final int EXTENDED = 0x1;
    static final int KEYUP = 0x2;
    static final int UNICODE = 0x4;

    static KeyStroke press(int vk, int scan, boolean extended) {
        return new KeyStroke(vk, scan, extended ? EXTENDED : 0);
    }

    static KeyStroke release(int vk, int scan, boolean extended) {
        return new KeyStroke(vk, scan, KEYUP | (extended ? EXTENDED : 0));
    }

    static KeyStroke unicode(char unit, boolean up) {
        return new KeyStroke(0, unit, UNICODE | (up ? KEYUP : 0));
    }

    boolean up() {
        return (flags & KEYUP) != 0;
    }
}
