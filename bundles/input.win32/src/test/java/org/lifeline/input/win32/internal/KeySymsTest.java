package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeySymsTest {
    @Test
    void latin1KeysymsAreTheirOwnCharacters() {
        assertThat(KeySyms.codePoint('a')).isEqualTo('a');
        assertThat(KeySyms.codePoint(0xe9)).isEqualTo('\u00e9');
    }

    @Test
    void unicodeKeysymsCarryTheCodePoint() {
        assertThat(KeySyms.codePoint(0x1000441)).isEqualTo(0x441);
        assertThat(KeySyms.codePoint(0x101F600)).isEqualTo(0x1F600);
        assertThat(KeySyms.codePoint(0x20ac)).isEqualTo(0x20AC);
    }

    @Test
    void functionKeysAndLoneSurrogatesAreNotText() {
        assertThat(KeySyms.codePoint(0xff0d)).isEqualTo(-1);
        assertThat(KeySyms.codePoint(0x100D800)).isEqualTo(-1);
        assertThat(KeySyms.codePoint(0x1f)).isEqualTo(-1);
    }
}
