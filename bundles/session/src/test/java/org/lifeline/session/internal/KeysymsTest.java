package org.lifeline.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.lifeline.api.LifelineException;
import org.junit.jupiter.api.Test;

class KeysymsTest {

    @Test
    void latin1CharactersAreTheirOwnKeysyms() {
        assertThat(Keysyms.keysym('a')).isEqualTo(0x61);
        assertThat(Keysyms.keysym('A')).isEqualTo(0x41);
        assertThat(Keysyms.keysym(' ')).isEqualTo(0x20);
        assertThat(Keysyms.keysym('é')).isEqualTo(0xe9);
        assertThat(Keysyms.keysym('ÿ')).isEqualTo(0xff);
    }

    @Test
    void otherCharactersUseTheUnicodeKeysymRange() {
        assertThat(Keysyms.keysym('€')).isEqualTo(0x010020ac);
        assertThat(Keysyms.keysym('ж')).isEqualTo(0x01000436);
        assertThat(Keysyms.keysym("😀".codePointAt(0))).isEqualTo(0x0101f600);
    }

    @Test
    void newlineAndTabAreReturnAndTab() {
        assertThat(Keysyms.keysym('\n')).isEqualTo(0xff0d);
        assertThat(Keysyms.keysym('\t')).isEqualTo(0xff09);
    }

    @Test
    void typingPressesAndReleasesEachCharacterOnceCrLfIsOneReturn() {
        List<InputEvent> events = Keysyms.typing("a😀\r\n");

        assertThat(events).containsExactly(new InputEvent.Key(0x61, true), new InputEvent.Key(0x61, false),
                new InputEvent.Key(0x0101f600, true), new InputEvent.Key(0x0101f600, false),
                new InputEvent.Key(0xff0d, true), new InputEvent.Key(0xff0d, false));
    }

    @Test
    void otherControlCharactersAreRefusedClearly() {
        assertThatThrownBy(() -> Keysyms.typing("bell\u0007")).isInstanceOf(LifelineException.class)
                .hasMessage("cannot type the control character U+0007: send it as a key with ra:key");
        assertThatThrownBy(() -> Keysyms.typing("x".repeat(Keysyms.MAX_TYPED_CHARS + 1)))
                .hasMessageContaining("send it in parts");
    }
}
