package org.lifeline.capture.macos.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.lifeline.api.LifelineException;

class MacScreenSourceTest {
    @Test
    @DisabledOnOs(OS.MAC)
    void onAnotherSystemItRefusesWithOneClearLineBeforeTouchingCoreGraphics() {
        MacScreenSource source = new MacScreenSource();
        assertThatThrownBy(source::activate).isInstanceOf(LifelineException.class)
                .hasMessageContaining("cannot run on " + System.getProperty("os.name"));
        assertThatThrownBy(source::monitors).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> source.open(-1)).isInstanceOf(LifelineException.class);
    }
}
