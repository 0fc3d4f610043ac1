package org.lifeline.capture.win32.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.lifeline.api.LifelineException;

class Win32ScreenSourceTest {
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void onAnotherSystemItRefusesWithOneClearLineBeforeTouchingGdi() {
        Win32ScreenSource source = new Win32ScreenSource();
        assertThatThrownBy(source::activate).isInstanceOf(LifelineException.class)
                .hasMessageContaining("cannot run on " + System.getProperty("os.name"));
        assertThatThrownBy(source::monitors).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> source.open(-1)).isInstanceOf(LifelineException.class);
    }
}
