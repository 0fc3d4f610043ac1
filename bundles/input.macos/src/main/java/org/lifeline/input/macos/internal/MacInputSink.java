package org.lifeline.input.macos.internal;

import com.sun.jna.Platform;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.input.InputSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Applies the expert's input by posting CGEvents at the HID level, as if from the keyboard and mouse.
 * Coordinates are Quartz points, as the macOS capture delivers them. Every event carries Lifeline's mark
 * so that the Esc tap can tell it apart from the novice's keys.
 */
@Component(service = InputSink.class, property = {InputSink.SINK_ID + "=macos", "service.ranking:Integer=100"})
public class MacInputSink implements InputSink {
    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final KeyPlanner keys = new KeyPlanner();
    private final MousePlanner mouse = new MousePlanner();
    private final QuartzPoster poster = new QuartzPoster();
    private int originX;
    private int originY;
    private boolean trusted;

    @Activate
    void activate() {
        requireMac();
    }

    @Deactivate
    synchronized void deactivate() {
        releaseAll();
    }

    @Override
    public synchronized void releaseAll() {
        if (!trusted) return;
        keys.releaseAll().forEach(poster::post);
        mouse.releaseAll().forEach(e -> poster.post(e, 0));
    }

    @Override
    public synchronized void area(int originX, int originY) {
        this.originX = originX;
        this.originY = originY;
    }

    @Override
    public synchronized void pointer(int x, int y, int buttonMask) {
        requireAccessibility();
        mouse.pointer(originX + x, originY + y, buttonMask, System.nanoTime() / 1_000_000)
                .forEach(e -> poster.post(e, keys.modifierFlags()));
    }

    @Override
    public synchronized void wheel(int dx, int dy) {
        requireAccessibility();
        if (dx == 0 && dy == 0) return;
        poster.scroll(MousePlanner.wheel(dx, dy));
    }

    @Override
    public synchronized void key(int keysym, boolean down) {
        requireAccessibility();
        List<KeyEvent> events = keys.plan(keysym, down);
        if (events.isEmpty()) log.debug("keysym 0x{} has no macOS key; ignored", Integer.toHexString(keysym));
        events.forEach(poster::post);
    }

    /** macOS drops posted events silently unless the user allowed Lifeline under Accessibility; say so instead. */
    private void requireAccessibility() {
        requireMac();
        if (trusted) return;
        trusted = Quartz.ApplicationServices.INSTANCE.AXIsProcessTrusted() != 0;
        if (!trusted) {
            throw new LifelineException("macOS does not let Lifeline control this Mac: allow it in System Settings"
                    + " > Privacy & Security > Accessibility, then try again");
        }
    }

    static void requireMac() {
        if (!Platform.isMac()) {
            throw new LifelineException("the macOS input cannot run on " + System.getProperty("os.name")
                    + ": use the input for this system");
        }
    }
}
