package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.input.macos.internal.QuartzStub.BUTTON;
import static org.lifeline.input.macos.internal.QuartzStub.CLICK_STATE;
import static org.lifeline.input.macos.internal.QuartzStub.CODE;
import static org.lifeline.input.macos.internal.QuartzStub.DOWN;
import static org.lifeline.input.macos.internal.QuartzStub.FLAGS;
import static org.lifeline.input.macos.internal.QuartzStub.KIND;
import static org.lifeline.input.macos.internal.QuartzStub.TAP;
import static org.lifeline.input.macos.internal.QuartzStub.TYPE;
import static org.lifeline.input.macos.internal.QuartzStub.UNITS;
import static org.lifeline.input.macos.internal.QuartzStub.USER_DATA;
import static org.lifeline.input.macos.internal.QuartzStub.WHEEL1;
import static org.lifeline.input.macos.internal.QuartzStub.WHEEL2;
import static org.lifeline.input.macos.internal.QuartzStub.WHEEL3;
import static org.lifeline.input.macos.internal.QuartzStub.WHEEL_COUNT;
import static org.lifeline.input.macos.internal.QuartzStub.X1000;
import static org.lifeline.input.macos.internal.QuartzStub.Y1000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events QuartzPoster posts, as a C function with CoreGraphics' prototypes receives them (see quartz-stub.c). */
class QuartzPosterTest {
    private QuartzStub.Control stub;
    private final QuartzPoster poster = new QuartzPoster();

    @BeforeEach
    void stub() throws Exception {
        stub = QuartzStub.install();
    }

    @Test
    void keyEventCarriesCodeDirectionFlagsTextAndLifelinesMarkAndGoesInAtTheHidLevel() {
        int live = stub.stub_live();
        poster.post(new KeyEvent(0x7E, true, MacKeys.FLAG_COMMAND | MacKeys.FLAG_FN, "\uD83D\uDE00"));
        assertThat(stub.stub_posted()).isEqualTo(1);
        assertThat(stub.stub_value(0, KIND)).isEqualTo(QuartzStub.KIND_KEY);
        assertThat(stub.stub_value(0, CODE)).isEqualTo(0x7E);
        assertThat(stub.stub_value(0, DOWN)).isEqualTo(1);
        assertThat(stub.stub_value(0, FLAGS)).isEqualTo(MacKeys.FLAG_COMMAND | MacKeys.FLAG_FN);
        assertThat(stub.stub_value(0, USER_DATA)).isEqualTo(EscapeDecision.LIFELINE_MARK);
        assertThat(stub.stub_value(0, TAP)).isEqualTo(Quartz.HID_EVENT_TAP);
        char[] text = new char[32];
        int n = stub.stub_text(0, text);
        assertThat(new String(text, 0, n)).isEqualTo("\uD83D\uDE00");
        assertThat(stub.stub_live()).isEqualTo(live);
    }

    @Test
    void keyReleaseIsNotADown() {
        poster.post(new KeyEvent(0x35, false, 0, null));
        assertThat(stub.stub_value(0, DOWN)).isZero();
        assertThat(stub.stub_value(0, CODE)).isEqualTo(MacKeys.ESCAPE);
    }

    @Test
    void mouseEventCarriesItsPointByValueButtonAndClickCount() {
        int live = stub.stub_live();
        poster.post(new MousePlanner.MouseEvent(MousePlanner.RIGHT_DOWN, MousePlanner.BUTTON_RIGHT, -1200, 345, 2),
                MacKeys.FLAG_CONTROL);
        assertThat(stub.stub_value(0, KIND)).isEqualTo(QuartzStub.KIND_MOUSE);
        assertThat(stub.stub_value(0, TYPE)).isEqualTo(MousePlanner.RIGHT_DOWN);
        assertThat(stub.stub_value(0, BUTTON)).isEqualTo(MousePlanner.BUTTON_RIGHT);
        assertThat(stub.stub_value(0, X1000)).isEqualTo(-1_200_000);
        assertThat(stub.stub_value(0, Y1000)).isEqualTo(345_000);
        assertThat(stub.stub_value(0, CLICK_STATE)).isEqualTo(2);
        assertThat(stub.stub_value(0, FLAGS)).isEqualTo(MacKeys.FLAG_CONTROL);
        assertThat(stub.stub_value(0, USER_DATA)).isEqualTo(EscapeDecision.LIFELINE_MARK);
        assertThat(stub.stub_live()).isEqualTo(live);
    }

    @Test
    void scrollIsTwoAxesOfLines() {
        poster.scroll(MousePlanner.wheel(1, 3));
        assertThat(stub.stub_value(0, KIND)).isEqualTo(QuartzStub.KIND_SCROLL);
        assertThat(stub.stub_value(0, UNITS)).isEqualTo(Quartz.SCROLL_UNIT_LINE);
        assertThat(stub.stub_value(0, WHEEL_COUNT)).isEqualTo(2);
        assertThat(stub.stub_value(0, WHEEL1)).isEqualTo(-3);
        assertThat(stub.stub_value(0, WHEEL2)).isEqualTo(-1);
        assertThat(stub.stub_value(0, WHEEL3)).isZero();
        assertThat(stub.stub_value(0, USER_DATA)).isEqualTo(EscapeDecision.LIFELINE_MARK);
    }
}
