package org.lifeline.input.win32.internal;

import org.lifeline.api.input.EscapeWatcher;
import org.lifeline.api.input.InputSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Reports the novice's own Esc through a low-level keyboard hook; the key still reaches the focused program. */
@Component(service = EscapeWatcher.class, property = {InputSink.SINK_ID + "=win32", "service.ranking:Integer=100"})
public class Win32EscapeWatcher implements EscapeWatcher {
    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Activate
    void activate() {
        Win32InputSink.requireWindows();
    }

    @Override
    public AutoCloseable watch(Runnable onEscape) {
        Win32InputSink.requireWindows();
        KeyboardHook hook = new KeyboardHook(onEscape, log);
        hook.start();
        return hook;
    }
}
