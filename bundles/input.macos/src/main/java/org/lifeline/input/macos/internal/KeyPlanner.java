package org.lifeline.input.macos.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the expert's keysym presses into keyboard CGEvents.
 *
 * <p>Every event carries the complete modifier flags of the keys the expert holds, so that macOS never has
 * to guess them from earlier events. Text is set as the event's Unicode string, which types the exact
 * character on any layout; the key code is the character's US ANSI key where it has one (with Shift
 * added to the flags where that key needs it), so that shortcuts such as Command+C match. A character
 * with no ANSI key carries no Command or Control flag, because its stand-in key code would otherwise
 * fire that key's shortcut instead of typing.
 *
 * <p>Not thread-safe: one planner per sink, used under its lock.
 */
final class KeyPlanner {
    private static final long COMMAND_LIKE = MacKeys.FLAG_COMMAND | MacKeys.FLAG_CONTROL;

    /** Modifier flags held, per keysym, so that releasing left Shift keeps right Shift's flag. */
    private final Map<Integer, Long> heldModifiers = new HashMap<>();
    /** The release for each key that is down, so it matches its press. */
    private final Map<Integer, KeyEvent> releases = new HashMap<>();

    List<KeyEvent> plan(int keysym, boolean down) {
        MacKeys.Key named = MacKeys.named(keysym);
        if (named != null && named.modifier() != 0) {
            if (down) heldModifiers.put(keysym, named.modifier());
            else heldModifiers.remove(keysym);
        }
        if (!down) {
            // The release keeps its press's key code and text but carries the modifiers held now.
            KeyEvent press = releases.remove(keysym);
            if (press != null) return List.of(new KeyEvent(press.code(), false, flags(named, keysym), press.text()));
            return named == null ? List.of() : List.of(new KeyEvent(named.code(), false, flags(named, keysym), null));
        }
        KeyEvent event;
        if (named != null) {
            event = new KeyEvent(named.code(), true, flags(named, keysym), null);
        } else {
            int cp = codePoint(keysym);
            if (cp < 0) return List.of();
            MacKeys.Position at = cp <= 0xFFFF ? MacKeys.ansi((char) cp) : null;
            event = new KeyEvent(at != null ? at.code() : MacKeys.NO_KEY, true, flags(null, keysym),
                    new String(Character.toChars(cp)));
        }
        releases.put(keysym, event);
        return List.of(event);
    }

    /** The complete flags for an event of this key now: held modifiers plus what the key itself implies. */
    private long flags(MacKeys.Key named, int keysym) {
        long flags = modifierFlags();
        if (named != null) return flags | named.extraFlags();
        int cp = codePoint(keysym);
        MacKeys.Position at = cp >= 0 && cp <= 0xFFFF ? MacKeys.ansi((char) cp) : null;
        if (at == null) return flags & ~COMMAND_LIKE;
        return at.shift() ? flags | MacKeys.FLAG_SHIFT : flags;
    }

    /** Releases every key the expert left down; forgets them. */
    List<KeyEvent> releaseAll() {
        List<KeyEvent> out = new ArrayList<>(releases.values());
        releases.clear();
        heldModifiers.clear();
        return out.stream().map(e -> new KeyEvent(e.code(), false, 0, e.text())).toList();
    }

    long modifierFlags() {
        long flags = 0;
        for (long f : heldModifiers.values()) flags |= f;
        return flags;
    }

    /** The character a text keysym types (Latin-1, the Euro sign, or a 0x01000000 + code point keysym), or -1. */
    static int codePoint(int keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) return keysym;
        if (keysym == 0x20ac) return 0x20AC;
        if (keysym >= 0x0100_0020 && keysym <= 0x0100_0000 + Character.MAX_CODE_POINT) {
            int cp = keysym - 0x0100_0000;
            return cp <= 0xFFFF && Character.isSurrogate((char) cp) ? -1 : cp;
        }
        return -1;
    }
}
