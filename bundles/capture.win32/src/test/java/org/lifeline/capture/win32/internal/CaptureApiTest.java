package org.lifeline.capture.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class CaptureApiTest {
    /** GetCursorInfo fails unless cbSize is exactly sizeof(CURSORINFO): 24 bytes on 64-bit Windows, 20 on 32-bit. */
    @Test
    void cursorInfoDeclaresItsOwnSizeAsWindowsLaysItOut() {
        assertThat(new CaptureApi.CursorInfo().cbSize).isEqualTo(Native.POINTER_SIZE == 8 ? 24 : 20);
    }
}
