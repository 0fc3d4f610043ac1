package org.lifeline.capture.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.Rect;

class TileDamageTest {
    @Test
    void firstFrameIsDamagedEverywhere() {
        TileDamage damage = new TileDamage(100, 50, 16);
        assertThat(damage.compare(new int[100 * 50])).containsExactly(new Rect(0, 0, 100, 50));
    }

    @Test
    void unchangedFrameHasNoDamage() {
        TileDamage damage = new TileDamage(100, 50, 16);
        int[] frame = new int[100 * 50];
        damage.compare(frame);
        assertThat(damage.compare(frame.clone())).isEmpty();
    }

    @Test
    void onePixelDamagesExactlyItsTile() {
        TileDamage damage = new TileDamage(100, 50, 16);
        int[] frame = new int[100 * 50];
        damage.compare(frame);
        frame[20 * 100 + 40] = 0xFFFFFF;
        assertThat(damage.compare(frame)).containsExactly(new Rect(32, 16, 16, 16));
    }

    @Test
    void neighbouringTilesInARowMergeAndEdgeTilesAreClipped() {
        TileDamage damage = new TileDamage(100, 50, 16);
        int[] frame = new int[100 * 50];
        damage.compare(frame);
        frame[49 * 100 + 70] = 1;
        frame[49 * 100 + 85] = 1;
        frame[49 * 100 + 99] = 1;
        frame[0] = 1;
        assertThat(damage.compare(frame))
                .containsExactly(new Rect(0, 0, 16, 16), new Rect(64, 48, 36, 2));
    }

    @Test
    void aChangeIsReportedOnceThenRemembered() {
        TileDamage damage = new TileDamage(32, 32, 16);
        int[] frame = new int[32 * 32];
        damage.compare(frame);
        frame[17 * 32 + 17] = 5;
        assertThat(damage.compare(frame)).containsExactly(new Rect(16, 16, 16, 16));
        assertThat(damage.compare(frame)).isEmpty();
    }

    @Test
    void resetReportsEverythingAgain() {
        TileDamage damage = new TileDamage(32, 32, 16);
        int[] frame = new int[32 * 32];
        damage.compare(frame);
        damage.reset();
        assertThat(damage.compare(frame)).containsExactly(new Rect(0, 0, 32, 32));
    }

    @Property(tries = 200)
    void everyChangedPixelIsInsideTheDamageAndDamageStaysInTheFrame(@ForAll @IntRange(min = 1, max = 90) int width,
            @ForAll @IntRange(min = 1, max = 90) int height, @ForAll @IntRange(min = 1, max = 40) int tile,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        java.util.Random random = new java.util.Random(seed);
        TileDamage damage = new TileDamage(width, height, tile);
        int[] before = new int[width * height];
        damage.compare(before);
        int[] after = before.clone();
        for (int i = random.nextInt(5); i > 0; i--) after[random.nextInt(after.length)] = random.nextInt();
        List<Rect> rects = damage.compare(after);
        for (int i = 0; i < after.length; i++) {
            int x = i % width, y = i / width;
            if (after[i] != before[i]) {
                assertThat(rects).anySatisfy(r -> assertThat(x >= r.x() && x < r.x() + r.width()
                        && y >= r.y() && y < r.y() + r.height()).isTrue());
            }
        }
        for (Rect r : rects) assertThat(r.intersect(new Rect(0, 0, width, height))).isEqualTo(r);
    }
}
