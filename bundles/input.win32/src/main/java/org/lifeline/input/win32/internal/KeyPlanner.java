package org.lifeline.input.win32.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the expert's keysym presses into KEYBDINPUT strokes for the novice's keyboard layout.
 *
 * <p>Named keys become their virtual key. A character the layout types with at most Shift becomes that
 * real key, with Shift pressed or released around it as the character needs, so that programs see
 * ordinary keystrokes and shortcuts such as Ctrl+C work. While Ctrl, Alt or the Windows key is held a
 * letter or digit the layout lacks (Cyrillic, Greek layouts) still goes out as the US key, because
 * shortcuts are matched by virtual key. Everything else (AltGr characters, other scripts, emoji) goes
 * out as KEYEVENTF_UNICODE, which types the exact character whatever the layout.
 *
 * <p>Not thread-safe: one planner per sink, used under its lock.
 */
final class KeyPlanner {
    private static final VirtualKeys.Key LEFT_SHIFT = VirtualKeys.named(KeySyms.SHIFT_L);

    /** Modifier virtual keys the expert holds, in press order. */
    private final Set<VirtualKeys.Key> heldModifiers = new LinkedHashSet<>();
    /** What releases each key that is down, so a release matches its press even if the layout changed. */
    private final Map<Integer, List<KeyStroke>> releases = new HashMap<>();

    List<KeyStroke> plan(int keysym, boolean down, KeyboardLayout layout) {
        VirtualKeys.Key named = VirtualKeys.named(keysym);
        if (!down) {
            List<KeyStroke> up = releases.remove(keysym);
            if (named != null) heldModifiers.remove(named);
            if (up != null) return up;
            return named == null ? List.of() : List.of(KeyStroke.release(named.vk(), named.scan(), named.extended()));
        }
        if (named != null) {
            if (isModifier(named.vk())) heldModifiers.add(named);
            releases.put(keysym, List.of(KeyStroke.release(named.vk(), named.scan(), named.extended())));
            return List.of(KeyStroke.press(named.vk(), named.scan(), named.extended()));
        }
        int cp = KeySyms.codePoint(keysym);
        if (cp < 0) return List.of();
        List<KeyStroke> press = cp <= 0xFFFF ? realKey(keysym, (char) cp, layout) : null;
        if (press == null) return unicode(keysym, cp);
        return press;
    }

    /** Releases every key the expert left down (the session ended mid-chord); forgets them. */
    List<KeyStroke> releaseAll() {
        List<KeyStroke> out = new ArrayList<>();
        releases.values().forEach(out::addAll);
        releases.clear();
        heldModifiers.clear();
        return out;
    }

    private List<KeyStroke> realKey(int keysym, char c, KeyboardLayout layout) {
        boolean command = heldModifiers.stream().anyMatch(k -> VirtualKeys.isCommandModifier(k.vk()));
        short found = layout.vkKeyScan(c);
        int state = (found >> 8) & 0xFF;
        int vk = found & 0xFF;
        if (found != -1 && vk != 0xFF && (state & ~KeyboardLayout.SHIFT) == 0) {
            boolean needShift = (state & KeyboardLayout.SHIFT) != 0;
            if (layout.capsLock() && Character.toUpperCase(c) != Character.toLowerCase(c)) needShift = !needShift;
            int scan = layout.scanCode(vk);
            List<KeyStroke> out = new ArrayList<>();
            List<KeyStroke> after = new ArrayList<>();
            if (!command) shiftAround(needShift, out, after);
            out.add(KeyStroke.press(vk, scan, false));
            out.addAll(after);
            releases.put(keysym, List.of(KeyStroke.release(vk, scan, false)));
            return out;
        }
        if (command && c < 0x80 && Character.isLetterOrDigit(c)) {
            int usVk = Character.toUpperCase(c);
            int scan = layout.scanCode(usVk);
            releases.put(keysym, List.of(KeyStroke.release(usVk, scan, false)));
            return List.of(KeyStroke.press(usVk, scan, false));
        }
        return null;
    }

    /** Presses Shift for the character if the expert does not hold it, or lifts the expert's Shift if it must not be down. */
    private void shiftAround(boolean needShift, List<KeyStroke> before, List<KeyStroke> after) {
        List<VirtualKeys.Key> shifts = heldModifiers.stream().filter(k -> VirtualKeys.isShift(k.vk())).toList();
        if (needShift && shifts.isEmpty()) {
            before.add(KeyStroke.press(LEFT_SHIFT.vk(), LEFT_SHIFT.scan(), false));
            after.add(KeyStroke.release(LEFT_SHIFT.vk(), LEFT_SHIFT.scan(), false));
        } else if (!needShift && !shifts.isEmpty()) {
            for (VirtualKeys.Key k : shifts) {
                before.add(KeyStroke.release(k.vk(), k.scan(), k.extended()));
                after.add(KeyStroke.press(k.vk(), k.scan(), k.extended()));
            }
        }
    }

    private List<KeyStroke> unicode(int keysym, int cp) {
        char[] units = Character.toChars(cp);
        List<KeyStroke> down = new ArrayList<>();
        List<KeyStroke> up = new ArrayList<>();
        for (char unit : units) {
            down.add(KeyStroke.unicode(unit, false));
            up.add(KeyStroke.unicode(unit, true));
        }
        releases.put(keysym, List.copyOf(up));
        return down;
    }

    private static boolean isModifier(int vk) {
        return VirtualKeys.isShift(vk) || VirtualKeys.isCommandModifier(vk);
    }
}
