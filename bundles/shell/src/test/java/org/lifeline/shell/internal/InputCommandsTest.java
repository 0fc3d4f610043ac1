package org.lifeline.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.lifeline.api.LifelineException;
import org.junit.jupiter.api.Test;

class InputCommandsTest {

    @Test
    void keyNamesAreTheXNames() {
        assertThat(InputCommands.keysym("Return")).isEqualTo(0xff0d);
        assertThat(InputCommands.keysym("escape")).isEqualTo(0xff1b);
        assertThat(InputCommands.keysym("Tab")).isEqualTo(0xff09);
        assertThat(InputCommands.keysym("BackSpace")).isEqualTo(0xff08);
        assertThat(InputCommands.keysym("F1")).isEqualTo(0xffbe);
        assertThat(InputCommands.keysym("F12")).isEqualTo(0xffc9);
    }

    @Test
    void oneCharacterIsItsOwnKeyAndCaseMatters() {
        assertThat(InputCommands.keysym("a")).isEqualTo(0x61);
        assertThat(InputCommands.keysym("A")).isEqualTo(0x41);
        assertThat(InputCommands.keysym("é")).isEqualTo(0xe9);
        assertThat(InputCommands.keysym("€")).isEqualTo(0x010020ac);
    }

    @Test
    void hexValuesAreTakenAsTheyAre() {
        assertThat(InputCommands.keysym("0xff0d")).isEqualTo(0xff0d);
        assertThat(InputCommands.keysym("0X1008FF13")).isEqualTo(0x1008ff13);
    }

    @Test
    void anythingElseIsRefusedWithTheWayOut() {
        for (String bad : new String[] { "Foo", "0x", "0xzz", "0x0", "0xffffffff", "" }) {
            assertThatThrownBy(() -> InputCommands.keysym(bad)).isInstanceOf(LifelineException.class);
        }
        assertThatThrownBy(() -> InputCommands.keysym("Foo"))
                .hasMessage("unknown key 'Foo': use a name like Return, Escape, Tab, BackSpace or F1, one character, or a keysym like 0xff0d");
    }
}
