package org.lifeline.session.internal;

import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;

/** Text to X keysyms, the way {@code RemoteInput.type} defines it. */
final class Keysyms {
    static final int RETURN = 0xff0d;
    static final int TAB = 0xff09;
    /** X's rule for characters beyond Latin-1: 0x01000000 plus the Unicode code point. */
    static final int UNICODE_OFFSET = 0x01000000;
    /** Longest text one {@code type} call sends; paste more in parts. */
    static final int MAX_TYPED_CHARS = 10_000;

    private Keysyms() {
    }

    static int keysym(int codePoint) {
        if (codePoint == '\n' || codePoint == '\r') return RETURN;
        if (codePoint == '\t') return TAB;
        if (Character.isISOControl(codePoint)) {
            throw new LifelineException(String.format(
                    "cannot type the control character U+%04X: send it as a key with ra:key", codePoint));
        }
        if (codePoint <= 0xff) return codePoint;
        return UNICODE_OFFSET + codePoint;
    }

    /** Press and release for every character; a CR LF pair is one Return. */
    static List<InputEvent> typing(String text) {
        if (text.length() > MAX_TYPED_CHARS) {
            throw new LifelineException("the text has " + text.length() + " characters; at most "
                    + MAX_TYPED_CHARS + " are typed at once: send it in parts");
        }
        List<InputEvent> events = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '\r' && i + 1 < cps.length && cps[i + 1] == '\n') continue;
            int keysym = keysym(cps[i]);
            events.add(new InputEvent.Key(keysym, true));
            events.add(new InputEvent.Key(keysym, false));
        }
        return events;
    }
}
