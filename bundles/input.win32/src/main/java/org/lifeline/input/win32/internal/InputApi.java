package org.lifeline.input.win32.internal;

import com.sun.jna.Native;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** user32 functions jna-platform does not declare; loaded only when first used, on Windows. */
public interface InputApi extends StdCallLibrary {
    InputApi INSTANCE = Native.load("user32", InputApi.class, W32APIOptions.DEFAULT_OPTIONS);

    /** Low bit of the result: the key (Caps Lock) is toggled on. */
    short GetKeyState(int virtualKey);
}
