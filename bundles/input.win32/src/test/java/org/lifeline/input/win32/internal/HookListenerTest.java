package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD.ULONG_PTR;
import com.sun.jna.platform.win32.WinDef.LRESULT;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinUser.KBDLLHOOKSTRUCT;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Calls the hook procedure with a KBDLLHOOKSTRUCT read back from native memory, as JNA hands it over
 * (CallNextHookEx is replaced). A real stdcall function pointer cannot be made off Windows: JNA refuses
 * the calling convention on Linux, so that part is proven only on Windows itself.
 */
class HookListenerTest {
    private final AtomicInteger escapes = new AtomicInteger();
    private final List<Long> passedOn = new ArrayList<>();
    private final HookListener listener = new HookListener((nCode, wParam, lParam) -> {
        passedOn.add(lParam.longValue());
        return new LRESULT(0);
    }, Runnable::run, escapes::incrementAndGet, e -> {
        throw e;
    });

    private static KBDLLHOOKSTRUCT key(int vk, int flags, long extraInfo) {
        KBDLLHOOKSTRUCT s = new KBDLLHOOKSTRUCT();
        s.vkCode = vk;
        s.flags = flags;
        s.dwExtraInfo = new ULONG_PTR(extraInfo);
        s.write();
        return s;
    }

    private void callAsWindowsDoes(int nCode, int message, KBDLLHOOKSTRUCT info) {
        KBDLLHOOKSTRUCT asHanded = Structure.newInstance(KBDLLHOOKSTRUCT.class, info.getPointer());
        asHanded.read();
        listener.callback(nCode, new WPARAM(message), asHanded);
    }

    @Test
    void physicalEscIsReportedAndPassedToTheNextHook() {
        KBDLLHOOKSTRUCT esc = key(EscapeDecision.VK_ESCAPE, 0, 0);
        callAsWindowsDoes(HookListener.HC_ACTION, EscapeDecision.WM_KEYDOWN, esc);
        assertThat(escapes).hasValue(1);
        assertThat(passedOn).containsExactly(Pointer.nativeValue(esc.getPointer()));
    }

    @Test
    void escLifelineInjectedIsPassedOnButNotReported() {
        KBDLLHOOKSTRUCT esc = key(EscapeDecision.VK_ESCAPE, EscapeDecision.LLKHF_INJECTED, EscapeDecision.LIFELINE_MARK);
        callAsWindowsDoes(HookListener.HC_ACTION, EscapeDecision.WM_KEYDOWN, esc);
        assertThat(escapes).hasValue(0);
        assertThat(passedOn).hasSize(1);
    }

    @Test
    void negativeHookCodeIsOnlyPassedOn() {
        callAsWindowsDoes(-1, EscapeDecision.WM_KEYDOWN, key(EscapeDecision.VK_ESCAPE, 0, 0));
        assertThat(escapes).hasValue(0);
        assertThat(passedOn).hasSize(1);
    }
}
