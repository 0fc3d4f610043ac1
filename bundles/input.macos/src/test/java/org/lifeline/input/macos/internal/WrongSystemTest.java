package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.lifeline.api.LifelineException;

@DisabledOnOs(OS.MAC)
class WrongSystemTest {
    @Test
    void sinkRefusesWithOneClearLineBeforeTouchingCoreGraphics() {
        MacInputSink sink = new MacInputSink();
        assertThatThrownBy(sink::activate).isInstanceOf(LifelineException.class)
                .hasMessageContaining("cannot run on " + System.getProperty("os.name"));
        assertThatThrownBy(() -> sink.key(0xff0d, true)).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> sink.pointer(1, 1, 0)).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> sink.wheel(0, 1)).isInstanceOf(LifelineException.class);
    }

    @Test
    void escapeWatcherRefusesWithOneClearLine() {
        MacEscapeWatcher watcher = new MacEscapeWatcher();
        assertThatThrownBy(watcher::activate).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> watcher.watch(() -> { })).isInstanceOf(LifelineException.class);
    }
}
