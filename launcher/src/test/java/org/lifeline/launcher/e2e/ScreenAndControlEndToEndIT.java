package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.launcher.e2e.InvitationScriptIT.LOOPBACK_ONLY;
import static org.lifeline.launcher.e2e.InvitationScriptIT.group;
import static org.lifeline.launcher.e2e.SessionEndToEndIT.eventually;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The novice shares a real X display (Xvfb with an xterm); the expert, in another process, sees it pixel for
 * pixel after consent, and types into the xterm only while the novice grants control. Esc on the novice's
 * keyboard ends control; an Esc the expert types does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenAndControlEndToEndIT {
    @TempDir
    static Path dir;
    XServer x;
    LauncherProcess novice;
    LauncherProcess expert;
    String n;
    String e;

    @BeforeAll
    void start() throws Exception {
        x = XServer.start(1280, 800);
        x.client("xterm", "-fa", "DejaVuSansMono", "-fs", "11", "-geometry", "100x30+40+40", "-title", "novice-term",
                "-e", "bash", "--norc", "--noprofile");
        x.awaitWindow("novice-term");
        x.run("xdotool", "mousemove", "400", "300");
        novice = LauncherProcess.start("novice", dir.resolve("novice"), x.display(), "org.lifeline.candidates.cfg",
                LOOPBACK_ONLY);
        expert = LauncherProcess.start("expert", dir.resolve("expert"), null);
        Path ticket = dir.resolve("help.msrcincident");
        novice.ok("ra:invite --out '" + ticket + "' --password 'see-my-screen' --expires 1h");
        e = group(expert.ok("ra:open '" + ticket + "' --password 'see-my-screen' --name Erin"), "session (\\d+)");
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
    void noScreenBytesBeforeTheNoviceAccepts() throws Exception {
        Thread.sleep(500);
        String refused = expert.run("ra:snapshot " + e + " '" + dir.resolve("early.png") + "'");
        assertThat(refused).doesNotContain("saved");
        assertThat(dir.resolve("early.png")).doesNotExist();
        long bytesIn = bytesIn(expert.ok("ra:sessions"), e);
        assertThat(bytesIn).as("the expert has received only the handshake").isLessThan(4096);
    }

    @Test
    @Order(2)
    void afterApprovalTheExpertSeesTheDisplayPixelForPixelAndFollowsChanges() throws Exception {
        novice.ok("ra:approve " + n);
        expert.ok("ra:await " + e + " VIEWING 10");
        XwdImage before = awaitExpertViewEqualsDisplay("first");

        x.run("xdotool", "type", "--delay", "20", "echo the-screen-changed");
        x.run("xdotool", "key", "Return");
        XwdImage after = awaitExpertViewEqualsDisplay("after typing");
        assertThat(after.pixels()).as("the xterm's content changed").isNotEqualTo(before.pixels());
        assertThat(expert.ok("ra:stats " + e)).containsIgnoringCase("tile");
    }

    @Test
    @Order(3)
    void typingIsIgnoredUntilTheNoviceGrantsControl() throws Exception {
        Path file = dir.resolve("typed.txt");
        String refused = expert.run("ra:type " + e + " 'echo nothing > " + file + "'");
        assertThat(refused).containsIgnoringCase("control");
        expert.run("ra:key " + e + " Return");
        Thread.sleep(500);
        assertThat(file).doesNotExist();

        expert.ok("ra:take-control " + e);
        novice.ok("ra:await " + n + " CONTROL_REQUESTED 10");
        novice.ok("ra:grant " + n);
        expert.ok("ra:await " + e + " IN_CONTROL 10");

        String text = "Typed-By-Expert: \"A&B\" (100%) ~ok!";
        expert.ok("ra:type " + e + " 'echo '\\''" + text + "'\\'' > " + file + "'");
        expert.ok("ra:key " + e + " Return");
        eventually(() -> assertThat(file).exists().hasContent(text));
    }

    @Test
    @Order(4)
    void anEscTheExpertTypesDoesNotEndControlButTheNovicesEscDoes() throws Exception {
        expert.ok("ra:key " + e + " Escape");
        Thread.sleep(500);
        assertThat(novice.ok("ra:sessions")).containsPattern("(?m)^" + n + " +novice .*in-control");

        long pressed = System.nanoTime();
        x.run("xdotool", "key", "Escape");
        long released = -1;
        long deadline = pressed + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!novice.ok("ra:sessions").contains("in-control")) {
                released = System.nanoTime();
                break;
            }
        }
        assertThat(released).as("control ended after the novice's Esc").isPositive();
        long millis = TimeUnit.NANOSECONDS.toMillis(released - pressed);
        System.out.println("novice Esc -> control released in " + millis + " ms (including xdotool start-up)");
        assertThat(millis).isLessThan(1000);
        expert.ok("ra:await " + e + " VIEWING 5");

        Path file = dir.resolve("after-esc.txt");
        assertThat(expert.run("ra:type " + e + " 'echo late > " + file + "'")).containsIgnoringCase("control");
        expert.run("ra:key " + e + " Return");
        Thread.sleep(500);
        assertThat(file).doesNotExist();
    }

    @Test
    @Order(5)
    void anIdleDesktopSendsNoScreenBytes() throws Exception {
        awaitExpertViewEqualsDisplay("before idling");
        Thread.sleep(1000);
        long before = bytesIn(expert.ok("ra:sessions"), e);
        Thread.sleep(3000);
        long after = bytesIn(expert.ok("ra:sessions"), e);
        assertThat(after - before).as("bytes the expert received in 3 idle seconds (keep-alives only)").isLessThan(512);
    }

    @Test
    @Order(6)
    void replacingTheCodecBundleLiveKeepsTheSessionAndThePictureExact() throws Exception {
        String id = group(novice.ok("lb"), "(?m)^\\s*(\\d+)\\|Active.*Lifeline Tile codec");
        novice.ok("update " + id);
        assertThat(novice.ok("lb")).containsPattern("(?m)^\\s*" + id + "\\|Active.*Lifeline Tile codec");
        x.run("xdotool", "type", "--delay", "20", "echo after-the-codec-update");
        x.run("xdotool", "key", "Return");
        awaitExpertViewEqualsDisplay("after the codec update");
        assertThat(expert.ok("ra:sessions")).containsPattern("(?m)^" + e + " +expert .*viewing");
    }

    /** Waits until the expert's picture equals the display's own screenshot, and returns that screenshot. */
    private XwdImage awaitExpertViewEqualsDisplay(String when) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String lastDifference = "";
        int round = 0;
        while (System.currentTimeMillis() < deadline) {
            XwdImage screen = xwd();
            Path png = dir.resolve("view-" + when.replace(' ', '-') + "-" + (round++) + ".png");
            String out = expert.run("ra:snapshot " + e + " '" + png + "'");
            if (Files.exists(png)) {
                BufferedImage view = ImageIO.read(png.toFile());
                lastDifference = difference(screen, view);
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

    private static String difference(XwdImage screen, BufferedImage view) {
        if (view.getWidth() != screen.width() || view.getHeight() != screen.height()) {
            return "size " + view.getWidth() + "x" + view.getHeight() + " vs " + screen.width() + "x" + screen.height();
        }
        int differing = 0;
        String first = "";
        for (int y = 0; y < screen.height(); y++) {
            for (int xx = 0; xx < screen.width(); xx++) {
                int a = screen.pixels()[y * screen.width() + xx] & 0xffffff;
                int b = view.getRGB(xx, y) & 0xffffff;
                if (a != b) {
                    if (differing++ == 0) first = "first at " + xx + "," + y + ": " + Integer.toHexString(a) + " vs " + Integer.toHexString(b);
                }
            }
        }
        return differing == 0 ? "" : differing + " pixels differ, " + first;
    }

    private static long bytesIn(String sessionsTable, String id) {
        Matcher m = Pattern.compile("(?m)^" + id + " +\\S+ +\\S+ +\\S+ +\\S+ +(\\d+(?:\\.\\d+)?) ?([KMG]?i?B)").matcher(sessionsTable);
        assertThat(m.find()).as(sessionsTable).isTrue();
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).charAt(0)) {
            case 'K' -> (long) (v * 1024);
            case 'M' -> (long) (v * 1024 * 1024);
            case 'G' -> (long) (v * 1024 * 1024 * 1024);
            default -> (long) v;
        };
    }
}
