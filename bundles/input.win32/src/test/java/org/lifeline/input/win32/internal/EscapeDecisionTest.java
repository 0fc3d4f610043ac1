package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.input.win32.internal.EscapeDecision.LIFELINE_MARK;
import static org.lifeline.input.win32.internal.EscapeDecision.LLKHF_INJECTED;
import static org.lifeline.input.win32.internal.EscapeDecision.VK_ESCAPE;
import static org.lifeline.input.win32.internal.EscapeDecision.WM_KEYDOWN;
import static org.lifeline.input.win32.internal.EscapeDecision.WM_KEYUP;
import static org.lifeline.input.win32.internal.EscapeDecision.WM_SYSKEYDOWN;

import org.junit.jupiter.api.Test;

class EscapeDecisionTest {
    private final EscapeDecision decision = new EscapeDecision();

    @Test
    void physicalEscPressIsTheNovices() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, 0)).isTrue();
    }

    @Test
    void escLifelineInjectedForTheExpertIsIgnored() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, LLKHF_INJECTED, LIFELINE_MARK)).isFalse();
    }

    @Test
    void escInjectedByAnOnScreenKeyboardIsTheNovices() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, LLKHF_INJECTED, 0)).isTrue();
    }

    @Test
    void ourMarkWithoutTheInjectedFlagCannotHideAPhysicalPress() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, LIFELINE_MARK)).isTrue();
    }

    @Test
    void escWithAltHeldStillCounts() {
        assertThat(decision.isNovicesEscape(WM_SYSKEYDOWN, VK_ESCAPE, 0x20, 0)).isTrue();
    }

    @Test
    void otherKeysAndReleasesDoNotCount() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, 0x41, 0, 0)).isFalse();
        assertThat(decision.isNovicesEscape(WM_KEYUP, VK_ESCAPE, 0x80, 0)).isFalse();
    }

    @Test
    void heldEscIsReportedOnceUntilReleased() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, 0)).isTrue();
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, 0)).isFalse();
        assertThat(decision.isNovicesEscape(WM_KEYUP, VK_ESCAPE, 0x80, 0)).isFalse();
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, 0)).isTrue();
    }

    @Test
    void expertsEscBetweenTheNovicesPressesDoesNotDisturbRepeatTracking() {
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, 0)).isTrue();
        assertThat(decision.isNovicesEscape(WM_KEYUP, VK_ESCAPE, LLKHF_INJECTED | 0x80, LIFELINE_MARK)).isFalse();
        assertThat(decision.isNovicesEscape(WM_KEYDOWN, VK_ESCAPE, 0, 0)).isFalse();
    }
}
