package org.lifeline.api.input;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The expert's side of control: sends input to the novice. Input is sent only while this session is
 * IN_CONTROL; otherwise it is refused here with a clear message (and the novice would drop it anyway).
 * Coordinates are in the shared screen's pixels; keys are X keysyms.
 */
@ProviderType
public interface RemoteInput {
    /** Types text: each character becomes the keysym that produces it (press and release). */
    void type(String sessionId, String text);

    /** Presses and releases one key given by keysym (e.g. 0xff0d Return, 0xff1b Escape). */
    void key(String sessionId, int keysym);

    /** Moves the pointer to (x, y) and clicks {@code button} (1 left, 2 middle, 3 right). */
    void click(String sessionId, int x, int y, int button);

    void pointer(String sessionId, int x, int y, int buttonMask);

    void wheel(String sessionId, int dx, int dy);
}
