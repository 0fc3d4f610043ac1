package org.lifeline.shell.internal;

import static org.lifeline.shell.internal.CommandSupport.fromConsole;
import static org.lifeline.shell.internal.CommandSupport.run;

import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.Descriptor;
import org.lifeline.api.LifelineException;
import org.lifeline.api.input.RemoteInput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The expert's input from the shell; the session layer refuses it unless the novice has granted control. */
@Component(service = InputCommands.class, property = { "osgi.command.scope=ra", "osgi.command.function=type",
        "osgi.command.function=key", "osgi.command.function=click" })
public class InputCommands {
    /** X keysyms by name (case does not matter for names longer than one character). */
    static final Map<String, Integer> KEYSYMS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The X rule for characters beyond Latin-1. */
    static final int UNICODE_KEYSYM_OFFSET = 0x01000000;
    static final int MAX_KEYSYM = 0x1fffffff;

    static {
        Object[][] names = { { "Return", 0xff0d }, { "Enter", 0xff0d }, { "Escape", 0xff1b }, { "Esc", 0xff1b },
                { "Tab", 0xff09 }, { "BackSpace", 0xff08 }, { "Delete", 0xffff }, { "Insert", 0xff63 },
                { "Home", 0xff50 }, { "End", 0xff57 }, { "Page_Up", 0xff55 }, { "Prior", 0xff55 },
                { "Page_Down", 0xff56 }, { "Next", 0xff56 }, { "Left", 0xff51 }, { "Up", 0xff52 },
                { "Right", 0xff53 }, { "Down", 0xff54 }, { "space", 0x20 }, { "Shift_L", 0xffe1 },
                { "Shift_R", 0xffe2 }, { "Control_L", 0xffe3 }, { "Control_R", 0xffe4 }, { "Caps_Lock", 0xffe5 },
                { "Alt_L", 0xffe9 }, { "Alt_R", 0xffea }, { "Super_L", 0xffeb }, { "Super_R", 0xffec },
                { "Menu", 0xff67 }, { "Print", 0xff61 }, { "Pause", 0xff13 }, { "KP_Enter", 0xff8d } };
        for (Object[] n : names) KEYSYMS.put((String) n[0], (Integer) n[1]);
        for (int f = 1; f <= 24; f++) KEYSYMS.put("F" + f, 0xffbe + f - 1);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RemoteInput input;

    @Descriptor("expert: type text on the novice's computer (the remaining words, joined by spaces)")
    public void type(@Descriptor("session id") String session, @Descriptor("the text") String... words) {
        run(() -> {
            if (words == null || words.length == 0) throw new LifelineException("nothing to type: usage ra:type SESSION TEXT...");
            input().type(session, fromConsole(String.join(" ", words)));
        });
    }

    @Descriptor("expert: press and release one key: a name (Return, Escape, Tab, BackSpace, F1, Left ...), one character, or 0x hex")
    public void key(@Descriptor("session id") String session, @Descriptor("the key") String key) {
        run(() -> input().key(session, keysym(fromConsole(key))));
    }

    @Descriptor("expert: click at X Y on the novice's screen with the left button")
    public void click(@Descriptor("session id") String session, @Descriptor("x") int x, @Descriptor("y") int y) {
        click(session, x, y, 1);
    }

    @Descriptor("expert: click at X Y on the novice's screen")
    public void click(@Descriptor("session id") String session, @Descriptor("x") int x, @Descriptor("y") int y,
            @Descriptor("1 left, 2 middle, 3 right") int button) {
        run(() -> input().click(session, x, y, button));
    }

    static int keysym(String key) {
        if (key == null || key.isEmpty()) throw new LifelineException("name a key, e.g. Return");
        if (key.codePointCount(0, key.length()) == 1) {
            int cp = key.codePointAt(0);
            if (!Character.isISOControl(cp)) return cp <= 0xff ? cp : UNICODE_KEYSYM_OFFSET + cp;
        }
        Integer named = KEYSYMS.get(key);
        if (named != null) return named;
        if (key.regionMatches(true, 0, "0x", 0, 2)) {
            try {
                int value = Integer.parseUnsignedInt(key.substring(2), 16);
                if (value > 0 && value <= MAX_KEYSYM) return value;
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
        }
        throw new LifelineException("unknown key '" + key + "': use a name like Return, Escape, Tab, BackSpace or F1, "
                + "one character, or a keysym like 0xff0d");
    }

    private RemoteInput input() {
        RemoteInput r = input;
        if (r == null) throw new LifelineException("input is not available: the session bundle (org.lifeline.session) is not running");
        return r;
    }
}
