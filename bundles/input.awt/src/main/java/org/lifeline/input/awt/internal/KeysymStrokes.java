package org.lifeline.input.awt.internal;

import static java.awt.event.KeyEvent.*;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * X keysyms as java.awt.Robot key strokes. Robot presses keys, not characters, so printable ASCII is
 * mapped through the US layout (the Shift it needs included); other Latin-1 and Unicode characters go
 * through {@link KeyEvent#getExtendedKeyCodeForChar}, which works only where the active layout has them.
 */
final class KeysymStrokes {
    /** A key and whether Shift must be down for it. */
    record Stroke(int keyCode, boolean shift) {
    }

    private static final int UNICODE_KEYSYM = 0x1000000;
    private static final int LATIN1_LAST = 0xff;
    private static final Map<Integer, Integer> FUNCTION_KEYS = new HashMap<>();
    private static final Map<Character, Stroke> US_PUNCTUATION = new HashMap<>();

    static {
        int[][] keys = {
                {0xff08, VK_BACK_SPACE}, {0xff09, VK_TAB}, {0xff0d, VK_ENTER}, {0xff1b, VK_ESCAPE}, {0xffff, VK_DELETE},
                {0xff50, VK_HOME}, {0xff51, VK_LEFT}, {0xff52, VK_UP}, {0xff53, VK_RIGHT}, {0xff54, VK_DOWN},
                {0xff55, VK_PAGE_UP}, {0xff56, VK_PAGE_DOWN}, {0xff57, VK_END}, {0xff63, VK_INSERT},
                {0xff61, VK_PRINTSCREEN}, {0xff13, VK_PAUSE}, {0xff14, VK_SCROLL_LOCK}, {0xff7f, VK_NUM_LOCK},
                {0xff67, VK_CONTEXT_MENU}, {0xff8d, VK_ENTER},
                {0xffe1, VK_SHIFT}, {0xffe2, VK_SHIFT}, {0xffe3, VK_CONTROL}, {0xffe4, VK_CONTROL},
                {0xffe5, VK_CAPS_LOCK}, {0xffe7, VK_META}, {0xffe8, VK_META}, {0xffe9, VK_ALT}, {0xffea, VK_ALT},
                {0xffeb, VK_WINDOWS}, {0xffec, VK_WINDOWS}, {0xfe03, VK_ALT_GRAPH}};
        for (int[] k : keys) FUNCTION_KEYS.put(k[0], k[1]);
        for (int f = 0; f < 12; f++) FUNCTION_KEYS.put(0xffbe + f, VK_F1 + f);
        String plain = "`-=[]\\;',./", shifted = "~_+{}|:\"<>?";
        int[] codes = {VK_BACK_QUOTE, VK_MINUS, VK_EQUALS, VK_OPEN_BRACKET, VK_CLOSE_BRACKET, VK_BACK_SLASH,
                VK_SEMICOLON, VK_QUOTE, VK_COMMA, VK_PERIOD, VK_SLASH};
        for (int i = 0; i < codes.length; i++) {
            US_PUNCTUATION.put(plain.charAt(i), new Stroke(codes[i], false));
            US_PUNCTUATION.put(shifted.charAt(i), new Stroke(codes[i], true));
        }
        String shiftedDigits = ")!@#$%^&*(";
        for (int d = 0; d < 10; d++) US_PUNCTUATION.put(shiftedDigits.charAt(d), new Stroke(VK_0 + d, true));
        US_PUNCTUATION.put(' ', new Stroke(VK_SPACE, false));
    }

    private KeysymStrokes() {
    }

    /** A keysym that stands for a character (Latin-1 or Unicode), not a function or modifier key. */
    static boolean isCharacter(int keysym) {
        return (keysym >= 0x20 && keysym <= LATIN1_LAST) || keysym >= UNICODE_KEYSYM;
    }

    static boolean isShift(int keysym) {
        return keysym == 0xffe1 || keysym == 0xffe2;
    }

    static Optional<Stroke> of(int keysym) {
        Integer function = FUNCTION_KEYS.get(keysym);
        if (function != null) return Optional.of(new Stroke(function, false));
        int cp = keysym >= UNICODE_KEYSYM ? keysym - UNICODE_KEYSYM : keysym <= LATIN1_LAST ? keysym : -1;
        if (cp < 0x20 || cp == 0x7f || !Character.isValidCodePoint(cp)) return Optional.empty();
        if (cp >= 'a' && cp <= 'z') return Optional.of(new Stroke(VK_A + (cp - 'a'), false));
        if (cp >= 'A' && cp <= 'Z') return Optional.of(new Stroke(VK_A + (cp - 'A'), true));
        if (cp >= '0' && cp <= '9') return Optional.of(new Stroke(VK_0 + (cp - '0'), false));
        if (cp < 0x80) return Optional.ofNullable(US_PUNCTUATION.get((char) cp));
        if (cp > 0xffff) return Optional.empty();
        int extended = KeyEvent.getExtendedKeyCodeForChar(cp);
        return extended == VK_UNDEFINED ? Optional.empty() : Optional.of(new Stroke(extended, false));
    }
}
