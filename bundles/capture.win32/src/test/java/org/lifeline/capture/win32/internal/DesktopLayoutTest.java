package org.lifeline.capture.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;

class DesktopLayoutTest {
    private static final DesktopLayout.RawMonitor PRIMARY =
            new DesktopLayout.RawMonitor("\\\\.\\DISPLAY1", 0, 0, 1920, 1080, true);
    private static final DesktopLayout.RawMonitor LEFT_HIGHER =
            new DesktopLayout.RawMonitor("\\\\.\\DISPLAY2", -1280, -200, 0, 824, false);
    private static final DesktopLayout.RawMonitor RIGHT =
            new DesktopLayout.RawMonitor("\\\\.\\DISPLAY3", 1920, 300, 3840, 1380, false);

    @Test
    void primaryComesFirstThenLeftToRightWhateverTheEnumerationOrder() {
        DesktopLayout layout = DesktopLayout.of(List.of(RIGHT, LEFT_HIGHER, PRIMARY));
        assertThat(layout.monitors()).containsExactly(
                new Monitor(0, "\\\\.\\DISPLAY1", new Rect(0, 0, 1920, 1080), true),
                new Monitor(1, "\\\\.\\DISPLAY2", new Rect(-1280, -200, 1280, 1024), false),
                new Monitor(2, "\\\\.\\DISPLAY3", new Rect(1920, 300, 1920, 1080), false));
    }

    @Test
    void desktopIsTheUnionIncludingNegativeOrigins() {
        DesktopLayout layout = DesktopLayout.of(List.of(PRIMARY, LEFT_HIGHER, RIGHT));
        assertThat(layout.desktop()).isEqualTo(new Rect(-1280, -200, 5120, 1580));
        assertThat(layout.bounds(-1)).isEqualTo(layout.desktop());
        assertThat(layout.bounds(1)).isEqualTo(new Rect(-1280, -200, 1280, 1024));
    }

    @Test
    void monitorWithoutADeviceNameGetsANumberAndEmptyOnesAreDropped() {
        DesktopLayout layout = DesktopLayout.of(List.of(new DesktopLayout.RawMonitor("", 0, 0, 800, 600, true),
                new DesktopLayout.RawMonitor("ghost", 800, 0, 800, 600, false)));
        assertThat(layout.monitors()).containsExactly(new Monitor(0, "Monitor 1", new Rect(0, 0, 800, 600), true));
    }

    @Test
    void unknownMonitorIsRefused() {
        DesktopLayout layout = DesktopLayout.of(List.of(PRIMARY));
        assertThatThrownBy(() -> layout.bounds(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> layout.bounds(-2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
