package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.launcher.e2e.InvitationScriptIT.group;
import static org.lifeline.launcher.e2e.SessionEndToEndIT.eventually;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.testing.x11.XwdImage;

/**
 * The low-bandwidth profile on a real X display: while the xterm's colourful antialiased text changes, the
 * expert gets 8-bit colour and JPEG tiles (its view differs from the display); once the screen has been quiet
 * for the novice's refinement period, what went inexactly is sent again exactly and the view equals
 * {@code xwd -root} pixel for pixel, with the profile still low for the next change. A blinking caret, which
 * never lets the screen rest, does not keep the picture lossy: it equals the display outside the caret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LowBandwidthRefinementEndToEndIT extends OnSharedScreen {
    /**
     * Longer than the 1 s default so the test can see the lossy picture of a screen that stopped changing
     * before it is refined (a snapshot and two screenshots take a few hundred ms).
     */
    private static final int REFINE_AFTER_MILLIS = 3000;
    private static final long DEADLINE_MILLIS = 30_000;
    /** The blinking xterm's cursor: on and off this long (xterm {@code -bcn}, {@code -bcf}). */
    private static final int BLINK_MILLIS = 300;
    /** What may keep changing while the screen counts as quiet: a text cursor, not a line of text. */
    private static final int MAX_BLINKING_PIXELS = 32 * 32;

    @TempDir
    static Path dir;
    Path paint;
    long refinementBytes;

    @BeforeAll
    void start() throws Exception {
        paint = dir.resolve("paint.sh");
        // 256-colour text on 256-colour backgrounds: levels like 95 and 135 that RGB332 cannot hold
        Files.writeString(paint, """
                clear
                for i in $(seq 0 27); do
                  printf '\\e[38;5;%dm\\e[48;5;%dm %3d: the quick brown fox jumps over the lazy dog 0123456789 \\e[0m\\n' \\
                    $(( 16 + ($1 + i * 7) % 216 )) $(( 232 + ($1 + i) % 24 )) $i
                done
                """);
        share(SharedScreen.start(dir, 1024, 700, "90x32+30+30", "low-and-slow", "org.lifeline.screen.cfg",
                "refine.after.millis=" + REFINE_AFTER_MILLIS + "\n"));
    }

    @Test
    @Order(1)
    void theFirstPictureIsExactAndTheExpertSwitchesToLow() throws Exception {
        novice.ok("ra:approve " + n);
        expert.ok("ra:await " + e + " VIEWING 10");
        awaitViewEqualsDisplay("first");
        System.out.println("lossless first picture: " + stats());

        assertThat(expert.ok("ra:quality " + e + " low")).contains("low");
        assertThat(stats()).containsPattern("(?m)^quality +low");
    }

    @Test
    @Order(2)
    void changingTextIsLossyThenExactOnceTheScreenIsQuiet() throws Exception {
        refineAfter(0, "first");
    }

    @Test
    @Order(3)
    void theNextChangeIsLossyAgainAndIsRefinedAgain() throws Exception {
        refineAfter(101, "second");
    }

    private void refineAfter(int offset, String round) throws Exception {
        XwdImage before = xwd();
        x.run("xdotool", "type", "--delay", "15", "bash " + paint + " " + offset);
        x.run("xdotool", "key", "Return");
        XwdImage still = awaitStillDisplay();
        long stillAt = System.nanoTime();
        assertThat(still.pixels()).as("the xterm's content changed").isNotEqualTo(before.pixels());
        String lossyStats = stats();
        Path lossy = dir.resolve("lossy-" + round + ".png");
        expert.ok("ra:snapshot " + e + " '" + lossy + "'");
        long snapshotMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stillAt);
        String difference = difference(still, ImageIO.read(lossy.toFile()), null);
        System.out.println("lossy view " + snapshotMillis + " ms after the screen stopped changing: " + difference);
        assertThat(snapshotMillis).as("taken before the refinement was due").isLessThan(REFINE_AFTER_MILLIS);
        assertThat(difference).as("the view while lossy").isNotEmpty();

        awaitViewEqualsDisplay("refined " + round);
        long exactMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stillAt);
        String refined = stats();
        refinementBytes = screenBytes(refined) - screenBytes(lossyStats);
        System.out.println("exact " + exactMillis + " ms after the screen stopped changing; the refinement took about "
                + refinementBytes + " bytes\n  before: " + lossyStats + "\n  after:  " + refined);
        assertThat(exactMillis).as("refined only after the quiet period").isGreaterThanOrEqualTo(REFINE_AFTER_MILLIS - 500);
        assertThat(refined).containsPattern("quiet refinement updates [1-9]").contains("8-bit lossy 40")
                .containsPattern("(?m)^quality +low");
    }

    /** For the report: what a lossless full frame of the same (now exact) screen costs, next to the refinement. */
    @Test
    @Order(4)
    void aLosslessFullFrameOfTheSameScreenForComparison() throws Exception {
        XwdImage screen = awaitViewEqualsDisplay("before the full frame");
        expert.ok("ra:quality " + e + " high");
        // a codec bundle replaced live starts a new stream: one full frame at the current (lossless) settings
        String id = group(novice.ok("lb"), "(?m)^\\s*(\\d+)\\|Active.*Lifeline Tile codec");
        novice.ok("update " + id);
        eventually(() -> assertThat(stats()).contains("updates 1 (full 1)").contains("24-bit lossless"));
        assertThat(awaitViewEqualsDisplay("after the full frame").pixels()).isEqualTo(screen.pixels());
        long full = Long.parseLong(group(stats(), "updates 1 \\(full 1\\).*; bytes (\\d+)"));
        System.out.println("lossless full frame of the same screen: " + full + " bytes; last refinement: about "
                + refinementBytes + " bytes");
    }

    /**
     * The screen never rests (the caret blinks every 300 ms, well within the refinement period), yet the picture
     * becomes exact everywhere but where the caret blinks. Without refinement on small changes this fails: every
     * blink started the quiet period again and the text stayed lossy for good.
     */
    @Test
    @Order(5)
    void aBlinkingCaretDoesNotKeepThePictureLossy() throws Exception {
        assertThat(expert.ok("ra:quality " + e + " low")).contains("low");
        x.client("xterm", "-fa", "DejaVuSansMono", "-fs", "11", "-geometry", "90x32+30+30", "-title", "blinking-term",
                "-bc", "-bcn", String.valueOf(BLINK_MILLIS), "-bcf", String.valueOf(BLINK_MILLIS),
                "-e", "bash", "--norc", "--noprofile");
        x.awaitWindow("blinking-term");
        // the new xterm covers the old one; an xterm blinks its cursor only while it has the keyboard
        assertThat(x.run("xdotool", "search", "--name", "blinking-term", "windowfocus")).isZero();
        x.run("xdotool", "type", "--delay", "15", "bash " + paint + " 57");
        x.run("xdotool", "key", "Return");
        Blinking settled = awaitStillButBlinking();
        long settledAt = System.nanoTime();
        System.out.println("blinking: " + settled.mask() + " changes; the rest of the screen is still");
        assertThat(settled.mask().width * settled.mask().height).as("the blinking area " + settled.mask())
                .isLessThanOrEqualTo(MAX_BLINKING_PIXELS);
        String lossyStats = stats();
        Path lossy = dir.resolve("lossy-blinking.png");
        expert.ok("ra:snapshot " + e + " '" + lossy + "'");
        long snapshotMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - settledAt);
        String difference = difference(settled.screen(), ImageIO.read(lossy.toFile()), settled.mask());
        System.out.println("lossy view " + snapshotMillis + " ms after only the caret kept changing: " + difference);
        assertThat(snapshotMillis).as("taken before the refinement was due").isLessThan(REFINE_AFTER_MILLIS);
        assertThat(difference).as("the view while lossy, outside the caret").isNotEmpty();

        awaitViewEqualsDisplay("refined while blinking", settled.mask());
        long exactMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - settledAt);
        String refined = stats();
        System.out.println("exact outside the caret " + exactMillis + " ms after only the caret kept changing; about "
                + (screenBytes(refined) - screenBytes(lossyStats)) + " bytes\n  before: " + lossyStats + "\n  after:  "
                + refined);
        assertThat(refined).containsPattern("quiet refinement updates [1-9]").contains("8-bit lossy 40")
                .containsPattern("(?m)^quality +low");
    }

    /** A screenshot of a display where only {@code mask} still changes. */
    private record Blinking(XwdImage screen, Rectangle mask) {
    }

    /**
     * Waits until, over more than three blink phases, screenshots differ only inside one small rectangle (the
     * caret), and returns that rectangle; fails if nothing blinks, which would make the test prove nothing.
     */
    private Blinking awaitStillButBlinking() throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        long window = 3L * BLINK_MILLIS + 100;
        List<XwdImage> shots = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        Rectangle lastMask = null;
        while (System.currentTimeMillis() < deadline) {
            shots.add(xwd());
            times.add(System.currentTimeMillis());
            // the shortest run of recent screenshots that spans the window
            while (times.size() > 1 && times.get(times.size() - 1) - times.get(1) >= window) {
                shots.remove(0);
                times.remove(0);
            }
            XwdImage newest = shots.get(shots.size() - 1);
            if (times.get(times.size() - 1) - times.get(0) >= window) {
                Rectangle mask = null;
                for (XwdImage shot : shots) mask = union(mask, changed(shot, newest));
                lastMask = mask;
                if (mask != null && mask.width * mask.height <= MAX_BLINKING_PIXELS) return new Blinking(newest, mask);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the display never came to rest with only a caret blinking; last changing area: "
                + lastMask);
    }

    private static Rectangle union(Rectangle a, Rectangle b) {
        return a == null ? b : b == null ? a : a.union(b);
    }

    /** The bounding box of the pixels that differ, or null. */
    private static Rectangle changed(XwdImage a, XwdImage b) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < a.height(); y++) {
            for (int xx = 0; xx < a.width(); xx++) {
                int i = y * a.width() + xx;
                if (((a.pixels()[i] ^ b.pixels()[i]) & 0xffffff) != 0) {
                    x0 = Math.min(x0, xx);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, xx);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    private static long screenBytes(String stats) {
        Matcher m = Pattern.compile("(?m)^screen +([0-9.]+) (B|KiB|MiB)").matcher(stats);
        assertThat(m.find()).as(stats).isTrue();
        double v = Double.parseDouble(m.group(1));
        return (long) (m.group(2).equals("KiB") ? v * 1024 : m.group(2).equals("MiB") ? v * 1024 * 1024 : v);
    }

    /** Waits until two screenshots some time apart are the same: the screen stopped changing. */
    private XwdImage awaitStillDisplay() throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        XwdImage last = xwd();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            XwdImage now = xwd();
            if (Arrays.equals(now.pixels(), last.pixels())) return now;
            last = now;
        }
        throw new AssertionError("the display never stopped changing");
    }

    private String stats() throws IOException, InterruptedException {
        return expert.ok("ra:stats " + e);
    }

    /** Waits until the expert's picture equals the display's own screenshot, and returns that screenshot. */
    private XwdImage awaitViewEqualsDisplay(String when) throws Exception {
        return awaitViewEqualsDisplay(when, null);
    }

    /** The same, comparing only outside {@code mask} (where something keeps changing), if not null. */
    private XwdImage awaitViewEqualsDisplay(String when, Rectangle mask) throws Exception {
        return screen.awaitViewEqualsDisplay(when, mask, DEADLINE_MILLIS);
    }

    private XwdImage xwd() throws IOException, InterruptedException {
        return screen.xwd();
    }

    private static String difference(XwdImage screen, BufferedImage view, Rectangle mask) {
        return SharedScreen.difference(screen, view, mask);
    }
}
