package org.lifeline.input.win32.internal;

/** What the novice's active keyboard layout says about a character (backed by VkKeyScanEx and friends). */
interface KeyboardLayout {
    /** Shift-state bits of {@link #vkKeyScan}'s high byte. */
    int SHIFT = 1, CTRL = 2, ALT = 4, HANKAKU = 8;

    /**
     * Like {@code VkKeyScanEx}: virtual key in the low byte, the shift state that produces {@code c} in the
     * high byte, or -1 when no key of the layout types it.
     */
    short vkKeyScan(char c);

    /** The scan code of a virtual key on this layout (MapVirtualKeyEx), 0 if none. */
    int scanCode(int vk);

    /** Whether Caps Lock is on (it turns the shift state of letters around). */
    boolean capsLock();
}
