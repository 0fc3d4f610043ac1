package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_FN;
import static org.lifeline.input.macos.internal.MacKeys.FLAG_NUMERIC_PAD;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacKeysTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Return,     0xff0d, 0x24, 0,        0",
        "Tab,        0xff09, 0x30, 0,        0",
        "space,      0x0020, 0x31, 0,        0",
        "BackSpace,  0xff08, 0x33, 0,        0",
        "Escape,     0xff1b, 0x35, 0,        0",
        "Home,       0xff50, 0x73, 0,        0x800000",
        "End,        0xff57, 0x77, 0,        0x800000",
        "Prior,      0xff55, 0x74, 0,        0x800000",
        "Next,       0xff56, 0x79, 0,        0x800000",
        "Insert,     0xff63, 0x72, 0,        0x800000",
        "Delete,     0xffff, 0x75, 0,        0x800000",
        "Left,       0xff51, 0x7B, 0,        0xA00000",
        "Right,      0xff53, 0x7C, 0,        0xA00000",
        "Down,       0xff54, 0x7D, 0,        0xA00000",
        "Up,         0xff52, 0x7E, 0,        0xA00000",
        "KP_Enter,   0xff8d, 0x4C, 0,        0x200000",
        "KP_5,       0xffb5, 0x57, 0,        0x200000",
        "Shift_L,    0xffe1, 0x38, 0x20000,  0",
        "Shift_R,    0xffe2, 0x3C, 0x20000,  0",
        "Control_L,  0xffe3, 0x3B, 0x40000,  0",
        "Control_R,  0xffe4, 0x3E, 0x40000,  0",
        "Alt_L,      0xffe9, 0x3A, 0x80000,  0",
        "Alt_R,      0xffea, 0x3D, 0x80000,  0",
        "Super_L,    0xffeb, 0x37, 0x100000, 0",
        "Super_R,    0xffec, 0x36, 0x100000, 0",
        "Meta_L,     0xffe7, 0x37, 0x100000, 0",
        "F1,         0xffbe, 0x7A, 0,        0x800000",
        "F2,         0xffbf, 0x78, 0,        0x800000",
        "F12,        0xffc9, 0x6F, 0,        0x800000",
        "F20,        0xffd1, 0x5A, 0,        0x800000"
    })
    void namedKeyHasItsMacKeyCodeAndFlags(String name, String keysym, String code, String modifier, String extra) {
        assertThat(MacKeys.named(Integer.decode(keysym)))
                .isEqualTo(new MacKeys.Key(Integer.decode(code), Long.decode(modifier), Long.decode(extra)));
    }

    @Test
    void functionKeysF1ToF20HaveDistinctCodesAndF21UpHaveNone() {
        assertThat(IntStream.rangeClosed(0, 19).map(i -> MacKeys.named(0xffbe + i).code()).distinct().count()).isEqualTo(20);
        assertThat(MacKeys.named(0xffd2)).isNull();
        assertThat(MacKeys.named(0xffbe).extraFlags()).isEqualTo(FLAG_FN);
        assertThat(MacKeys.named(0xffb0).extraFlags()).isEqualTo(FLAG_NUMERIC_PAD);
    }

    @Test
    void everyPrintableAsciiCharacterHasAnAnsiKeyAndShiftedOnesShareTheirBaseKey() {
        for (char c = '!'; c <= '~'; c++) assertThat(MacKeys.ansi(c)).as("'%s'", c).isNotNull();
        assertThat(MacKeys.ansi('a')).isEqualTo(new MacKeys.Position(0x00, false));
        assertThat(MacKeys.ansi('A')).isEqualTo(new MacKeys.Position(0x00, true));
        assertThat(MacKeys.ansi('!')).isEqualTo(new MacKeys.Position(0x12, true));
        assertThat(MacKeys.ansi('1')).isEqualTo(new MacKeys.Position(0x12, false));
        assertThat(MacKeys.ansi('"')).isEqualTo(new MacKeys.Position(0x27, true));
        assertThat(MacKeys.ansi('\u00e9')).isNull();
    }
}
