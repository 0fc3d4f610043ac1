package org.lifeline.input.x11.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A copy of the server's core keyboard mapping: for each keycode, its keysyms by column. Columns 0 and 1
 * are group 1 without and with Shift, 4 and 5 the same with ISO_Level3_Shift (AltGr), as XKB presents
 * the keyboard to core clients.
 */
final class KeyboardMap {
    static final long NO_SYMBOL = 0;
    static final int MIN_KEYCODE = 8;
    static final int MAX_KEYCODE = 255;
    /** The columns an injected key may use, cheapest first: plain, Shift, AltGr, AltGr+Shift. */
    private static final int[] USABLE_COLUMNS = {0, 1, 4, 5};

    /** Where a keysym is: which key, and which column (hence which modifiers it needs). */
    record Place(int keycode, int column) {
        boolean needsShift() {
            return column == 1 || column == 5;
        }

        boolean needsLevel3() {
            return column >= 4;
        }
    }

    private final int minKeycode;
    private final int perKeycode;
    private final long[] keysyms;

    KeyboardMap(int minKeycode, int perKeycode, long[] keysyms) {
        if (perKeycode <= 0 || keysyms.length % perKeycode != 0) {
            throw new IllegalArgumentException("mapping of " + keysyms.length + " keysyms is not a multiple of " + perKeycode);
        }
        this.minKeycode = minKeycode;
        this.perKeycode = perKeycode;
        this.keysyms = keysyms.clone();
    }

    int perKeycode() {
        return perKeycode;
    }

    int maxKeycode() {
        return minKeycode + keysyms.length / perKeycode - 1;
    }

    long keysym(int keycode, int column) {
        if (keycode < minKeycode || keycode > maxKeycode() || column >= perKeycode) return NO_SYMBOL;
        return keysyms[(keycode - minKeycode) * perKeycode + column];
    }

    Optional<Place> find(long keysym) {
        if (keysym == NO_SYMBOL) return Optional.empty();
        for (int column : USABLE_COLUMNS) {
            if (column >= perKeycode) break;
            for (int kc = minKeycode; kc <= maxKeycode(); kc++) {
                if (keysym(kc, column) == keysym) return Optional.of(new Place(kc, column));
            }
        }
        return Optional.empty();
    }

    /**
     * True for a letter key whose Shift level is the capital of its plain level (a/A): Caps Lock turns
     * such keys' levels over. Judged for Latin-1 and Unicode keysyms, the ones with a direct code point.
     */
    boolean isAlphabetic(int keycode) {
        int lower = codePoint(keysym(keycode, 0)), upper = codePoint(keysym(keycode, 1));
        return lower >= 0 && upper >= 0 && lower != upper && Character.isLetter(lower)
                && Character.toUpperCase(lower) == upper;
    }

    private static int codePoint(long keysym) {
        if (keysym >= 0x20 && keysym <= 0xff) return (int) keysym;
        if (keysym >= 0x1000100 && keysym <= 0x110ffff) return (int) (keysym - 0x1000000);
        return -1;
    }

    /** Keys with no keysym at all: free to borrow for keysyms the layout lacks. */
    List<Integer> spareKeycodes() {
        List<Integer> spare = new ArrayList<>();
        for (int kc = Math.max(minKeycode, MIN_KEYCODE); kc <= Math.min(maxKeycode(), MAX_KEYCODE); kc++) {
            boolean empty = true;
            for (int c = 0; c < perKeycode && empty; c++) empty = keysym(kc, c) == NO_SYMBOL;
            if (empty) spare.add(kc);
        }
        return spare;
    }

    /** Every key whose unshifted keysym is this one (e.g. all Escape keys). */
    List<Integer> keycodesOf(long keysym) {
        List<Integer> out = new ArrayList<>();
        for (int kc = minKeycode; kc <= maxKeycode(); kc++) {
            if (keysym(kc, 0) == keysym) out.add(kc);
        }
        return out;
    }
}
