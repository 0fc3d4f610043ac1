package org.lifeline.api.input;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applies the expert's input to the novice's desktop. The session layer calls it only while control is
 * granted. Coordinates are in the shared area's pixels; keys are X keysyms on every OS.
 */
@ProviderType
public interface InputSink {
    String SINK_ID = "input.sink";

    /** Moves the pointer and sets the button state (bit 0 left, 1 middle, 2 right). */
    void pointer(int x, int y, int buttonMask);

    /** Scrolls: positive dy is down, positive dx is right, in notches. */
    void wheel(int dx, int dy);

    /** Presses or releases the key that produces this keysym, with whatever modifiers it needs. */
    void key(int keysym, boolean down);

    /** The area coordinates refer to (set when sharing starts). */
    void area(int originX, int originY);

    /**
     * Lets go of every key and button the expert still holds. The session layer calls it whenever control
     * ends (Esc, stop, release, a dropped connection), so nothing stays pressed on the novice's desktop.
     */
    default void releaseAll() {
    }
}
