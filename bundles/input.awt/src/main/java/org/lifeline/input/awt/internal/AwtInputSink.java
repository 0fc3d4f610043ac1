package org.lifeline.input.awt.internal;

import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lifeline.api.input.InputSink;

/**
 * The portable input fallback through java.awt.Robot. Limits: no Esc watching (Robot cannot see other
 * applications' keys, so this bundle registers no {@code EscapeWatcher}: the novice takes control back
 * with "Stop control"); no horizontal wheel; characters outside ASCII only where the layout has them
 * (see {@link KeysymStrokes}); keysyms it cannot type are ignored.
 */
final class AwtInputSink implements InputSink {
    private static final int[] BUTTON_MASKS = {InputEvent.BUTTON1_DOWN_MASK, InputEvent.BUTTON2_DOWN_MASK,
            InputEvent.BUTTON3_DOWN_MASK};

    private final Robot robot;
    private final Map<Integer, KeysymStrokes.Stroke> pressed = new HashMap<>();
    private int originX, originY;
    private int buttonMask;
    private int shiftsHeld;

    AwtInputSink(Robot robot) {
        this.robot = robot;
    }

    @Override
    public synchronized void area(int originX, int originY) {
        this.originX = originX;
        this.originY = originY;
    }

    @Override
    public synchronized void pointer(int x, int y, int buttonMask) {
        robot.mouseMove(originX + x, originY + y);
        for (int b = 0; b < BUTTON_MASKS.length; b++) {
            int bit = 1 << b;
            if ((buttonMask & bit) != (this.buttonMask & bit)) {
                if ((buttonMask & bit) != 0) robot.mousePress(BUTTON_MASKS[b]);
                else robot.mouseRelease(BUTTON_MASKS[b]);
            }
        }
        this.buttonMask = buttonMask & 0b111;
    }

    @Override
    public synchronized void wheel(int dx, int dy) {
        if (dy != 0) robot.mouseWheel(dy);
    }

    @Override
    public synchronized void key(int keysym, boolean down) {
        if (!down) {
            KeysymStrokes.Stroke stroke = pressed.remove(keysym);
            if (stroke != null) robot.keyRelease(stroke.keyCode());
            if (stroke != null && KeysymStrokes.isShift(keysym)) shiftsHeld = Math.max(0, shiftsHeld - 1);
            return;
        }
        Optional<KeysymStrokes.Stroke> found = KeysymStrokes.of(keysym);
        if (found.isEmpty()) return;
        KeysymStrokes.Stroke stroke = found.get();
        if (KeysymStrokes.isShift(keysym)) {
            shiftsHeld++;
            robot.keyPress(stroke.keyCode());
        } else {
            boolean addShift = stroke.shift() && shiftsHeld == 0;
            // A character keysym already says which case the expert wants; function keys keep Shift (Shift+Tab).
            boolean liftShift = !stroke.shift() && shiftsHeld > 0 && KeysymStrokes.isCharacter(keysym);
            if (addShift) robot.keyPress(KeyEvent.VK_SHIFT);
            if (liftShift) robot.keyRelease(KeyEvent.VK_SHIFT);
            robot.keyPress(stroke.keyCode());
            if (addShift) robot.keyRelease(KeyEvent.VK_SHIFT);
            if (liftShift) robot.keyPress(KeyEvent.VK_SHIFT);
        }
        pressed.put(keysym, stroke);
    }

    /** Lets go of every key and button still held, so a stopped sink leaves nothing pressed. */
    @Override
    public synchronized void releaseAll() {
        for (KeysymStrokes.Stroke s : pressed.values()) robot.keyRelease(s.keyCode());
        pressed.clear();
        shiftsHeld = 0;
        for (int b = 0; b < BUTTON_MASKS.length; b++) {
            if ((buttonMask & (1 << b)) != 0) robot.mouseRelease(BUTTON_MASKS[b]);
        }
        buttonMask = 0;
    }
}
