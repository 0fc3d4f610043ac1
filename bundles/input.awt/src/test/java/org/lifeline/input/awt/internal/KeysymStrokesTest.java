package org.lifeline.input.awt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import org.junit.jupiter.api.Test;

class KeysymStrokesTest {
    @Test
    void lettersAndDigitsAreTheirKeysWithShiftForCapitals() {
        assertThat(KeysymStrokes.of('a')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_A, false));
        assertThat(KeysymStrokes.of('Z')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_Z, true));
        assertThat(KeysymStrokes.of('7')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_7, false));
    }

    @Test
    void punctuationFollowsTheUsLayout() {
        assertThat(KeysymStrokes.of('!')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_1, true));
        assertThat(KeysymStrokes.of('"')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_QUOTE, true));
        assertThat(KeysymStrokes.of('&')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_7, true));
        assertThat(KeysymStrokes.of('(')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_9, true));
        assertThat(KeysymStrokes.of(';')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_SEMICOLON, false));
        assertThat(KeysymStrokes.of(' ')).contains(new KeysymStrokes.Stroke(KeyEvent.VK_SPACE, false));
    }

    @Test
    void functionKeysymsAreTheirKeys() {
        assertThat(KeysymStrokes.of(0xff0d)).contains(new KeysymStrokes.Stroke(KeyEvent.VK_ENTER, false));
        assertThat(KeysymStrokes.of(0xff1b)).contains(new KeysymStrokes.Stroke(KeyEvent.VK_ESCAPE, false));
        assertThat(KeysymStrokes.of(0xffc2)).contains(new KeysymStrokes.Stroke(KeyEvent.VK_F5, false));
        assertThat(KeysymStrokes.of(0xffe1)).contains(new KeysymStrokes.Stroke(KeyEvent.VK_SHIFT, false));
    }

    @Test
    void latin1AndUnicodeKeysymsUseExtendedKeyCodes() {
        assertThat(KeysymStrokes.of(0xe9)).contains(new KeysymStrokes.Stroke(KeyEvent.getExtendedKeyCodeForChar('é'), false));
        assertThat(KeysymStrokes.of(0x1000436)).contains(new KeysymStrokes.Stroke(KeyEvent.getExtendedKeyCodeForChar('ж'), false));
    }

    @Test
    void charactersAreToldFromFunctionKeys() {
        assertThat(KeysymStrokes.isCharacter('a')).isTrue();
        assertThat(KeysymStrokes.isCharacter(0x1000436)).isTrue();
        assertThat(KeysymStrokes.isCharacter(0xff09)).isFalse();
        assertThat(KeysymStrokes.isCharacter(0xffe1)).isFalse();
    }

    @Test
    void controlCharactersAndUnknownKeysymsCannotBeTyped() {
        assertThat(KeysymStrokes.of(0x08)).isEmpty();
        assertThat(KeysymStrokes.of(0xfe50)).isEmpty();
        assertThat(KeysymStrokes.of(0x1000000 + 0x1f600)).isEmpty();
    }
}
