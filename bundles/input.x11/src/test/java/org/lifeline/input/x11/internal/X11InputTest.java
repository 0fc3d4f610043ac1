package org.lifeline.input.x11.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lifeline.testing.x11.Xvfb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real X server (Xvfb) and a real X client (xterm) reading the keys. */
class X11InputTest {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(15);
    private static final int RETURN = 0xff0d;
    private static final int BUTTON1_MASK = 1 << 8;
    private static Xvfb xvfb;
    private static X11Input input;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        xvfb = Xvfb.start();
        input = new X11Input(xvfb.display());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (input != null) input.deactivate();
        if (xvfb != null) xvfb.close();
    }

    @Test
    void textWithShiftedCharactersArrivesExactlyInAnXterm() throws Exception {
        Path file = startTypingTarget("typing-ascii");
        type("Echo \"Hi!\" & (x)");
        key(RETURN);
        assertThat(awaitLine(file)).isEqualTo("Echo \"Hi!\" & (x)\n");
    }

    @Test
    void aShiftTheExpertStillHoldsIsLetGoByReleaseAll() throws Exception {
        Path file = startTypingTarget("typing-release");
        input.key(0xffe1, true);

        input.releaseAll();

        // the novice's own typing (xdotool, as a keyboard would) must not come out shifted
        xvfb.output("xdotool", "type", "b");
        xvfb.output("xdotool", "key", "Return");
        assertThat(awaitLine(file)).isEqualTo("b\n");
    }

    @Test
    void lettersComeOutAsSentWhileTheNovicesCapsLockIsOn() throws Exception {
        Path file = startTypingTarget("typing-capslock");
        xvfb.output("xdotool", "key", "Caps_Lock");
        try {
            type("Hi, Bob!");
            key(RETURN);
            assertThat(awaitLine(file)).isEqualTo("Hi, Bob!\n");
        } finally {
            xvfb.output("xdotool", "key", "Caps_Lock");
        }
    }

    @Test
    void aCharacterOnTheAltGrShiftLevelArrivesWithBothModifiers() throws Exception {
        X11.Display probe = X11.INSTANCE.XOpenDisplay(xvfb.display());
        try {
            // Xvfb's pc105 "us" keyboard has '¦' only as AltGr+Shift on the extra <LSGT> key.
            assertThat(X11Input.readKeyboard(probe).find(0xa6)).hasValueSatisfying(place -> {
                assertThat(place.needsLevel3()).isTrue();
                assertThat(place.needsShift()).isTrue();
            });
        } finally {
            X11.INSTANCE.XCloseDisplay(probe);
        }
        Path file = startTypingTarget("typing-altgr");
        type("a¦|b");
        key(RETURN);
        assertThat(awaitLine(file)).isEqualTo("a¦|b\n");
    }

    @Test
    void keysymsTheLayoutLacksArriveThroughABorrowedKey() throws Exception {
        X11.Display probe = X11.INSTANCE.XOpenDisplay(xvfb.display());
        try {
            assertThat(X11Input.readKeyboard(probe).find(0x20ac)).as("the us layout has no EuroSign").isEmpty();
        } finally {
            X11.INSTANCE.XCloseDisplay(probe);
        }
        Path file = startTypingTarget("typing-borrowed");
        key(0x20ac);
        key(0x1000000 | 'ж');
        key(0x6f6);
        key(RETURN);
        assertThat(awaitLine(file)).isEqualTo("€жЖ\n");
    }

    @Test
    void borrowedKeysAreGivenBackWhenTheSinkStops() throws Exception {
        X11Input own = new X11Input(xvfb.display());
        own.key(0x1000000 | 'ю', true);
        own.key(0x1000000 | 'ю', false);
        X11.Display probe = X11.INSTANCE.XOpenDisplay(xvfb.display());
        try {
            assertThat(X11Input.readKeyboard(probe).find(0x1000000 | 'ю')).isPresent();
            own.deactivate();
            assertThat(X11Input.readKeyboard(probe).find(0x1000000 | 'ю')).isEmpty();
        } finally {
            X11.INSTANCE.XCloseDisplay(probe);
        }
    }

    @Test
    void pointerMovesWithinTheSharedAreaAndPressesButtons() throws Exception {
        input.pointer(200, 300, 0);
        assertThat(xvfb.output("xdotool", "getmouselocation")).startsWith("x:200 y:300 ");
        input.area(10, 20);
        input.pointer(5, 5, 0);
        assertThat(xvfb.output("xdotool", "getmouselocation")).startsWith("x:15 y:25 ");
        input.area(0, 0);
        X11.Display probe = X11.INSTANCE.XOpenDisplay(xvfb.display());
        try {
            input.pointer(700, 500, 1);
            assertThat(awaitButton1(probe, true)).as("button 1 down").isTrue();
            input.pointer(700, 500, 0);
            assertThat(awaitButton1(probe, false)).as("button 1 up").isTrue();
        } finally {
            X11.INSTANCE.XCloseDisplay(probe);
        }
    }

    @Test
    void wheelNotchesArriveAsButtons4To7() throws Exception {
        Path log = dir.resolve("xev.txt");
        // Line-buffered, or xev's report sits in its stdio buffer until it exits.
        xvfb.spawn(xvfb.builder("stdbuf", "-oL", "xev", "-root", "-event", "button").redirectOutput(log.toFile()));
        input.pointer(1200, 700, 0);
        // xev shows nothing until it has selected the events: click the middle button until it reports one.
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (!pressedButtons(log).contains(2)) {
            assertThat(Instant.now()).as("xev listening").isBefore(deadline);
            input.pointer(1200, 700, 0b010);
            input.pointer(1200, 700, 0);
            Thread.sleep(50);
        }
        int ready = pressedButtons(log).size();
        input.wheel(1, -1);
        input.wheel(0, 2);
        while (pressedButtons(log).size() < ready + 4 && Instant.now().isBefore(deadline)) Thread.sleep(50);
        java.util.List<Integer> buttons = pressedButtons(log);
        assertThat(buttons.subList(ready, buttons.size())).containsExactly(4, 7, 5, 5);
    }

    @Test
    void functionKeysKeepTheShiftTheExpertHolds() throws Exception {
        Path log = dir.resolve("xev-keys.txt");
        xvfb.spawn(xvfb.builder("stdbuf", "-oL", "xev", "-root", "-event", "keyboard").redirectOutput(log.toFile()));
        // No window under the pointer: with the server's default PointerRoot focus, keys go to the root.
        input.pointer(1200, 700, 0);
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (!Files.exists(log) || !Files.readString(log).contains("(keysym 0xffc2, F5)")) {
            assertThat(Instant.now()).as("xev listening").isBefore(deadline);
            key(0xffc2);
            Thread.sleep(50);
        }
        input.key(0xffe1, true);
        key(0xff09);
        key('A');
        input.key(0xffe1, false);
        java.util.regex.Pattern press = java.util.regex.Pattern.compile(
                "KeyPress event[^\\n]*\\n[^\\n]*\\n\\s*state (0x[0-9a-f]+), keycode \\d+ \\(keysym (0x[0-9a-f]+),");
        String tab = null, capitalA = null;
        while (Instant.now().isBefore(deadline) && (tab == null || capitalA == null)) {
            java.util.regex.Matcher m = press.matcher(Files.readString(log));
            while (m.find()) {
                // xev names the key by what it gives with the state: Tab with Shift is ISO_Left_Tab.
                if (m.group(2).equals("0xfe20")) tab = m.group(1);
                if (m.group(2).equals("0x41")) capitalA = m.group(1);
            }
            Thread.sleep(50);
        }
        assertThat(tab).as("Shift+Tab's state").isEqualTo("0x1");
        assertThat(capitalA).as("Shift+A's state").isEqualTo("0x1");
    }

    private static java.util.List<Integer> pressedButtons(Path xevLog) throws java.io.IOException {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (!Files.exists(xevLog)) return out;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ButtonPress event[^\\n]*\\n[^\\n]*\\n\\s*state \\S+, button (\\d+)")
                .matcher(Files.readString(xevLog));
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    @Test
    void theNovicesEscIsReportedWithin200Milliseconds() throws Exception {
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = input.watch(() -> seen.add(System.nanoTime()))) {
            xvfb.output("xdotool", "key", "Escape");
            long pressed = System.nanoTime();
            Long reported = seen.poll(5, TimeUnit.SECONDS);
            assertThat(reported).as("Esc reported").isNotNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(reported - pressed)).isLessThan(200);
        }
    }

    @Test
    void anEscTheExpertInjectedIsNotReportedButTheNovicesNextOneIs() throws Exception {
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = input.watch(() -> seen.add(System.nanoTime()))) {
            key(0xff1b);
            xvfb.output("xdotool", "key", "Escape");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).as("the novice's Esc").isNotNull();
            assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).as("the expert's Esc").isNull();
        }
    }

    @Test
    void aClosedWatchReportsNothing() throws Exception {
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        input.watch(() -> seen.add(System.nanoTime())).close();
        BlockingQueue<Long> control = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = input.watch(() -> control.add(System.nanoTime()))) {
            xvfb.output("xdotool", "key", "Escape");
            assertThat(control.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aServerThatGoesAwayEndsTheWatchAndFailsInputWithOneLineNotTheJvm() throws Exception {
        Xvfb doomed = Xvfb.start();
        X11Input own = new X11Input(doomed.display());
        try {
            own.pointer(10, 10, 0);
            AutoCloseable watch = own.watch(() -> { });
            doomed.close();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> own.pointer(20, 20, 0))
                    .isInstanceOf(org.lifeline.api.LifelineException.class)
                    .hasMessage("the X display " + doomed.display() + " went away (the session ended?): input was not delivered");
            watch.close();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> own.key('a', true))
                    .isInstanceOf(org.lifeline.api.LifelineException.class)
                    .hasMessage("cannot open X display " + doomed.display() + " — is it running, and is DISPLAY right?");
        } finally {
            own.deactivate();
        }
    }

    /** Another connection's requests may be handled first: wait (bounded) for the state to show. */
    private static boolean awaitButton1(X11.Display probe, boolean down) throws InterruptedException {
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (((buttons(probe) & BUTTON1_MASK) != 0) != down) {
            if (Instant.now().isAfter(deadline)) return false;
            Thread.sleep(10);
        }
        return true;
    }

    private static int buttons(X11.Display probe) {
        IntByReference mask = new IntByReference();
        IntByReference ignored = new IntByReference();
        X11.INSTANCE.XQueryPointer(probe, X11.INSTANCE.XDefaultRootWindow(probe), new X11.WindowByReference(),
                new X11.WindowByReference(), ignored, ignored, ignored, ignored, mask);
        return mask.getValue();
    }

    /** An xterm writing what it receives to a file, with the pointer over it (no window manager: focus follows the pointer). */
    private Path startTypingTarget(String title) throws Exception {
        Path file = dir.resolve(title + ".txt");
        ProcessBuilder xterm = xvfb.builder("xterm", "-u8", "-fa", "DejaVuSansMono", "-geometry", "60x4+0+0", "-title", title,
                "-e", "sh", "-c", "exec cat > " + file);
        xterm.environment().put("LC_ALL", "C.UTF-8");
        xvfb.spawn(xterm);
        xvfb.output("xdotool", "search", "--sync", "--onlyvisible", "--name", title);
        input.pointer(100, 30, 0);
        return file;
    }

    private static void type(String text) {
        text.codePoints().forEach(cp -> key(cp >= 0x20 && cp <= 0xff ? cp : 0x1000000 | cp));
    }

    private static void key(int keysym) {
        input.key(keysym, true);
        input.key(keysym, false);
    }

    /** Waits for the first complete line (cat writes once the terminal hands over a line). */
    private static String awaitLine(Path file) throws Exception {
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.endsWith("\n")) return text;
            }
            Thread.sleep(50);
        }
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(nothing arrived)";
    }
}
