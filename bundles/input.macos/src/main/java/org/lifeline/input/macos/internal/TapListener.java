package org.lifeline.input.macos.internal;

import com.sun.jna.Pointer;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The event tap's callback: reads the few fields the decision needs, hands a report to another thread,
 * switches a disabled tap back on, and always passes the event on untouched (the tap only listens).
 */
final class TapListener implements Quartz.TapCallback {
    /** The native side the callback needs, separate so the callback can be exercised without macOS. */
    interface Events {
        long field(Pointer event, int field);

        void reenableTap();
    }

    private final Events events;
    private final Executor reports;
    private final Runnable onEscape;
    private final Consumer<RuntimeException> onError;

    TapListener(Events events, Executor reports, Runnable onEscape, Consumer<RuntimeException> onError) {
        this.events = events;
        this.reports = reports;
        this.onEscape = onEscape;
        this.onError = onError;
    }

    @Override
    public Pointer invoke(Pointer proxy, int type, Pointer event, Pointer userInfo) {
        try {
            EscapeDecision.Verdict verdict = type == EscapeDecision.KEY_DOWN && event != null
                    ? EscapeDecision.classify(type, events.field(event, Quartz.FIELD_KEYBOARD_KEYCODE),
                            events.field(event, Quartz.FIELD_KEYBOARD_AUTOREPEAT),
                            events.field(event, Quartz.FIELD_SOURCE_USER_DATA))
                    : EscapeDecision.classify(type, 0, 0, 0);
            switch (verdict) {
                case NOVICES_ESCAPE -> reports.execute(onEscape);
                case REENABLE_TAP -> events.reenableTap();
                case IGNORE -> { }
            }
        } catch (RuntimeException e) {
            onError.accept(e);
        }
        return event;
    }
}
