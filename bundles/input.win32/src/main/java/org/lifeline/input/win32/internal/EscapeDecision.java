package org.lifeline.input.win32.internal;

/**
 * Decides, for each event the low-level keyboard hook sees, whether the novice pressed Esc.
 *
 * <p>Windows flags every injected event with LLKHF_INJECTED, and Lifeline also tags its own SendInput
 * events with {@link #LIFELINE_MARK} in dwExtraInfo. Only events carrying both are the expert's and are
 * ignored. Esc injected by anyone else (the On-Screen Keyboard, the touch keyboard, accessibility tools)
 * counts as the novice's: a novice who cannot use a physical keyboard must still be able to take control
 * back, and a false stop is harmless where a missed one is not. Auto-repeat of a held Esc is reported once.
 *
 * <p>Used on the hook thread only.
 */
final class EscapeDecision {
    /** dwExtraInfo of every event this bundle injects ("LIFL"); fits a 32-bit ULONG_PTR. */
    static final long LIFELINE_MARK = 0x4C49_464CL;
    static final int WM_KEYDOWN = 0x0100, WM_KEYUP = 0x0101, WM_SYSKEYDOWN = 0x0104, WM_SYSKEYUP = 0x0105;
    static final int VK_ESCAPE = 0x1B;
    static final int LLKHF_INJECTED = 0x10;

    private boolean escapeDown;

    /** @param message the hook's wParam; {@code vk}, {@code flags} and {@code extraInfo} from KBDLLHOOKSTRUCT */
    boolean isNovicesEscape(int message, int vk, int flags, long extraInfo) {
        if (vk != VK_ESCAPE) return false;
        if ((flags & LLKHF_INJECTED) != 0 && extraInfo == LIFELINE_MARK) return false;
        if (message == WM_KEYUP || message == WM_SYSKEYUP) {
            escapeDown = false;
            return false;
        }
        if (message != WM_KEYDOWN && message != WM_SYSKEYDOWN) return false;
        if (escapeDown) return false;
        escapeDown = true;
        return true;
    }
}
