package org.lifeline.input.win32.internal;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.platform.win32.WinUser.HHOOK;
import com.sun.jna.platform.win32.WinUser.LowLevelKeyboardProc;
import com.sun.jna.platform.win32.WinUser.MSG;
import org.lifeline.api.LifelineException;
import org.lifeline.input.escape.WatcherThread;
import org.osgi.service.log.Logger;

/**
 * A WH_KEYBOARD_LL hook on its own thread, which must pump messages for Windows to call the hook. The
 * hook only decides and hands the report to another thread: Windows silently removes a low-level hook
 * that takes too long, and the novice's keyboard stalls while it runs.
 */
final class KeyboardHook extends WatcherThread<Integer> {
    private static final int PM_NOREMOVE = 0;
    private static final int WM_USER = 0x0400;

    /** Kept in a field: JNA frees a callback whose Java object was collected, and Windows would call freed code. */
    private LowLevelKeyboardProc proc;

    KeyboardHook(Runnable onEscape, Logger log) {
        super(onEscape, log, "lifeline-escape-hook");
    }

    @Override
    protected void serve() {
        MSG msg = new MSG();
        // Any user32 call creates the thread's message queue; PeekMessage is the documented way, and
        // PostThreadMessage(WM_QUIT) needs the queue to exist.
        User32.INSTANCE.PeekMessage(msg, null, WM_USER, WM_USER, PM_NOREMOVE);
        HHOOK[] hook = new HHOOK[1];
        proc = new HookListener((nCode, wParam, lParam) -> User32.INSTANCE.CallNextHookEx(hook[0], nCode, wParam, lParam),
                reports, onEscape, e -> log.error("Esc key watcher failed on one key event", e));
        hook[0] = User32.INSTANCE.SetWindowsHookEx(WinUser.WH_KEYBOARD_LL, proc, Kernel32.INSTANCE.GetModuleHandle(null), 0);
        if (hook[0] == null) {
            refused(new LifelineException("Windows refused the Esc key watcher (error "
                    + Kernel32.INSTANCE.GetLastError() + "): stop control with the Stop button instead"));
            return;
        }
        serving(Kernel32.INSTANCE.GetCurrentThreadId());
        try {
            while (User32.INSTANCE.GetMessage(msg, null, 0, 0) > 0) {
                User32.INSTANCE.TranslateMessage(msg);
                User32.INSTANCE.DispatchMessage(msg);
            }
        } finally {
            User32.INSTANCE.UnhookWindowsHookEx(hook[0]);
        }
    }

    @Override
    protected void wake(Integer threadId) {
        if (threadId != null) {
            User32.INSTANCE.PostThreadMessage(threadId, WinUser.WM_QUIT, new WPARAM(0), new LPARAM(0));
        }
    }
}
