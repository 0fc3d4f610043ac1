package org.lifeline.input.macos.internal;

/**
 * Decides, for each event the listen-only tap sees, whether the novice pressed Esc.
 *
 * <p>macOS does not flag synthetic events the way Windows does, so every event this bundle posts carries
 * {@link #LIFELINE_MARK} in kCGEventSourceUserData; an Esc with that mark is the expert's. Held-key
 * repeats are not reported again. A tap that macOS disabled (it was too slow, or the user's secure input)
 * must be switched back on, or the novice's Esc would silently stop working.
 */
final class EscapeDecision {
    /** kCGEventSourceUserData of everything Lifeline posts ("LIFELINE" in ASCII). */
    static final long LIFELINE_MARK = 0x4C49_4645_4C49_4E45L;
    static final int KEY_DOWN = 10;
    static final int TAP_DISABLED_BY_TIMEOUT = 0xFFFFFFFE;
    static final int TAP_DISABLED_BY_USER_INPUT = 0xFFFFFFFF;

    enum Verdict { NOVICES_ESCAPE, IGNORE, REENABLE_TAP }

    private EscapeDecision() {
    }

    /**
     * @param type the CGEventType the tap received
     * @param keyCode kCGKeyboardEventKeycode
     * @param autorepeat kCGKeyboardEventAutorepeat
     * @param userData kCGEventSourceUserData
     */
    static Verdict classify(int type, long keyCode, long autorepeat, long userData) {
        if (type == TAP_DISABLED_BY_TIMEOUT || type == TAP_DISABLED_BY_USER_INPUT) return Verdict.REENABLE_TAP;
        if (type != KEY_DOWN || keyCode != MacKeys.ESCAPE || autorepeat != 0 || userData == LIFELINE_MARK) {
            return Verdict.IGNORE;
        }
        return Verdict.NOVICES_ESCAPE;
    }
}
