package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_COMMAND;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_CONTROL;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_FN;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_NUMERIC_PAD;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_OPTION;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_SHIFT;

import org.junit.jupiter.api.Test;

class KeyPlannerTest {
    private static final int SHIFT_L = 0xffe1, SHIFT_R = 0xffe2, SUPER_L = 0xffeb, CONTROL_L = 0xffe3, ALT_L = 0xffe9;

    private final KeyPlanner planner = new KeyPlanner();

    @Test
    void letterIsItsAnsiKeyWithItsText() {
        assertThat(planner.plan('c', true)).containsExactly(new KeyEvent(0x08, true, 0, "c"));
        assertThat(planner.plan('c', false)).containsExactly(new KeyEvent(0x08, false, 0, "c"));
    }

    @Test
    void characterThatNeedsShiftCarriesTheShiftFlag() {
        assertThat(planner.plan('?', true)).containsExactly(new KeyEvent(0x2C, true, FLAG_SHIFT, "?"));
        assertThat(planner.plan('A', true)).containsExactly(new KeyEvent(0x00, true, FLAG_SHIFT, "A"));
    }

    @Test
    void commandShortcutKeepsTheCommandFlagOnTheRealKey() {
        planner.plan(SUPER_L, true);
        assertThat(planner.plan('c', true)).containsExactly(new KeyEvent(0x08, true, FLAG_COMMAND, "c"));
    }

    @Test
    void nonLatinCharacterIsTypedByItsUnicodeText() {
        assertThat(planner.plan(0x1000416, true)).containsExactly(new KeyEvent(MacKeys.NO_KEY, true, 0, "\u0416"));
        assertThat(planner.plan(0x1000416, false)).containsExactly(new KeyEvent(MacKeys.NO_KEY, false, 0, "\u0416"));
    }

    @Test
    void characterBeyondTheBasicPlaneIsOneEventWithASurrogatePair() {
        assertThat(planner.plan(0x101F600, true)).containsExactly(new KeyEvent(MacKeys.NO_KEY, true, 0, "\uD83D\uDE00"));
    }

    @Test
    void latin1CharacterWithoutAnAnsiKeyIsTypedByItsText() {
        assertThat(planner.plan(0xe9, true)).containsExactly(new KeyEvent(MacKeys.NO_KEY, true, 0, "\u00e9"));
    }

    @Test
    void textWithoutItsOwnKeyDropsCommandAndControlSoItCannotFireTheStandInKeysShortcut() {
        planner.plan(SUPER_L, true);
        planner.plan(CONTROL_L, true);
        planner.plan(ALT_L, true);
        assertThat(planner.plan(0x1000416, true)).containsExactly(new KeyEvent(MacKeys.NO_KEY, true, FLAG_OPTION, "\u0416"));
    }

    @Test
    void modifierPressCarriesItsOwnFlagAndReleaseClearsIt() {
        assertThat(planner.plan(SHIFT_L, true)).containsExactly(new KeyEvent(0x38, true, FLAG_SHIFT, null));
        assertThat(planner.plan(SHIFT_L, false)).containsExactly(new KeyEvent(0x38, false, 0, null));
    }

    @Test
    void releasingOneShiftKeepsTheOtherShiftsFlag() {
        planner.plan(SHIFT_L, true);
        planner.plan(SHIFT_R, true);
        planner.plan(SHIFT_L, false);
        assertThat(planner.modifierFlags()).isEqualTo(FLAG_SHIFT);
    }

    @Test
    void arrowCarriesTheFlagsAKeyboardSendsPlusHeldModifiers() {
        planner.plan(CONTROL_L, true);
        assertThat(planner.plan(0xff51, true))
                .containsExactly(new KeyEvent(0x7B, true, FLAG_CONTROL | FLAG_FN | FLAG_NUMERIC_PAD, null));
    }

    @Test
    void releaseAllLiftsEveryKeyStillDown() {
        planner.plan(SUPER_L, true);
        planner.plan('q', true);
        assertThat(planner.releaseAll()).containsExactlyInAnyOrder(new KeyEvent(0x37, false, 0, null),
                new KeyEvent(0x0C, false, 0, "q"));
        assertThat(planner.modifierFlags()).isZero();
        assertThat(planner.releaseAll()).isEmpty();
    }

    @Test
    void unknownKeysymIsIgnored() {
        assertThat(planner.plan(0xfe50, true)).isEmpty();
        assertThat(planner.plan(0xffd5, true)).isEmpty();
    }
}
