package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.input.macos.internal.MousePlanner.BUTTON_CENTER;
import static org.lifeline.input.macos.internal.MousePlanner.BUTTON_LEFT;
import static org.lifeline.input.macos.internal.MousePlanner.BUTTON_RIGHT;

import org.junit.jupiter.api.Test;
import org.lifeline.input.macos.internal.MousePlanner.MouseEvent;

class MousePlannerTest {
    private final MousePlanner planner = new MousePlanner();

    @Test
    void plainMoveIsAMouseMovedEvent() {
        assertThat(planner.pointer(10, -20, 0, 0)).containsExactly(new MouseEvent(MousePlanner.MOVED, BUTTON_LEFT, 10, -20, 0));
    }

    @Test
    void pressAtTheSamePlaceIsJustThePress() {
        planner.pointer(10, 10, 0, 0);
        assertThat(planner.pointer(10, 10, 1, 0)).containsExactly(new MouseEvent(MousePlanner.LEFT_DOWN, BUTTON_LEFT, 10, 10, 1));
    }

    @Test
    void moveWithALeftButtonHeldIsADrag() {
        planner.pointer(10, 10, 1, 0);
        assertThat(planner.pointer(30, 10, 1, 10)).containsExactly(new MouseEvent(MousePlanner.LEFT_DRAGGED, BUTTON_LEFT, 30, 10, 0));
        assertThat(planner.pointer(30, 10, 0, 20)).containsExactly(new MouseEvent(MousePlanner.LEFT_UP, BUTTON_LEFT, 30, 10, 1));
    }

    @Test
    void rightAndMiddleButtonsUseTheirOwnEventTypes() {
        planner.pointer(0, 0, 0, 0);
        assertThat(planner.pointer(0, 0, 0b110, 0)).containsExactly(
                new MouseEvent(MousePlanner.OTHER_DOWN, BUTTON_CENTER, 0, 0, 1),
                new MouseEvent(MousePlanner.RIGHT_DOWN, BUTTON_RIGHT, 0, 0, 1));
        assertThat(planner.pointer(5, 0, 0b110, 0)).containsExactly(new MouseEvent(MousePlanner.RIGHT_DRAGGED, BUTTON_RIGHT, 5, 0, 0));
    }

    @Test
    void secondQuickClickAtTheSamePlaceIsADoubleClick() {
        click(100, 100, 1000);
        assertThat(planner.pointer(101, 100, 1, 1200)).endsWith(new MouseEvent(MousePlanner.LEFT_DOWN, BUTTON_LEFT, 101, 100, 2));
        assertThat(planner.pointer(101, 100, 0, 1250)).containsExactly(new MouseEvent(MousePlanner.LEFT_UP, BUTTON_LEFT, 101, 100, 2));
        assertThat(planner.pointer(101, 100, 1, 1400)).containsExactly(new MouseEvent(MousePlanner.LEFT_DOWN, BUTTON_LEFT, 101, 100, 3));
    }

    @Test
    void slowOrDistantSecondClickStartsAgainAtOne() {
        click(100, 100, 1000);
        assertThat(planner.pointer(100, 100, 1, 1000 + MousePlanner.DOUBLE_CLICK_MILLIS + 1))
                .containsExactly(new MouseEvent(MousePlanner.LEFT_DOWN, BUTTON_LEFT, 100, 100, 1));
        planner.pointer(100, 100, 0, 1600);
        assertThat(planner.pointer(120, 100, 1, 1700)).endsWith(new MouseEvent(MousePlanner.LEFT_DOWN, BUTTON_LEFT, 120, 100, 1));
    }

    @Test
    void clickWithAnotherButtonDoesNotCountTowardsADoubleClick() {
        click(0, 0, 0);
        planner.pointer(0, 0, 4, 100);
        assertThat(planner.pointer(0, 0, 5, 150)).containsExactly(new MouseEvent(MousePlanner.LEFT_DOWN, BUTTON_LEFT, 0, 0, 1));
    }

    @Test
    void releaseAllLiftsHeldButtonsWhereThePointerIs() {
        planner.pointer(7, 8, 1, 0);
        assertThat(planner.releaseAll()).containsExactly(new MouseEvent(MousePlanner.LEFT_UP, BUTTON_LEFT, 7, 8, 1));
        assertThat(planner.releaseAll()).isEmpty();
    }

    @Test
    void wheelDownAndRightBecomeNegativeQuartzAxesAndRunawaysAreCut() {
        assertThat(MousePlanner.wheel(2, 3)).containsExactly(-3, -2);
        assertThat(MousePlanner.wheel(0, -1)).containsExactly(1, 0);
        assertThat(MousePlanner.wheel(0, 5000)).containsExactly(-MousePlanner.MAX_NOTCHES, 0);
    }

    private void click(int x, int y, long at) {
        planner.pointer(x, y, 1, at);
        planner.pointer(x, y, 0, at + 50);
    }
}
