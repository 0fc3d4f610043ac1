package org.lifeline.input.x11.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardMapTest {
    /** Keycodes 8..11 with 6 columns: 'a'/'A', '1'/'!', an empty key, and a key with AltGr '€' on column 4. */
    private final KeyboardMap map = new KeyboardMap(8, 6, new long[] {
            'a', 'A', 'a', 'A', 0, 0,
            '1', '!', '1', '!', 0, 0,
            0, 0, 0, 0, 0, 0,
            'e', 'E', 'e', 'E', 0x20ac, 0});

    @Test
    void plainKeysNeedNoModifier() {
        assertThat(map.find('a')).contains(new KeyboardMap.Place(8, 0));
        assertThat(map.find('a').get().needsShift()).isFalse();
    }

    @Test
    void shiftedCharactersNeedShift() {
        KeyboardMap.Place bang = map.find('!').orElseThrow();
        assertThat(bang).isEqualTo(new KeyboardMap.Place(9, 1));
        assertThat(bang.needsShift()).isTrue();
        assertThat(bang.needsLevel3()).isFalse();
    }

    @Test
    void altGrCharactersNeedLevel3() {
        KeyboardMap.Place euro = map.find(0x20ac).orElseThrow();
        assertThat(euro.needsLevel3()).isTrue();
        assertThat(euro.needsShift()).isFalse();
    }

    @Test
    void letterKeysAreAlphabeticAndDigitKeysAreNot() {
        assertThat(map.isAlphabetic(8)).isTrue();
        assertThat(map.isAlphabetic(9)).isFalse();
        assertThat(map.isAlphabetic(10)).isFalse();
    }

    @Test
    void keysymsOffTheKeyboardAreNotFoundAndEmptyKeysAreSpare() {
        assertThat(map.find(0x6d6)).isEmpty();
        assertThat(map.spareKeycodes()).containsExactly(10);
        assertThat(map.keycodesOf('1')).containsExactly(9);
    }
}
