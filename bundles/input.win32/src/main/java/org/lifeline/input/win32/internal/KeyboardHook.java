package org.lifeline.input.win32.internal;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.platform.win32.WinUser.HHOOK;
import com.sun.jna.platform.win32.WinUser.LowLevelKeyboardProc;
import com.sun.jna.platform.win32.WinUser.MSG;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lifeline.api.LifelineException;
import org.osgi.service.log.Logger;

/**
 * A WH_KEYBOARD_LL hook on its own thread, which must pump messages for Windows to call the hook. The
 * hook only decides and hands the report to another thread: Windows silently removes a low-level hook
 * that takes too long, and the novice's keyboard stalls while it runs.
 */
final class KeyboardHook implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 5;
    private static final long STOP_TIMEOUT_MILLIS = 2000;
    private static final int PM_NOREMOVE = 0;
    private static final int WM_USER = 0x0400;

    private final Runnable onEscape;
    private final Logger log;
    private final ExecutorService reports = Executors.newSingleThreadExecutor(r -> daemon(r, "lifeline-escape-report"));
    private final CompletableFuture<Integer> started = new CompletableFuture<>();
    private final Thread thread;
    /** Kept in a field: JNA frees a callback whose Java object was collected, and Windows would call freed code. */
    private LowLevelKeyboardProc proc;

    KeyboardHook(Runnable onEscape, Logger log) {
        this.onEscape = onEscape;
        this.log = log;
        this.thread = daemon(this::run, "lifeline-escape-hook");
    }

    void start() {
        thread.start();
        try {
            started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            reports.shutdownNow();
            throw (e.getCause() instanceof LifelineException l) ? l : new LifelineException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new LifelineException("the Esc key watcher did not start within " + START_TIMEOUT_SECONDS
                    + " s: restart Lifeline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new LifelineException("interrupted while starting the Esc key watcher");
        }
    }

    private void run() {
        try {
            serve();
        } catch (RuntimeException | LinkageError e) {
            if (!started.completeExceptionally(new LifelineException("the Esc key watcher could not start ("
                    + e.getMessage() + "): stop control with the Stop button instead", e))) {
                log.error("the Esc key watcher stopped", e);
            }
        }
    }

    private void serve() {
        MSG msg = new MSG();
        // Any user32 call creates the thread's message queue; PeekMessage is the documented way, and
        // PostThreadMessage(WM_QUIT) needs the queue to exist.
        User32.INSTANCE.PeekMessage(msg, null, WM_USER, WM_USER, PM_NOREMOVE);
        HHOOK[] hook = new HHOOK[1];
        proc = new HookListener((nCode, wParam, lParam) -> User32.INSTANCE.CallNextHookEx(hook[0], nCode, wParam, lParam),
                reports, onEscape, e -> log.error("Esc key watcher failed on one key event", e));
        hook[0] = User32.INSTANCE.SetWindowsHookEx(WinUser.WH_KEYBOARD_LL, proc, Kernel32.INSTANCE.GetModuleHandle(null), 0);
        if (hook[0] == null) {
            started.completeExceptionally(new LifelineException("Windows refused the Esc key watcher (error "
                    + Kernel32.INSTANCE.GetLastError() + "): stop control with the Stop button instead"));
            return;
        }
        started.complete(Kernel32.INSTANCE.GetCurrentThreadId());
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
    public void close() {
        Integer threadId = started.getNow(null);
        if (threadId != null) {
            User32.INSTANCE.PostThreadMessage(threadId, WinUser.WM_QUIT, new WPARAM(0), new LPARAM(0));
        }
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) log.warn("the Esc key hook thread did not stop within {} ms", STOP_TIMEOUT_MILLIS);
        reports.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
