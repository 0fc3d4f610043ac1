package org.lifeline.capture.x11.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.testing.x11.Xvfb;
import org.lifeline.testing.x11.XwdImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real X server (Xvfb): what the capture sees is what the server itself says is on screen. */
class X11ScreenCaptureTest {
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static Xvfb xvfb;
    private static X11ScreenSource source;

    @BeforeAll
    static void startServer() throws Exception {
        xvfb = Xvfb.start();
        source = new X11ScreenSource(xvfb.display());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (xvfb != null) xvfb.close();
    }

    @Test
    void captureEqualsTheDisplaysOwnScreenshotPixelForPixel() throws Exception {
        try (ScreenCapture capture = source.open(-1)) {
            FrameBuffer frame = new FrameBuffer(Xvfb.WIDTH, Xvfb.HEIGHT);
            assertThat(capture.grab(frame)).containsExactly(new Rect(0, 0, Xvfb.WIDTH, Xvfb.HEIGHT));
            XwdImage shot = xvfb.screenshot();
            assertThat(((X11ScreenCapture) capture).usesSharedMemory()).isTrue();
            assertThat(shot.width()).isEqualTo(frame.width());
            Xvfb.assertSamePixels(Xvfb.WIDTH, shot.pixels(), frame.pixels());
            // Xvfb -retro's root is a two-colour weave, so equality is not two blank pictures agreeing.
            assertThat(java.util.Arrays.stream(frame.pixels()).distinct().count()).isGreaterThan(1);
        }
    }

    @Test
    void withoutSharedMemoryXGetImageGivesTheSamePixels() throws Exception {
        try (X11ScreenCapture capture = source.open(-1, false)) {
            assertThat(capture.usesSharedMemory()).isFalse();
            FrameBuffer frame = new FrameBuffer(Xvfb.WIDTH, Xvfb.HEIGHT);
            capture.grab(frame);
            Xvfb.assertSamePixels(Xvfb.WIDTH, xvfb.screenshot().pixels(), frame.pixels());
        }
    }

    @Test
    void anAreaOffTheOriginIsCapturedAndDamagedInItsOwnCoordinates() throws Exception {
        Rect area = new Rect(150, 100, 640, 400);
        try (ScreenCapture capture = new X11ScreenCapture(X11Connection.open(xvfb.display()), xvfb.display(), area)) {
            FrameBuffer frame = new FrameBuffer(area.width(), area.height());
            capture.grab(frame);
            xvfb.spawn("xterm", "-fa", "DejaVuSansMono", "-geometry", "20x3+400+300", "-title", "area-test");
            xvfb.output("xdotool", "search", "--sync", "--onlyvisible", "--name", "area-test");
            List<Rect> damage = new ArrayList<>();
            XwdImage shot;
            Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
            while (true) {
                damage.addAll(capture.grab(frame));
                shot = xvfb.screenshot();
                List<Rect> since = capture.grab(frame);
                damage.addAll(since);
                if (since.isEmpty() && !damage.isEmpty()) break;
                assertThat(Instant.now()).as("screen settles after xterm starts").isBefore(deadline);
                Thread.sleep(50);
            }
            int[] expected = new int[area.width() * area.height()];
            for (int y = 0; y < area.height(); y++) {
                System.arraycopy(shot.pixels(), (area.y() + y) * Xvfb.WIDTH + area.x(), expected, y * area.width(), area.width());
            }
            Xvfb.assertSamePixels(area.width(), expected, frame.pixels());
            for (Rect r : damage) {
                assertThat(r.intersect(new Rect(0, 0, area.width(), area.height()))).as("damage inside the area").isEqualTo(r);
            }
            assertThat(covered(damage, 400 - area.x() + 5, 300 - area.y() + 5)).as("the xterm's corner is damaged").isTrue();
        }
    }

    @Test
    void idleScreenReportsNoDamage() {
        try (ScreenCapture capture = source.open(-1)) {
            FrameBuffer frame = new FrameBuffer(Xvfb.WIDTH, Xvfb.HEIGHT);
            capture.grab(frame);
            int[] before = frame.pixels().clone();
            java.util.Arrays.fill(frame.pixels(), 0x123456);
            assertThat(capture.grab(frame)).isEmpty();
            assertThat(capture.grab(frame)).isEmpty();
            // Nothing damaged means nothing copied: the frame keeps what the caller left in it.
            assertThat(frame.pixels()).containsOnly(0x123456);
            assertThat(java.util.Arrays.equals(before, frame.pixels())).isFalse();
        }
    }

    @Test
    void drawingIsReportedAsDamageCoveringEveryChangedPixel() throws Exception {
        try (ScreenCapture capture = source.open(-1)) {
            FrameBuffer frame = new FrameBuffer(Xvfb.WIDTH, Xvfb.HEIGHT);
            capture.grab(frame);
            int[] before = frame.pixels().clone();
            List<Rect> damage = new ArrayList<>();
            xvfb.spawn("xterm", "-fa", "DejaVuSansMono", "-fs", "14", "-geometry", "40x6+200+150", "-title",
                    "damage-test", "-e", "sh", "-c", "echo lifeline damage test; exec sleep 600");
            xvfb.output("xdotool", "search", "--sync", "--onlyvisible", "--name", "damage-test");
            XwdImage shot;
            Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
            while (true) {
                damage.addAll(capture.grab(frame));
                shot = xvfb.screenshot();
                List<Rect> since = capture.grab(frame);
                damage.addAll(since);
                if (since.isEmpty() && changed(before, frame.pixels()) > 10_000) break;
                assertThat(Instant.now()).as("screen settles after xterm starts").isBefore(deadline);
                Thread.sleep(50);
            }
            Xvfb.assertSamePixels(Xvfb.WIDTH, shot.pixels(), frame.pixels());
            for (int y = 0; y < Xvfb.HEIGHT; y++) {
                for (int x = 0; x < Xvfb.WIDTH; x++) {
                    int i = y * Xvfb.WIDTH + x;
                    if (before[i] != frame.pixels()[i]) {
                        assertThat(covered(damage, x, y)).as("changed pixel (%d,%d) is in the damage", x, y).isTrue();
                    }
                }
            }
            Rect box = X11ScreenCapture.boundingBox(damage);
            assertThat(box.width() * (long) box.height()).as("damage stays near the xterm")
                    .isLessThan((long) Xvfb.WIDTH * Xvfb.HEIGHT / 2);
        }
    }

    @Test
    void cursorFollowsThePointerAndSendsItsShapeOnlyWhenItChanges() throws Exception {
        xvfb.output("xdotool", "mousemove", "1021", "734");
        try (ScreenCapture capture = source.open(-1)) {
            Cursor first = capture.cursor();
            assertThat(first.x()).isEqualTo(1021);
            assertThat(first.y()).isEqualTo(734);
            assertThat(first.shape()).hasSize(first.width() * first.height()).isNotEmpty();
            xvfb.output("xdotool", "mousemove", "1150", "760");
            Cursor second = capture.cursor();
            assertThat(second.x()).isEqualTo(1150);
            assertThat(second.y()).isEqualTo(760);
            assertThat(second.serial()).isEqualTo(first.serial());
            assertThat(second.shape()).isNull();
        }
    }

    @Test
    void oneMonitorTheSizeOfTheScreen() {
        List<Monitor> monitors = source.monitors();
        assertThat(monitors).hasSize(1);
        assertThat(monitors.get(0).bounds()).isEqualTo(new Rect(0, 0, Xvfb.WIDTH, Xvfb.HEIGHT));
        assertThat(monitors.get(0).primary()).isTrue();
        try (ScreenCapture capture = source.open(0)) {
            assertThat(capture.bounds()).isEqualTo(new Rect(0, 0, Xvfb.WIDTH, Xvfb.HEIGHT));
        }
        assertThatThrownBy(() -> source.open(3)).isInstanceOf(LifelineException.class)
                .hasMessage("there is no monitor 3: this desktop has 1 (0..0, or -1 for all)");
    }

    @Test
    void aDisplayThatIsNotRunningGivesOneClearLine() {
        assertThatThrownBy(() -> new X11ScreenSource(":149").open(-1)).isInstanceOf(LifelineException.class)
                .hasMessage("cannot open X display :149 — is it running, and is DISPLAY right?");
    }

    @Test
    void aServerThatGoesAwayStopsTheCaptureWithOneLineNotTheJvm() throws Exception {
        Xvfb doomed = Xvfb.start();
        ScreenCapture capture = new X11ScreenSource(doomed.display()).open(-1);
        try {
            FrameBuffer frame = new FrameBuffer(Xvfb.WIDTH, Xvfb.HEIGHT);
            capture.grab(frame);
            doomed.close();
            assertThatThrownBy(() -> capture.grab(frame)).isInstanceOf(LifelineException.class)
                    .hasMessage("the X display " + doomed.display() + " went away (the session ended?): screen sharing stopped");
        } finally {
            capture.close();
        }
    }

    @Test
    void withoutAnyDisplayNameTheMessageSaysWhereToStart() {
        assertThat(X11Connection.displayName(" :7 ")).isEqualTo(":7");
        assertThatThrownBy(() -> new X11ScreenSource((String) null).open(-1)).isInstanceOf(LifelineException.class)
                .hasMessage("no X display to capture: DISPLAY is not set — start Lifeline from the desktop session");
    }

    @Test
    void nativeLayoutsMatchC() {
        com.sun.jna.Memory m = new com.sun.jna.Memory(256);
        m.clear();
        assertThat(new X11Natives.XRRMonitorInfo(m).size()).isEqualTo(56);
        assertThat(new X11Natives.XFixesCursorImage(m).size()).isEqualTo(32);
        assertThat(new X11Natives.XShmSegmentInfo().size()).isEqualTo(32);
        assertThat(new X11Natives.XImage(m).size()).isEqualTo(88);
        assertThat(new X11Natives.XErrorEvent(m).size()).isEqualTo(40);
    }

    private static int changed(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    private static boolean covered(List<Rect> rects, int x, int y) {
        for (Rect r : rects) {
            if (x >= r.x() && y >= r.y() && x < r.x() + r.width() && y < r.y() + r.height()) return true;
        }
        return false;
    }
}
