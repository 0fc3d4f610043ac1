package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.launcher.e2e.InvitationScriptIT.group;
import static org.lifeline.launcher.e2e.SessionEndToEndIT.eventually;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.testing.x11.XwdImage;

/**
 * The novice shares a real X display (Xvfb with an xterm); the expert, in another process, sees it pixel for
 * pixel after consent, and types into the xterm only while the novice grants control. Esc on the novice's
 * keyboard ends control; an Esc the expert types does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenAndControlEndToEndIT extends OnSharedScreen {
    @TempDir
    static Path dir;

    @BeforeAll
    void start() throws Exception {
        share(SharedScreen.start(dir, 1280, 800, "100x30+40+40", "see-my-screen"));
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
        return screen.awaitViewEqualsDisplay(when, null, 20_000);
    }

    private XwdImage xwd() throws IOException, InterruptedException {
        return screen.xwd();
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
