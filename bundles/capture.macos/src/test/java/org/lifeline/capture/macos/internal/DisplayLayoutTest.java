package org.lifeline.capture.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;

class DisplayLayoutTest {
    private static final DisplayLayout.RawDisplay BUILT_IN = new DisplayLayout.RawDisplay(1, 0, 0, 1512, 982, true);
    private static final DisplayLayout.RawDisplay ABOVE_LEFT = new DisplayLayout.RawDisplay(7, -400, -1440, 2560, 1440, false);

    @Test
    void mainDisplayComesFirstAndOthersFollowByPosition() {
        DisplayLayout layout = DisplayLayout.of(List.of(ABOVE_LEFT, BUILT_IN));
        assertThat(layout.monitors()).containsExactly(new Monitor(0, "Display 1", new Rect(0, 0, 1512, 982), true),
                new Monitor(1, "Display 7", new Rect(-400, -1440, 2560, 1440), false));
    }

    @Test
    void wholeDesktopCoversDisplaysWithNegativeOrigins() {
        DisplayLayout layout = DisplayLayout.of(List.of(BUILT_IN, ABOVE_LEFT));
        assertThat(layout.bounds(-1)).isEqualTo(new Rect(-400, -1440, 2560, 2422));
        assertThat(layout.displays(-1)).extracting(DisplayLayout.Display::id).containsExactly(1, 7);
        assertThat(layout.displays(1)).extracting(DisplayLayout.Display::id).containsExactly(7);
    }

    @Test
    void fractionalPointBoundsAreRounded() {
        DisplayLayout layout = DisplayLayout.of(List.of(new DisplayLayout.RawDisplay(3, 0.4, 0, 1279.6, 799.5, true)));
        assertThat(layout.bounds(0)).isEqualTo(new Rect(0, 0, 1280, 800));
    }

    @Test
    void unknownMonitorIsRefused() {
        DisplayLayout layout = DisplayLayout.of(List.of(BUILT_IN));
        assertThatThrownBy(() -> layout.displays(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
