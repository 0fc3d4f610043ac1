package org.lifeline.input.macos.internal;

import com.sun.jna.Pointer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lifeline.api.LifelineException;
import org.osgi.service.log.Logger;

/**
 * A listen-only session event tap for key presses, served by its own CFRunLoop thread. It never alters or
 * swallows an event. The callback only decides and hands reports to another thread, because macOS
 * disables a tap whose callback is slow.
 */
final class EventTap implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 5;
    private static final long STOP_TIMEOUT_MILLIS = 2000;
    private static final long KEY_DOWN_MASK = 1L << EscapeDecision.KEY_DOWN;
    /**
     * The run loop runs in slices this long and checks {@link #stopping} in between: CFRunLoopStop is lost
     * if it comes before the loop runs, so the flag is what guarantees that close() ends the thread.
     */
    private static final double RUN_SLICE_SECONDS = 0.25;

    private final Runnable onEscape;
    private final Logger log;
    private final ExecutorService reports = Executors.newSingleThreadExecutor(r -> daemon(r, "lifeline-escape-report"));
    private final CompletableFuture<Pointer> runLoop = new CompletableFuture<>();
    private final Thread thread;
    /** Kept in a field: JNA frees a callback whose Java object was collected, and macOS would call freed code. */
    private Quartz.TapCallback callback;
    private volatile Pointer tap;
    private volatile boolean stopping;

    EventTap(Runnable onEscape, Logger log) {
        this.onEscape = onEscape;
        this.log = log;
        this.thread = daemon(this::run, "lifeline-escape-tap");
    }

    void start() {
        thread.start();
        try {
            runLoop.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
            if (!runLoop.completeExceptionally(new LifelineException("the Esc key watcher could not start ("
                    + e.getMessage() + "): stop control with the Stop button instead", e))) {
                log.error("the Esc key watcher stopped", e);
            }
        }
    }

    private void serve() {
        Quartz.CoreGraphics cg = Quartz.CoreGraphics.INSTANCE;
        Quartz.CoreFoundation cf = Quartz.CoreFoundation.INSTANCE;
        callback = new TapListener(new TapListener.Events() {
            @Override
            public long field(Pointer event, int field) {
                return cg.CGEventGetIntegerValueField(event, field);
            }

            @Override
            public void reenableTap() {
                Pointer t = tap;
                if (t != null) cg.CGEventTapEnable(t, Quartz.TRUE);
            }
        }, reports, onEscape, e -> log.error("Esc key watcher failed on one key event", e));
        Pointer port = cg.CGEventTapCreate(Quartz.SESSION_EVENT_TAP, Quartz.HEAD_INSERT_EVENT_TAP,
                Quartz.TAP_OPTION_LISTEN_ONLY, KEY_DOWN_MASK, callback, null);
        if (port == null) {
            runLoop.completeExceptionally(new LifelineException("macOS does not let Lifeline watch for the Esc key:"
                    + " allow it in System Settings > Privacy & Security > Input Monitoring, then try again"));
            return;
        }
        tap = port;
        Pointer source = cf.CFMachPortCreateRunLoopSource(null, port, 0);
        try {
            Pointer loop = cf.CFRunLoopGetCurrent();
            cf.CFRunLoopAddSource(loop, source, Quartz.CoreFoundation.commonModes());
            cg.CGEventTapEnable(port, Quartz.TRUE);
            runLoop.complete(loop);
            Pointer mode = Quartz.CoreFoundation.defaultMode();
            while (!stopping) cf.CFRunLoopRunInMode(mode, RUN_SLICE_SECONDS, Quartz.FALSE);
        } finally {
            cg.CGEventTapEnable(port, Quartz.FALSE);
            cf.CFMachPortInvalidate(port);
            if (source != null) cf.CFRelease(source);
            cf.CFRelease(port);
            tap = null;
        }
    }

    @Override
    public void close() {
        stopping = true;
        Pointer loop = runLoop.getNow(null);
        if (loop != null) Quartz.CoreFoundation.INSTANCE.CFRunLoopStop(loop);
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) log.warn("the Esc key tap thread did not stop within {} ms", STOP_TIMEOUT_MILLIS);
        reports.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
