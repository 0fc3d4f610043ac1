package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VirtualKeysTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Return,      0xff0d, 0x0D, 0x1C, false",
        "Escape,      0xff1b, 0x1B, 0x01, false",
        "Tab,         0xff09, 0x09, 0x0F, false",
        "BackSpace,   0xff08, 0x08, 0x0E, false",
        "space,       0x0020, 0x20, 0x39, false",
        "Left,        0xff51, 0x25, 0x4B, true",
        "Up,          0xff52, 0x26, 0x48, true",
        "Right,       0xff53, 0x27, 0x4D, true",
        "Down,        0xff54, 0x28, 0x50, true",
        "Home,        0xff50, 0x24, 0x47, true",
        "End,         0xff57, 0x23, 0x4F, true",
        "Prior,       0xff55, 0x21, 0x49, true",
        "Next,        0xff56, 0x22, 0x51, true",
        "Insert,      0xff63, 0x2D, 0x52, true",
        "Delete,      0xffff, 0x2E, 0x53, true",
        "Shift_L,     0xffe1, 0xA0, 0x2A, false",
        "Shift_R,     0xffe2, 0xA1, 0x36, false",
        "Control_L,   0xffe3, 0xA2, 0x1D, false",
        "Control_R,   0xffe4, 0xA3, 0x1D, true",
        "Alt_L,       0xffe9, 0xA4, 0x38, false",
        "Alt_R,       0xffea, 0xA5, 0x38, true",
        "Super_L,     0xffeb, 0x5B, 0x5B, true",
        "Super_R,     0xffec, 0x5C, 0x5C, true",
        "Caps_Lock,   0xffe5, 0x14, 0x3A, false",
        "Menu,        0xff67, 0x5D, 0x5D, true",
        "KP_Enter,    0xff8d, 0x0D, 0x1C, true",
        "KP_Divide,   0xffaf, 0x6F, 0x35, true",
        "KP_7,        0xffb7, 0x67, 0x47, false",
        "F1,          0xffbe, 0x70, 0x3B, false",
        "F10,         0xffc7, 0x79, 0x44, false",
        "F11,         0xffc8, 0x7A, 0x57, false",
        "F12,         0xffc9, 0x7B, 0x58, false",
        "F13,         0xffca, 0x7C, 0x64, false",
        "F24,         0xffd5, 0x87, 0x76, false"
    })
    void namedKeyHasItsVirtualKeyScanCodeAndExtendedFlag(String name, String keysym, String vk, String scan,
            boolean extended) {
        assertThat(VirtualKeys.named(Integer.decode(keysym)))
                .isEqualTo(new VirtualKeys.Key(Integer.decode(vk), Integer.decode(scan), extended));
    }

    @Test
    void everyFunctionKeyF1ToF24MapsToConsecutiveVirtualKeysWithDistinctScanCodes() {
        assertThat(IntStream.rangeClosed(0, 23).map(i -> VirtualKeys.named(0xffbe + i).vk()))
                .containsExactlyElementsOf(IntStream.rangeClosed(0x70, 0x87).boxed().toList());
        assertThat(IntStream.rangeClosed(0, 23).map(i -> VirtualKeys.named(0xffbe + i).scan()).distinct().count())
                .isEqualTo(24);
    }

    @Test
    void lettersAreNotNamedKeys() {
        assertThat(VirtualKeys.named('a')).isNull();
        assertThat(VirtualKeys.named(0x1000441)).isNull();
    }
}
