package org.lifeline.input.win32.internal;

import com.sun.jna.platform.win32.BaseTSD.ULONG_PTR;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinDef.LONG;
import com.sun.jna.platform.win32.WinDef.WORD;
import com.sun.jna.platform.win32.WinUser.INPUT;
import java.util.List;

/** Packs strokes into the contiguous INPUT array SendInput takes, each tagged as Lifeline's. */
final class Inputs {
    private Inputs() {
    }

    static INPUT[] keyboard(List<KeyStroke> strokes) {
        INPUT[] inputs = (INPUT[]) new INPUT().toArray(strokes.size());
        for (int i = 0; i < inputs.length; i++) {
            KeyStroke s = strokes.get(i);
            INPUT in = inputs[i];
            in.type = new DWORD(INPUT.INPUT_KEYBOARD);
            in.input.setType("ki");
            in.input.ki.wVk = new WORD(s.vk());
            in.input.ki.wScan = new WORD(s.scan());
            in.input.ki.dwFlags = new DWORD(s.flags());
            in.input.ki.time = new DWORD(0);
            in.input.ki.dwExtraInfo = new ULONG_PTR(EscapeDecision.LIFELINE_MARK);
            in.write();
        }
        return inputs;
    }

    static INPUT[] mouse(List<PointerMath.MouseStroke> strokes) {
        INPUT[] inputs = (INPUT[]) new INPUT().toArray(strokes.size());
        for (int i = 0; i < inputs.length; i++) {
            PointerMath.MouseStroke s = strokes.get(i);
            INPUT in = inputs[i];
            in.type = new DWORD(INPUT.INPUT_MOUSE);
            in.input.setType("mi");
            in.input.mi.dx = new LONG(s.dx());
            in.input.mi.dy = new LONG(s.dy());
            // mouseData is a DWORD holding a signed wheel delta.
            in.input.mi.mouseData = new DWORD(s.mouseData() & 0xFFFF_FFFFL);
            in.input.mi.dwFlags = new DWORD(s.flags());
            in.input.mi.time = new DWORD(0);
            in.input.mi.dwExtraInfo = new ULONG_PTR(EscapeDecision.LIFELINE_MARK);
            in.write();
        }
        return inputs;
    }
}
