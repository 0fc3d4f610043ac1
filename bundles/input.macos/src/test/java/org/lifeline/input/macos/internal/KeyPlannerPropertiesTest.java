package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KeyPlannerPropertiesTest {
    private static final int[] KEYSYMS = {0xffe1, 0xffe2, 0xffe3, 0xffe9, 0xffeb, 'a', 'Z', '!', 0xe9, 0x1000416,
        0x101F600, 0xff0d, 0xff51, 0xffbe};

    /**
     * Whatever the expert presses and releases, in any overlapping order: every key the novice's Mac saw go
     * down comes up with the same code, each event carries exactly the flags of the modifiers still held
     * (plus Shift where a character's key needs it), and nothing is left down at the end.
     */
    @Property(tries = 300)
    void everyPressIsReleasedAndFlagsFollowTheHeldModifiers(@ForAll long seed) {
        Random random = new Random(seed);
        KeyPlanner planner = new KeyPlanner();
        Map<Integer, Integer> down = new HashMap<>();
        List<Integer> holds = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            boolean press = holds.isEmpty() || (holds.size() < 5 && random.nextBoolean());
            int keysym;
            if (press) {
                keysym = KEYSYMS[random.nextInt(KEYSYMS.length)];
                if (holds.contains(keysym)) continue;
                holds.add(keysym);
            } else {
                keysym = holds.remove(random.nextInt(holds.size()));
            }
            long held = 0;
            for (int h : holds) {
                MacKeys.Key k = MacKeys.named(h);
                if (k != null) held |= k.modifier();
            }
            for (KeyEvent e : planner.plan(keysym, press)) {
                long modifiers = e.flags() & (MacKeys.FLAG_SHIFT | MacKeys.FLAG_CONTROL | MacKeys.FLAG_OPTION
                        | MacKeys.FLAG_COMMAND);
                if (e.text() == null) {
                    assertThat(modifiers).isEqualTo(held);
                } else {
                    assertThat(modifiers & ~MacKeys.FLAG_SHIFT & ~held).as("flags not held").isZero();
                    assertThat(held & (MacKeys.FLAG_SHIFT | MacKeys.FLAG_OPTION) & ~modifiers).as("held flags missing").isZero();
                }
                if (e.down()) down.put(keysym, e.code());
                else assertThat(down.remove(keysym)).isEqualTo(e.code());
            }
        }
        for (int h : List.copyOf(holds)) {
            for (KeyEvent e : planner.plan(h, false)) assertThat(down.remove(h)).isEqualTo(e.code());
        }
        assertThat(down).isEmpty();
        assertThat(planner.modifierFlags()).isZero();
        assertThat(planner.releaseAll()).isEmpty();
    }
}
