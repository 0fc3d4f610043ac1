package org.lifeline.input.x11.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lifeline.api.LifelineException;

/**
 * Sees every Esc press on the display through XInput2 raw key events on the root window, which are
 * copies: the key still reaches the application that has the focus. Runs on its own connection and
 * thread. Presses that Lifeline injected are announced beforehand ({@link #injected()}) and consumed here
 * one for one, because on a virtual server every key (the novice's too) comes through the XTEST device,
 * so the device cannot tell them apart.
 */
final class EscapeWatch implements AutoCloseable {
    /** An announced injection not seen within this time never arrived (the watch missed it); forget it. */
    static final long INJECTION_MATCH_NANOS = 500_000_000L;
    /** How long the thread may sleep before it notices {@link #close()}. */
    private static final int POLL_MILLIS = 50;
    private static final Logger LOG = Logger.getLogger(EscapeWatch.class.getName());

    private final X11.Display display;
    private final int xiOpcode;
    private final List<Integer> escapeKeycodes;
    private final Runnable onEscape;
    private final Deque<Long> injected = new ArrayDeque<>();
    private final Thread thread;
    private final Runnable onClose;
    private volatile boolean running = true;

    EscapeWatch(String displayName, Runnable onEscape, Runnable onClose) {
        this.onEscape = onEscape;
        this.onClose = onClose;
        display = XConnection.open(displayName);
        try {
            IntByReference opcode = new IntByReference();
            if (!X11.INSTANCE.XQueryExtension(display, "XInputExtension", opcode, new IntByReference(), new IntByReference())
                    || XNatives.Xi.INSTANCE.XIQueryVersion(display, new IntByReference(2), new IntByReference(2)) != 0) {
                throw new LifelineException("this X server has no XInput 2: Esc cannot be watched — use \"Stop control\" instead");
            }
            xiOpcode = opcode.getValue();
            escapeKeycodes = X11Input.readKeyboard(display).keycodesOf(Keysyms.ESCAPE);
            selectRawKeyPresses();
        } catch (RuntimeException e) {
            XConnection.close(display);
            throw e;
        }
        thread = new Thread(this::run, "lifeline-x11-escape-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void selectRawKeyPresses() {
        Memory mask = new Memory(4);
        mask.clear();
        mask.setByte(XNatives.XI_RAW_KEY_PRESS >> 3, (byte) (1 << (XNatives.XI_RAW_KEY_PRESS & 7)));
        XNatives.XIEventMask eventMask = new XNatives.XIEventMask();
        eventMask.deviceid = XNatives.XI_ALL_MASTER_DEVICES;
        eventMask.mask_len = (int) mask.size();
        eventMask.mask = mask;
        long root = X11.INSTANCE.XDefaultRootWindow(display).longValue();
        XNatives.Xi.INSTANCE.XISelectEvents(display, root, eventMask, 1);
        if (XConnection.sync(display) != 0) {
            throw new LifelineException("the X server refused to report key presses: Esc cannot be watched — use \"Stop control\" instead");
        }
    }

    /** Called by the input sink just before it injects an Esc press. */
    void injected() {
        synchronized (injected) {
            injected.addLast(System.nanoTime());
        }
    }

    /** Called by the input sink when an announced injection did not happen after all. */
    void injectionFailed() {
        synchronized (injected) {
            injected.pollLast();
        }
    }

    /** True if this press is one Lifeline injected (and consumes that announcement). */
    private boolean consumeInjected() {
        long now = System.nanoTime();
        synchronized (injected) {
            while (!injected.isEmpty() && now - injected.peekFirst() > INJECTION_MATCH_NANOS) injected.pollFirst();
            return injected.pollFirst() != null;
        }
    }

    private void run() {
        Memory event = new Memory(XNatives.XEVENT_SIZE);
        Memory pollFd = new Memory(8);
        pollFd.setInt(0, XNatives.Xlib.INSTANCE.XConnectionNumber(display));
        pollFd.setShort(4, XNatives.POLLIN);
        try {
            while (running && !XConnection.gone(display)) {
                while (running && XNatives.Xlib.INSTANCE.XPending(display) > 0) {
                    XNatives.Xlib.INSTANCE.XNextEvent(display, event);
                    if (isEscapePress(event) && !consumeInjected()) report();
                }
                pollFd.setShort(6, (short) 0);
                XNatives.LibC.INSTANCE.poll(pollFd, 1, POLL_MILLIS);
            }
            if (running) LOG.warning("the X display went away: Esc is no longer watched");
        } finally {
            XConnection.close(display);
        }
    }

    private boolean isEscapePress(Pointer event) {
        if (event.getInt(0) != XNatives.GENERIC_EVENT || event.getInt(XNatives.COOKIE_EXTENSION) != xiOpcode) return false;
        if (!XNatives.Xlib.INSTANCE.XGetEventData(display, event)) return false;
        try {
            if (event.getInt(XNatives.COOKIE_EVTYPE) != XNatives.XI_RAW_KEY_PRESS) return false;
            Pointer raw = event.getPointer(XNatives.COOKIE_DATA);
            int keycode = raw.getInt(XNatives.RAW_EVENT_DETAIL);
            boolean repeat = (raw.getInt(XNatives.RAW_EVENT_FLAGS) & XNatives.XI_KEY_REPEAT) != 0;
            return !repeat && escapeKeycodes.contains(keycode);
        } finally {
            XNatives.Xlib.INSTANCE.XFreeEventData(display, event);
        }
    }

    private void report() {
        try {
            onEscape.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the Esc handler failed", e);
        }
    }

    @Override
    public void close() {
        if (!running) return;
        running = false;
        onClose.run();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
