package org.lifeline.input.win32.internal;

import java.util.HashMap;
import java.util.Map;

/** Keyboard layouts as VkKeyScanEx would describe them, for tests. */
final class FakeLayout implements KeyboardLayout {
    private final Map<Character, Short> keys = new HashMap<>();
    private boolean capsLock;

    /** The US layout's letters, digits and the shifted digit row. */
    static FakeLayout us() {
        FakeLayout l = new FakeLayout();
        for (char c = 'a'; c <= 'z'; c++) {
            l.keys.put(c, (short) Character.toUpperCase(c));
            l.keys.put(Character.toUpperCase(c), (short) (0x100 | Character.toUpperCase(c)));
        }
        String shifted = ")!@#$%^&*(";
        for (int d = 0; d <= 9; d++) {
            l.keys.put((char) ('0' + d), (short) ('0' + d));
            l.keys.put(shifted.charAt(d), (short) (0x100 | ('0' + d)));
        }
        l.keys.put('-', (short) 0xBD);
        l.keys.put('_', (short) 0x1BD);
        return l;
    }

    /** German: '@' is AltGr+Q (Ctrl+Alt in VkKeyScan's terms). */
    static FakeLayout german() {
        FakeLayout l = us();
        l.keys.put('@', (short) (0x600 | 'Q'));
        return l;
    }

    /** Russian: no Latin letters at all. */
    static FakeLayout russian() {
        FakeLayout l = new FakeLayout();
        l.keys.put('\u0441', (short) 'C');
        l.keys.put('\u0421', (short) (0x100 | 'C'));
        return l;
    }

    FakeLayout capsLockOn() {
        capsLock = true;
        return this;
    }

    @Override
    public short vkKeyScan(char c) {
        return keys.getOrDefault(c, (short) -1);
    }

    @Override
    public int scanCode(int vk) {
        return 0x100 + vk;
    }

    @Override
    public boolean capsLock() {
        return capsLock;
    }
}
