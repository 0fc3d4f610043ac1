package org.lifeline.input.macos.internal;

import com.sun.jna.Pointer;
import org.lifeline.api.LifelineException;
import org.lifeline.input.escape.WatcherThread;
import org.osgi.service.log.Logger;

/**
 * A listen-only session event tap for key presses, served by its own CFRunLoop thread. It never alters or
 * swallows an event. The callback only decides and hands reports to another thread, because macOS
 * disables a tap whose callback is slow.
 */
final class EventTap extends WatcherThread<Pointer> {
    private static final long KEY_DOWN_MASK = 1L << EscapeDecision.KEY_DOWN;
    /**
     * The run loop runs in slices this long and checks {@link #stopping} in between: CFRunLoopStop is lost
     * if it comes before the loop runs, so the flag is what guarantees that close() ends the thread.
     */
    private static final double RUN_SLICE_SECONDS = 0.25;

    /** Kept in a field: JNA frees a callback whose Java object was collected, and macOS would call freed code. */
    private Quartz.TapCallback callback;
    private volatile Pointer tap;
    private volatile boolean stopping;

    EventTap(Runnable onEscape, Logger log) {
        super(onEscape, log, "lifeline-escape-tap");
    }

    @Override
    protected void serve() {
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
            refused(new LifelineException("macOS does not let Lifeline watch for the Esc key:"
                    + " allow it in System Settings > Privacy & Security > Input Monitoring, then try again"));
            return;
        }
        tap = port;
        Pointer source = cf.CFMachPortCreateRunLoopSource(null, port, 0);
        try {
            Pointer loop = cf.CFRunLoopGetCurrent();
            cf.CFRunLoopAddSource(loop, source, Quartz.CoreFoundation.commonModes());
            cg.CGEventTapEnable(port, Quartz.TRUE);
            serving(loop);
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
    protected void wake(Pointer loop) {
        stopping = true;
        if (loop != null) Quartz.CoreFoundation.INSTANCE.CFRunLoopStop(loop);
    }
}
