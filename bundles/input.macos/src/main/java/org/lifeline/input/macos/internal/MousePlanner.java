package org.lifeline.input.macos.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns pointer updates into mouse CGEvents. Moves with a button held are drag events (applications
 * ignore plain moves during a drag), and every press carries a click count, because macOS applications
 * recognise a double-click only by the event's click state, never by timing the events themselves.
 *
 * <p>Not thread-safe: one planner per sink, used under its lock.
 */
final class MousePlanner {
    static final int LEFT_DOWN = 1, LEFT_UP = 2, RIGHT_DOWN = 3, RIGHT_UP = 4, MOVED = 5, LEFT_DRAGGED = 6,
            RIGHT_DRAGGED = 7, OTHER_DOWN = 25, OTHER_UP = 26, OTHER_DRAGGED = 27;
    static final int BUTTON_LEFT = 0, BUTTON_RIGHT = 1, BUTTON_CENTER = 2;
    /** macOS's default double-click interval; the user's own setting needs AppKit to read. */
    static final long DOUBLE_CLICK_MILLIS = 500;
    /** How far (in points) the pointer may move between the clicks of a double-click. */
    static final int DOUBLE_CLICK_SLOP = 4;
    static final int MAX_NOTCHES = 100;

    /** One mouse CGEvent at (x, y) in global points. */
    record MouseEvent(int type, int button, int x, int y, int clickCount) {
    }

    private int buttons;
    private int lastX = Integer.MIN_VALUE;
    private int lastY = Integer.MIN_VALUE;
    private int lastClickButton = -1;
    private long lastClickAt;
    private int lastClickX;
    private int lastClickY;
    private int clickCount;

    /**
     * @param x global x in points (area origin already added)
     * @param mask bit 0 left, 1 middle, 2 right
     * @param nowMillis a monotonic clock, for double-clicks
     */
    List<MouseEvent> pointer(int x, int y, int mask, long nowMillis) {
        mask &= 7;
        List<MouseEvent> out = new ArrayList<>(2);
        boolean moved = x != lastX || y != lastY;
        if (moved || mask == buttons) out.add(move(x, y));
        lastX = x;
        lastY = y;
        int changed = buttons ^ mask;
        for (int bit = 0; bit < 3; bit++) {
            if ((changed & (1 << bit)) == 0) continue;
            int button = bit == 0 ? BUTTON_LEFT : bit == 1 ? BUTTON_CENTER : BUTTON_RIGHT;
            boolean down = (mask & (1 << bit)) != 0;
            if (down) countClick(button, x, y, nowMillis);
            out.add(new MouseEvent(type(button, down), button, x, y, button == lastClickButton ? clickCount : 1));
        }
        buttons = mask;
        return out;
    }

    /** Releases whatever the expert left pressed. */
    List<MouseEvent> releaseAll() {
        return buttons == 0 ? List.of() : pointer(lastX, lastY, 0, lastClickAt);
    }

    private MouseEvent move(int x, int y) {
        if ((buttons & 1) != 0) return new MouseEvent(LEFT_DRAGGED, BUTTON_LEFT, x, y, 0);
        if ((buttons & 4) != 0) return new MouseEvent(RIGHT_DRAGGED, BUTTON_RIGHT, x, y, 0);
        if ((buttons & 2) != 0) return new MouseEvent(OTHER_DRAGGED, BUTTON_CENTER, x, y, 0);
        return new MouseEvent(MOVED, BUTTON_LEFT, x, y, 0);
    }

    private void countClick(int button, int x, int y, long now) {
        boolean again = button == lastClickButton && now - lastClickAt <= DOUBLE_CLICK_MILLIS
                && Math.abs(x - lastClickX) <= DOUBLE_CLICK_SLOP && Math.abs(y - lastClickY) <= DOUBLE_CLICK_SLOP;
        clickCount = again ? clickCount + 1 : 1;
        lastClickButton = button;
        lastClickAt = now;
        lastClickX = x;
        lastClickY = y;
    }

    private static int type(int button, boolean down) {
        return switch (button) {
            case BUTTON_LEFT -> down ? LEFT_DOWN : LEFT_UP;
            case BUTTON_RIGHT -> down ? RIGHT_DOWN : RIGHT_UP;
            default -> down ? OTHER_DOWN : OTHER_UP;
        };
    }

    /**
     * Line-scroll amounts for CGEventCreateScrollWheelEvent2: axis 1 is vertical with positive meaning up,
     * axis 2 horizontal with positive meaning left, the opposite of the api's down/right.
     */
    static int[] wheel(int dx, int dy) {
        return new int[] {-clamp(dy), -clamp(dx)};
    }

    private static int clamp(int n) {
        return Math.max(-MAX_NOTCHES, Math.min(MAX_NOTCHES, n));
    }
}
