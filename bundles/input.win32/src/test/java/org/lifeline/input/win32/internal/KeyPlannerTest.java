package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPlannerTest {
    private static final int SHIFT_L = 0xffe1, SHIFT_R = 0xffe2, CONTROL_L = 0xffe3;
    private static final KeyStroke LSHIFT_DOWN = KeyStroke.press(0xA0, 0x2A, false);
    private static final KeyStroke LSHIFT_UP = KeyStroke.release(0xA0, 0x2A, false);

    private final KeyPlanner planner = new KeyPlanner();
    private final FakeLayout us = FakeLayout.us();

    @Test
    void namedKeyIsPressedAndReleasedAsItsVirtualKey() {
        assertThat(planner.plan(0xff51, true, us)).containsExactly(KeyStroke.press(0x25, 0x4B, true));
        assertThat(planner.plan(0xff51, false, us)).containsExactly(KeyStroke.release(0x25, 0x4B, true));
    }

    @Test
    void lowercaseLetterIsItsKeyWithoutShift() {
        assertThat(planner.plan('c', true, us)).containsExactly(KeyStroke.press('C', 0x100 + 'C', false));
        assertThat(planner.plan('c', false, us)).containsExactly(KeyStroke.release('C', 0x100 + 'C', false));
    }

    @Test
    void characterThatNeedsShiftGetsShiftAroundItsPress() {
        assertThat(planner.plan('!', true, us))
                .containsExactly(LSHIFT_DOWN, KeyStroke.press('1', 0x100 + '1', false), LSHIFT_UP);
        assertThat(planner.plan('!', false, us)).containsExactly(KeyStroke.release('1', 0x100 + '1', false));
    }

    @Test
    void shiftHeldByTheExpertIsNotPressedAgain() {
        planner.plan(SHIFT_L, true, us);
        assertThat(planner.plan('A', true, us)).containsExactly(KeyStroke.press('A', 0x100 + 'A', false));
    }

    @Test
    void shiftHeldByTheExpertIsLiftedForACharacterWithoutShift() {
        planner.plan(SHIFT_R, true, us);
        assertThat(planner.plan('1', true, us)).containsExactly(KeyStroke.release(0xA1, 0x36, false),
                KeyStroke.press('1', 0x100 + '1', false), KeyStroke.press(0xA1, 0x36, false));
    }

    @Test
    void capsLockTurnsTheShiftOfLettersAroundButNotOfDigits() {
        FakeLayout caps = FakeLayout.us().capsLockOn();
        assertThat(planner.plan('A', true, caps)).containsExactly(KeyStroke.press('A', 0x100 + 'A', false));
        assertThat(planner.plan('a', true, caps))
                .containsExactly(LSHIFT_DOWN, KeyStroke.press('A', 0x100 + 'A', false), LSHIFT_UP);
        assertThat(planner.plan('1', true, caps)).containsExactly(KeyStroke.press('1', 0x100 + '1', false));
    }

    @Test
    void characterOnlyAltGrTypesGoesAsUnicode() {
        assertThat(planner.plan('@', true, FakeLayout.german())).containsExactly(KeyStroke.unicode('@', false));
        assertThat(planner.plan('@', false, FakeLayout.german())).containsExactly(KeyStroke.unicode('@', true));
    }

    @Test
    void nonLatinCharacterNotOnTheLayoutGoesAsUnicode() {
        assertThat(planner.plan(0x1000416, true, us)).containsExactly(KeyStroke.unicode('\u0416', false));
        assertThat(planner.plan(0x1000416, false, us)).containsExactly(KeyStroke.unicode('\u0416', true));
    }

    @Test
    void nonLatinCharacterOnTheLayoutIsARealKey() {
        assertThat(planner.plan(0x1000441, true, FakeLayout.russian())).containsExactly(KeyStroke.press('C', 0x100 + 'C', false));
    }

    @Test
    void characterBeyondTheBasicPlaneGoesAsASurrogatePair() {
        assertThat(planner.plan(0x101F600, true, us))
                .containsExactly(KeyStroke.unicode('\uD83D', false), KeyStroke.unicode('\uDE00', false));
        assertThat(planner.plan(0x101F600, false, us))
                .containsExactly(KeyStroke.unicode('\uD83D', true), KeyStroke.unicode('\uDE00', true));
    }

    @Test
    void shortcutOnALayoutWithoutLatinLettersUsesTheUsKey() {
        FakeLayout russian = FakeLayout.russian();
        planner.plan(CONTROL_L, true, russian);
        assertThat(planner.plan('c', true, russian)).containsExactly(KeyStroke.press('C', 0x100 + 'C', false));
        assertThat(planner.plan('c', false, russian)).containsExactly(KeyStroke.release('C', 0x100 + 'C', false));
    }

    @Test
    void withoutAShortcutModifierAMissingLatinLetterIsTypedAsUnicode() {
        assertThat(planner.plan('c', true, FakeLayout.russian())).containsExactly(KeyStroke.unicode('c', false));
    }

    @Test
    void shiftIsLeftAloneDuringAShortcut() {
        planner.plan(CONTROL_L, true, us);
        planner.plan(SHIFT_L, true, us);
        assertThat(planner.plan('t', true, us)).containsExactly(KeyStroke.press('T', 0x100 + 'T', false));
    }

    @Test
    void releaseMatchesThePressEvenIfTheLayoutChangedInBetween() {
        planner.plan(0x1000441, true, FakeLayout.russian());
        assertThat(planner.plan(0x1000441, false, us)).containsExactly(KeyStroke.release('C', 0x100 + 'C', false));
    }

    @Test
    void releaseAllLiftsEveryKeyStillDownOnce() {
        planner.plan(CONTROL_L, true, us);
        planner.plan('x', true, us);
        assertThat(planner.releaseAll()).containsExactlyInAnyOrder(KeyStroke.release(0xA2, 0x1D, false),
                KeyStroke.release('X', 0x100 + 'X', false));
        assertThat(planner.releaseAll()).isEmpty();
    }

    @Test
    void releasedModifierNoLongerCounts() {
        planner.plan(SHIFT_L, true, us);
        planner.plan(SHIFT_L, false, us);
        assertThat(planner.plan('A', true, us))
                .containsExactly(LSHIFT_DOWN, KeyStroke.press('A', 0x100 + 'A', false), LSHIFT_UP);
    }

    @Test
    void unknownKeysymIsIgnored() {
        assertThat(planner.plan(0xfe50, true, us)).isEmpty();
        assertThat(planner.plan(0xfe50, false, us)).isEmpty();
    }
}
