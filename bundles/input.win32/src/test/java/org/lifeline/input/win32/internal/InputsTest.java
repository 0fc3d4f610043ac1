package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinUser.INPUT;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packing needs JNA's native dispatch library (present for Linux in the jna jar) but no Windows DLL. */
class InputsTest {
    @Test
    void keyboardStrokesBecomeContiguousTaggedKeyboardInputs() {
        INPUT[] inputs = Inputs.keyboard(List.of(KeyStroke.press(0x25, 0x4B, true), KeyStroke.unicode('\u0416', true)));
        assertThat(inputs).hasSize(2);
        assertThat(Pointer.nativeValue(inputs[1].getPointer()) - Pointer.nativeValue(inputs[0].getPointer())).isEqualTo(inputs[0].size());
        assertThat(inputs[0].type.intValue()).isEqualTo(INPUT.INPUT_KEYBOARD);
        assertThat(inputs[0].input.ki.wVk.intValue()).isEqualTo(0x25);
        assertThat(inputs[0].input.ki.wScan.intValue()).isEqualTo(0x4B);
        assertThat(inputs[0].input.ki.dwFlags.intValue()).isEqualTo(KeyStroke.EXTENDED);
        assertThat(inputs[1].input.ki.wVk.intValue()).isZero();
        assertThat(inputs[1].input.ki.wScan.intValue()).isEqualTo(0x416);
        assertThat(inputs[1].input.ki.dwFlags.intValue()).isEqualTo(KeyStroke.UNICODE | KeyStroke.KEYUP);
        assertThat(inputs[1].input.ki.dwExtraInfo.longValue()).isEqualTo(EscapeDecision.LIFELINE_MARK);
    }

    @Test
    void negativeWheelDeltaIsWrittenToNativeMemoryAsItsTwosComplement() {
        INPUT[] inputs = Inputs.mouse(PointerMath.wheel(0, 1));
        INPUT written = new INPUT(inputs[0].getPointer());
        written.input.setType("mi");
        written.read();
        assertThat(written.type.intValue()).isEqualTo(INPUT.INPUT_MOUSE);
        assertThat(written.input.mi.mouseData.longValue()).isEqualTo(0xFFFF_FF88L);
        assertThat(written.input.mi.dwFlags.intValue()).isEqualTo(PointerMath.WHEEL);
        assertThat(written.input.mi.dwExtraInfo.longValue()).isEqualTo(EscapeDecision.LIFELINE_MARK);
    }
}
