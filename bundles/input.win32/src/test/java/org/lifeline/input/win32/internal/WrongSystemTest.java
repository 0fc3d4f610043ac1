package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.lifeline.api.LifelineException;

@DisabledOnOs(OS.WINDOWS)
class WrongSystemTest {
    @Test
    void sinkRefusesWithOneClearLineBeforeTouchingUser32() {
        Win32InputSink sink = new Win32InputSink();
        assertThatThrownBy(sink::activate).isInstanceOf(LifelineException.class)
                .hasMessageContaining("cannot run on " + System.getProperty("os.name"));
        assertThatThrownBy(() -> sink.key(0xff0d, true)).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> sink.pointer(1, 1, 0)).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> sink.wheel(0, 1)).isInstanceOf(LifelineException.class);
    }

    @Test
    void escapeWatcherRefusesWithOneClearLine() {
        Win32EscapeWatcher watcher = new Win32EscapeWatcher();
        assertThatThrownBy(watcher::activate).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> watcher.watch(() -> { })).isInstanceOf(LifelineException.class);
    }
}
