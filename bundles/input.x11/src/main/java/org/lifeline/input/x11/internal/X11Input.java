package org.lifeline.input.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.lifeline.api.LifelineException;
import org.lifeline.api.input.EscapeWatcher;
import org.lifeline.api.input.InputSink;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The expert's input on an X11 desktop through XTEST, and the novice's Esc through XInput2. One class
 * provides both services because the watcher must know which Esc presses the sink injected.
 *
 * <p>Keys arrive as keysyms. A keysym on the keyboard is typed with the modifiers its column needs
 * (Shift, AltGr), added or lifted around the key and put back after. A keysym the layout lacks is put on
 * a spare keycode, as x11vnc and TigerVNC do; it stays there a while ({@link #REMAP_LINGER_NANOS}) because
 * clients look the mapping up only when they handle the event, and is restored after that or when the
 * component stops. With the novice's Caps Lock on, letters get the opposite Shift so they come out as sent.
 */
@Component(service = {InputSink.class, EscapeWatcher.class},
        property = {InputSink.SINK_ID + "=x11", "service.ranking:Integer=100"})
public class X11Input implements InputSink, EscapeWatcher {
    public static final String DISPLAY_PROPERTY = "lifeline.display";
    static final long REMAP_LINGER_NANOS = 10_000_000_000L;
    private static final int SHIFT_MASK = 1;
    private static final int LOCK_MASK = 2;
    private static final int SHIFT_MODIFIER_INDEX = 0;
    private static final int MAPPING_NOTIFY = 34;
    private static final int BUTTONS = 3;
    private static final int WHEEL_UP = 4, WHEEL_DOWN = 5, WHEEL_LEFT = 6, WHEEL_RIGHT = 7;
    private static final NativeLong NOW = new NativeLong(0);

    private final String displayName;
    private final Set<EscapeWatch> watches = new CopyOnWriteArraySet<>();

    // Everything below is guarded by this object's lock: Xlib calls on one connection must not overlap.
    private X11.Display display;
    private KeyboardMap keyboard;
    private List<List<Integer>> modifierKeys;
    private int level3Mask;
    private final Map<Long, Integer> pressed = new HashMap<>();
    /** Borrowed keycodes by keysym, least recently used first, with when each was last used. */
    private final LinkedHashMap<Long, Integer> remapped = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Integer, Long> remapUsed = new HashMap<>();
    private int originX, originY;
    private int buttonMask;
    private com.sun.jna.Memory event;

    @Activate
    public X11Input(BundleContext context) {
        this(XConnection.displayName(context.getProperty(DISPLAY_PROPERTY)));
    }

    X11Input(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public synchronized void releaseAll() {
        if (display == null || XConnection.gone(display)) return;
        releaseHeld();
        XConnection.sync(display);
    }

    /** Must hold this object's lock, with the display open. */
    private void releaseHeld() {
        for (int keycode : pressed.values()) fake(keycode, false);
        pressed.clear();
        for (int b = 0; b < BUTTONS; b++) {
            if ((buttonMask & (1 << b)) != 0) X11.XTest.INSTANCE.XTestFakeButtonEvent(display, b + 1, false, NOW);
        }
        buttonMask = 0;
    }

    @Deactivate
    public void deactivate() {
        for (EscapeWatch w : watches) w.close();
        synchronized (this) {
            if (display == null) return;
            if (XConnection.gone(display)) {
                XConnection.close(display);
                display = null;
                return;
            }
            releaseHeld();
            for (int keycode : remapped.values()) setKeysym(keycode, KeyboardMap.NO_SYMBOL);
            remapped.clear();
            XConnection.sync(display);
            XConnection.close(display);
            display = null;
        }
    }

    @Override
    public synchronized void area(int originX, int originY) {
        this.originX = originX;
        this.originY = originY;
    }

    @Override
    public synchronized void pointer(int x, int y, int buttonMask) {
        ensureOpen();
        X11.XTest.INSTANCE.XTestFakeMotionEvent(display, -1, originX + x, originY + y, NOW);
        for (int b = 0; b < BUTTONS; b++) {
            int bit = 1 << b;
            if ((buttonMask & bit) != (this.buttonMask & bit)) {
                X11.XTest.INSTANCE.XTestFakeButtonEvent(display, b + 1, (buttonMask & bit) != 0, NOW);
            }
        }
        this.buttonMask = buttonMask & ((1 << BUTTONS) - 1);
        flush();
    }

    @Override
    public synchronized void wheel(int dx, int dy) {
        ensureOpen();
        click(dy > 0 ? WHEEL_DOWN : WHEEL_UP, Math.abs(dy));
        click(dx > 0 ? WHEEL_RIGHT : WHEEL_LEFT, Math.abs(dx));
        flush();
    }

    private void click(int button, int times) {
        for (int i = 0; i < times; i++) {
            X11.XTest.INSTANCE.XTestFakeButtonEvent(display, button, true, NOW);
            X11.XTest.INSTANCE.XTestFakeButtonEvent(display, button, false, NOW);
        }
    }

    @Override
    public synchronized void key(int keysym, boolean down) {
        long sym = keysym & 0xffffffffL;
        if (sym == KeyboardMap.NO_SYMBOL) return;
        ensureOpen();
        if (!down) {
            Integer keycode = pressed.remove(sym);
            if (keycode == null) keycode = keyboard.find(sym).map(KeyboardMap.Place::keycode).orElse(null);
            if (keycode != null) fake(keycode, false);
            flush();
            return;
        }
        restoreLingeringRemaps();
        KeyboardMap.Place place = keyboard.find(sym).orElseGet(() -> new KeyboardMap.Place(borrowKeycode(sym), 0));
        if (remapped.containsKey(sym)) remapUsed.put(place.keycode(), System.nanoTime());
        List<int[]> undo = Keysyms.isModifier(sym) || Keysyms.isFunctionKey(sym) ? List.of() : adjustModifiers(place);
        boolean escape = sym == Keysyms.ESCAPE;
        if (escape) watches.forEach(EscapeWatch::injected);
        if (!fake(place.keycode(), true) && escape) watches.forEach(EscapeWatch::injectionFailed);
        pressed.put(sym, place.keycode());
        for (int i = undo.size() - 1; i >= 0; i--) fake(undo.get(i)[0], undo.get(i)[1] == 0);
        flush();
    }

    /** Presses or lifts Shift and AltGr so the key gives the wanted column; returns what to put back, as {keycode, wasDown}. */
    private List<int[]> adjustModifiers(KeyboardMap.Place place) {
        int state = modifierState();
        List<int[]> undo = new ArrayList<>();
        // Caps Lock swaps the two levels of letter keys, so Shift is then wanted exactly when it otherwise is not.
        boolean capsLock = (state & LOCK_MASK) != 0 && place.column() < 2 && keyboard.isAlphabetic(place.keycode());
        adjust(place.needsShift() ^ capsLock, (state & SHIFT_MASK) != 0, SHIFT_MODIFIER_INDEX, undo);
        if (level3Mask != 0) {
            adjust(place.needsLevel3(), (state & level3Mask) != 0, Integer.numberOfTrailingZeros(level3Mask), undo);
        } else if (place.needsLevel3()) {
            throw new LifelineException("this keyboard layout has no AltGr key: the character cannot be typed");
        }
        return undo;
    }

    private void adjust(boolean need, boolean have, int modifierIndex, List<int[]> undo) {
        if (need == have) return;
        List<Integer> keys = modifierKeys.get(modifierIndex);
        if (need) {
            if (keys.isEmpty()) throw new LifelineException("this keyboard has no key for a needed modifier");
            int keycode = keys.get(0);
            fake(keycode, true);
            undo.add(new int[] {keycode, 0});
        } else {
            byte[] down = new byte[32];
            X11.INSTANCE.XQueryKeymap(display, down);
            for (int keycode : keys) {
                if ((down[keycode >> 3] & (1 << (keycode & 7))) != 0) {
                    fake(keycode, false);
                    undo.add(new int[] {keycode, 1});
                }
            }
        }
    }

    private int modifierState() {
        X11.Window root = X11.INSTANCE.XDefaultRootWindow(display);
        IntByReference mask = new IntByReference();
        IntByReference ignored = new IntByReference();
        X11.INSTANCE.XQueryPointer(display, root, new X11.WindowByReference(), new X11.WindowByReference(), ignored,
                ignored, ignored, ignored, mask);
        return mask.getValue();
    }

    private int borrowKeycode(long sym) {
        Integer keycode = remapped.get(sym);
        if (keycode != null) return keycode;
        List<Integer> spare = keyboard.spareKeycodes();
        spare.removeAll(remapped.values());
        if (spare.isEmpty()) {
            for (Iterator<Map.Entry<Long, Integer>> it = remapped.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Integer> e = it.next();
                if (!pressed.containsValue(e.getValue())) {
                    it.remove();
                    spare.add(e.getValue());
                    break;
                }
            }
        }
        if (spare.isEmpty()) {
            throw new LifelineException("no free key to type keysym 0x" + Long.toHexString(sym) + ": release some keys and try again");
        }
        keycode = spare.get(spare.size() - 1);
        setKeysym(keycode, sym);
        remapped.put(sym, keycode);
        remapUsed.put(keycode, System.nanoTime());
        return keycode;
    }

    private void restoreLingeringRemaps() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Long, Integer>> it = remapped.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Integer> e = it.next();
            int keycode = e.getValue();
            if (now - remapUsed.getOrDefault(keycode, now) > REMAP_LINGER_NANOS && !pressed.containsValue(keycode)) {
                it.remove();
                remapUsed.remove(keycode);
                setKeysym(keycode, KeyboardMap.NO_SYMBOL);
            }
        }
    }

    private void setKeysym(int keycode, long sym) {
        long[] syms = {sym, sym};
        XNatives.Xlib.INSTANCE.XChangeKeyboardMapping(display, keycode, syms.length, syms, 1);
        if (XConnection.sync(display) != 0) {
            throw new LifelineException("the X server refused a keyboard mapping change: keysym 0x" + Long.toHexString(sym) + " cannot be typed");
        }
        keyboard = readKeyboard(display);
    }

    /** Sends what is queued; a connection that broke meanwhile is reported, and the next call reconnects. */
    private void flush() {
        X11.INSTANCE.XFlush(display);
        if (XConnection.gone(display)) {
            throw new LifelineException("the X display " + displayName + " went away (the session ended?): input was not delivered");
        }
    }

    private boolean fake(int keycode, boolean down) {
        return X11.XTest.INSTANCE.XTestFakeKeyEvent(display, keycode, down, NOW) != 0;
    }

    private void ensureOpen() {
        if (display != null && XConnection.gone(display)) {
            // The server went away (and maybe came back): start over on a fresh connection.
            XConnection.close(display);
            display = null;
            pressed.clear();
            remapped.clear();
            remapUsed.clear();
            buttonMask = 0;
        }
        if (display == null) {
            display = XConnection.open(displayName);
            if (!X11.XTest.INSTANCE.XTestQueryExtension(display, new IntByReference(), new IntByReference(),
                    new IntByReference(), new IntByReference())) {
                XConnection.close(display);
                display = null;
                throw new LifelineException("this X server has no XTEST extension: the expert cannot take control here");
            }
            event = new com.sun.jna.Memory(XNatives.XEVENT_SIZE);
            readMappings();
        }
        // Other clients' mapping changes arrive as MappingNotify; anything else queued here is of no use.
        while (XNatives.Xlib.INSTANCE.XPending(display) > 0) {
            XNatives.Xlib.INSTANCE.XNextEvent(display, event);
            if (event.getInt(0) == MAPPING_NOTIFY) readMappings();
        }
    }

    private void readMappings() {
        keyboard = readKeyboard(display);
        modifierKeys = readModifiers(display);
        level3Mask = 0;
        List<Integer> level3Keys = new ArrayList<>(keyboard.keycodesOf(Keysyms.ISO_LEVEL3_SHIFT));
        level3Keys.addAll(keyboard.keycodesOf(Keysyms.MODE_SWITCH));
        for (int i = 1; i < modifierKeys.size() && level3Mask == 0; i++) {
            for (int keycode : level3Keys) {
                if (modifierKeys.get(i).contains(keycode)) level3Mask = 1 << i;
            }
        }
    }

    static KeyboardMap readKeyboard(X11.Display display) {
        IntByReference min = new IntByReference(), max = new IntByReference(), per = new IntByReference();
        X11.INSTANCE.XDisplayKeycodes(display, min, max);
        int count = max.getValue() - min.getValue() + 1;
        Pointer syms = XNatives.Xlib.INSTANCE.XGetKeyboardMapping(display, (byte) min.getValue(), count, per);
        if (syms == null) throw new LifelineException("the X server did not send its keyboard mapping: restart the desktop session");
        try {
            return new KeyboardMap(min.getValue(), per.getValue(), syms.getLongArray(0, count * per.getValue()));
        } finally {
            X11.INSTANCE.XFree(syms);
        }
    }

    /** The keycodes bound to each of the 8 modifiers (Shift, Lock, Control, Mod1..Mod5). */
    private static List<List<Integer>> readModifiers(X11.Display display) {
        Pointer map = XNatives.Xlib.INSTANCE.XGetModifierMapping(display);
        if (map == null) throw new LifelineException("the X server did not send its modifier mapping: restart the desktop session");
        try {
            int perModifier = map.getInt(0);
            byte[] keycodes = map.getPointer(8).getByteArray(0, 8 * perModifier);
            List<List<Integer>> out = new ArrayList<>();
            for (int m = 0; m < 8; m++) {
                List<Integer> keys = new ArrayList<>();
                for (int k = 0; k < perModifier; k++) {
                    int keycode = keycodes[m * perModifier + k] & 0xff;
                    if (keycode != 0) keys.add(keycode);
                }
                out.add(keys);
            }
            return out;
        } finally {
            XNatives.Xlib.INSTANCE.XFreeModifiermap(map);
        }
    }

    @Override
    public AutoCloseable watch(Runnable onEscape) {
        EscapeWatch[] self = new EscapeWatch[1];
        self[0] = new EscapeWatch(displayName, onEscape, () -> watches.remove(self[0]));
        watches.add(self[0]);
        return self[0];
    }
}
