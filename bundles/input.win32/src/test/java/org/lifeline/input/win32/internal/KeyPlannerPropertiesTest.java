package org.lifeline.input.win32.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KeyPlannerPropertiesTest {
    /** Modifiers, letters, shifted punctuation, an AltGr-only character, Cyrillic, an emoji and named keys. */
    private static final int[] KEYSYMS = {0xffe1, 0xffe2, 0xffe3, 0xffe9, 0xffeb, 'a', 'Z', '1', '!', '_', '@',
        0x1000416, 0x101F600, 0xff0d, 0xff51, 0xffbe};

    /**
     * Whatever the expert presses and releases, in any overlapping order and on any layout: the modifiers the
     * expert holds are down on the novice's side after every event, and once the expert has let go of
     * everything no key is left down.
     */
    @Property(tries = 300)
    void noKeyIsEverLeftDownAndHeldModifiersStayDown(@ForAll long seed) {
        Random random = new Random(seed);
        FakeLayout layout = random.nextBoolean() ? FakeLayout.us() : FakeLayout.german();
        if (random.nextBoolean()) layout.capsLockOn();
        KeyPlanner planner = new KeyPlanner();
        Set<Integer> novicesDownKeys = new HashSet<>();
        List<Integer> expertHolds = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            boolean press = expertHolds.isEmpty() || (expertHolds.size() < 5 && random.nextBoolean());
            int keysym;
            if (press) {
                keysym = KEYSYMS[random.nextInt(KEYSYMS.length)];
                if (expertHolds.contains(keysym)) continue;
                expertHolds.add(keysym);
            } else {
                keysym = expertHolds.remove(random.nextInt(expertHolds.size()));
            }
            apply(planner.plan(keysym, press, layout), novicesDownKeys);
            for (int held : expertHolds) {
                VirtualKeys.Key named = VirtualKeys.named(held);
                if (named != null) assertThat(novicesDownKeys).as("held keysym 0x%x", held).contains(named.vk());
            }
        }
        for (int held : List.copyOf(expertHolds)) apply(planner.plan(held, false, layout), novicesDownKeys);
        assertThat(novicesDownKeys).isEmpty();
        assertThat(planner.releaseAll()).isEmpty();
    }

    private static void apply(List<KeyStroke> strokes, Set<Integer> down) {
        for (KeyStroke s : strokes) {
            int key = (s.flags() & KeyStroke.UNICODE) != 0 ? 0x10000 + s.scan() : s.vk();
            if (s.up()) down.remove(key);
            else down.add(key);
        }
    }
}
