package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.input.macos.internal.EscapeDecision.KEY_DOWN;
import static org.lifeline.input.macos.internal.EscapeDecision.LIFELINE_MARK;

import org.junit.jupiter.api.Test;
import org.lifeline.input.macos.internal.EscapeDecision.Verdict;

class EscapeDecisionTest {
    @Test
    void novicesEscPressIsReported() {
        assertThat(EscapeDecision.classify(KEY_DOWN, MacKeys.ESCAPE, 0, 0)).isEqualTo(Verdict.NOVICES_ESCAPE);
    }

    @Test
    void escLifelinePostedForTheExpertIsIgnored() {
        assertThat(EscapeDecision.classify(KEY_DOWN, MacKeys.ESCAPE, 0, LIFELINE_MARK)).isEqualTo(Verdict.IGNORE);
    }

    @Test
    void escPostedByAnotherProgramWithOtherUserDataIsTheNovices() {
        assertThat(EscapeDecision.classify(KEY_DOWN, MacKeys.ESCAPE, 0, 12345)).isEqualTo(Verdict.NOVICES_ESCAPE);
    }

    @Test
    void repeatsOfAHeldEscAndOtherKeysAreIgnored() {
        assertThat(EscapeDecision.classify(KEY_DOWN, MacKeys.ESCAPE, 1, 0)).isEqualTo(Verdict.IGNORE);
        assertThat(EscapeDecision.classify(KEY_DOWN, 0x24, 0, 0)).isEqualTo(Verdict.IGNORE);
        assertThat(EscapeDecision.classify(11, MacKeys.ESCAPE, 0, 0)).isEqualTo(Verdict.IGNORE);
    }

    @Test
    void tapThatMacOsSwitchedOffIsSwitchedBackOn() {
        assertThat(EscapeDecision.classify(EscapeDecision.TAP_DISABLED_BY_TIMEOUT, 0, 0, 0)).isEqualTo(Verdict.REENABLE_TAP);
        assertThat(EscapeDecision.classify(EscapeDecision.TAP_DISABLED_BY_USER_INPUT, 0, 0, 0)).isEqualTo(Verdict.REENABLE_TAP);
    }
}
