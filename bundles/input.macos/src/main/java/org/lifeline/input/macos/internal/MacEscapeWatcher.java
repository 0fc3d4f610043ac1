package org.lifeline.input.macos.internal;

import org.lifeline.api.input.EscapeWatcher;
import org.lifeline.api.input.InputSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Reports the novice's own Esc through a listen-only event tap; the key still reaches the focused application. */
@Component(service = EscapeWatcher.class, property = {InputSink.SINK_ID + "=macos", "service.ranking:Integer=100"})
public class MacEscapeWatcher implements EscapeWatcher {
    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Activate
    void activate() {
        MacInputSink.requireMac();
    }

    @Override
    public AutoCloseable watch(Runnable onEscape) {
        MacInputSink.requireMac();
        EventTap tap = new EventTap(onEscape, log);
        tap.start();
        return tap;
    }
}
