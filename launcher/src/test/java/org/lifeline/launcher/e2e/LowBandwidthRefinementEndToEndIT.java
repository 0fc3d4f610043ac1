package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.launcher.e2e.InvitationScriptIT.LOOPBACK_ONLY;
import static org.lifeline.launcher.e2e.InvitationScriptIT.group;
import static org.lifeline.launcher.e2e.SessionEndToEndIT.eventually;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.testing.x11.XwdImage;

/**
 * The low-bandwidth profile on a real X display: while the xterm's colourful antialiased text changes, the
 * expert gets 8-bit colour and JPEG tiles (its view differs from the display); once the screen has been quiet
 * for the novice's refinement period, what went inexactly is sent again exactly and the view equals
 * {@code xwd -root} pixel for pixel, with the profile still low for the next change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LowBandwidthRefinementEndToEndIT {
    /**
     * Longer than the 1 s default so the test can see the lossy picture of a screen that stopped changing
     * before it is refined (a snapshot and two screenshots take a few hundred ms).
     */
    private static final int REFINE_AFTER_MILLIS = 3000;
    private static final long DEADLINE_MILLIS = 30_000;

    @TempDir
    static Path dir;
    XServer x;
    LauncherProcess novice;
    LauncherProcess expert;
    Path paint;
    long refinementBytes;
    String n;
    String e;

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
        x = XServer.start(1024, 700);
        x.client("xterm", "-fa", "DejaVuSansMono", "-fs", "11", "-geometry", "90x32+30+30", "-title", "novice-term",
                "-e", "bash", "--norc", "--noprofile");
        x.awaitWindow("novice-term");
        // without a window manager the keyboard goes to the window under the pointer
        x.run("xdotool", "mousemove", "400", "300");
        novice = LauncherProcess.start("novice", dir.resolve("novice"), x.display(), "org.lifeline.candidates.cfg",
                LOOPBACK_ONLY, "org.lifeline.screen.cfg", "refine.after.millis=" + REFINE_AFTER_MILLIS + "\n");
        expert = LauncherProcess.start("expert", dir.resolve("expert"), null);
        Path ticket = dir.resolve("help.msrcincident");
        novice.ok("ra:invite --out '" + ticket + "' --password 'low-and-slow' --expires 1h");
        e = group(expert.ok("ra:open '" + ticket + "' --password 'low-and-slow' --name Erin"), "session (\\d+)");
        eventually(() -> {
            Matcher m = Pattern.compile("session (\\d+): Erin.*wants to connect").matcher(novice.ok("ra:events"));
            assertThat(m.find()).isTrue();
            n = m.group(1);
        });
    }

    @AfterAll
    void stop() {
        if (expert != null) expert.close();
        if (novice != null) novice.close();
        if (x != null) x.close();
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
        String difference = difference(still, ImageIO.read(lossy.toFile()));
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
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        String lastDifference = "";
        int round = 0;
        while (System.currentTimeMillis() < deadline) {
            XwdImage screen = xwd();
            Path png = dir.resolve("view-" + when.replace(' ', '-') + "-" + (round++) + ".png");
            String out = expert.run("ra:snapshot " + e + " '" + png + "'");
            if (Files.exists(png)) {
                lastDifference = difference(screen, ImageIO.read(png.toFile()));
                if (lastDifference.isEmpty()) return screen;
            } else {
                lastDifference = out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the expert's view never equalled the display (" + when + "): " + lastDifference);
    }

    private XwdImage xwd() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xwd", "-root", "-silent", "-display", x.display()).start();
        byte[] dump = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return XwdImage.parse(dump);
    }

    /** Empty when equal; else how many pixels differ and by how much at most. */
    private static String difference(XwdImage screen, BufferedImage view) {
        if (view.getWidth() != screen.width() || view.getHeight() != screen.height()) {
            return "size " + view.getWidth() + "x" + view.getHeight() + " vs " + screen.width() + "x" + screen.height();
        }
        int differing = 0;
        int peak = 0;
        for (int y = 0; y < screen.height(); y++) {
            for (int xx = 0; xx < screen.width(); xx++) {
                int a = screen.pixels()[y * screen.width() + xx] & 0xffffff;
                int b = view.getRGB(xx, y) & 0xffffff;
                if (a != b) {
                    differing++;
                    for (int shift = 0; shift <= 16; shift += 8) {
                        peak = Math.max(peak, Math.abs((a >> shift & 255) - (b >> shift & 255)));
                    }
                }
            }
        }
        return differing == 0 ? "" : differing + " pixels differ (peak error " + peak + "/255)";
    }
}
