package org.lifeline.input.win32.internal;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.LRESULT;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinUser.KBDLLHOOKSTRUCT;
import com.sun.jna.platform.win32.WinUser.LowLevelKeyboardProc;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The low-level keyboard hook procedure: decides, hands a report to another thread, and always passes the
 * event on to the next hook, so the novice's Esc still reaches the focused program.
 */
final class HookListener implements LowLevelKeyboardProc {
    /** HC_ACTION: only non-negative codes carry an event; negative ones must go straight on. */
    static final int HC_ACTION = 0;

    /** CallNextHookEx, separate so the procedure can be exercised without Windows. */
    interface Next {
        LRESULT call(int nCode, WPARAM wParam, LPARAM lParam);
    }

    private final EscapeDecision decision = new EscapeDecision();
    private final Next next;
    private final Executor reports;
    private final Runnable onEscape;
    private final Consumer<RuntimeException> onError;

    HookListener(Next next, Executor reports, Runnable onEscape, Consumer<RuntimeException> onError) {
        this.next = next;
        this.reports = reports;
        this.onEscape = onEscape;
        this.onError = onError;
    }

    @Override
    public LRESULT callback(int nCode, WPARAM wParam, KBDLLHOOKSTRUCT info) {
        if (nCode >= HC_ACTION && info != null) {
            try {
                if (decision.isNovicesEscape(wParam.intValue(), info.vkCode, info.flags,
                        info.dwExtraInfo == null ? 0 : info.dwExtraInfo.longValue())) {
                    reports.execute(onEscape);
                }
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        }
        return next.call(nCode, wParam, new LPARAM(info == null ? 0 : Pointer.nativeValue(info.getPointer())));
    }
}
