package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.launcher.e2e.InvitationScriptIT.LOOPBACK_ONLY;
import static org.lifeline.launcher.e2e.InvitationScriptIT.group;
import static org.lifeline.launcher.e2e.SessionEndToEndIT.eventually;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.lifeline.testing.x11.XwdImage;

/**
 * The screen tests' common stage: a real X server with an xterm (title {@code novice-term}) under the pointer, a
 * novice launcher sharing that display, an expert launcher connected to it through a ticket (as Erin), the
 * novice's consent not yet given; and the comparisons of the expert's picture with the display's own screenshot.
 */
final class SharedScreen implements AutoCloseable {
    final Path dir;
    final XServer x;
    final LauncherProcess novice;
    final LauncherProcess expert;
    /** The session's id on the novice's side. */
    final String n;
    /** The session's id on the expert's side. */
    final String e;

    private SharedScreen(Path dir, XServer x, LauncherProcess novice, LauncherProcess expert, String n, String e) {
        this.dir = dir;
        this.x = x;
        this.novice = novice;
        this.expert = expert;
        this.n = n;
        this.e = e;
    }

    /**
     * Starts everything up to the novice's consent question. {@code noviceEtc}: extra configuration files for the
     * novice's {@code etc/}, as name/content pairs.
     */
    static SharedScreen start(Path dir, int width, int height, String xtermGeometry, String password,
            String... noviceEtc) throws Exception {
        XServer x = XServer.start(width, height);
        LauncherProcess novice = null;
        LauncherProcess expert = null;
        try {
            x.client("xterm", "-fa", "DejaVuSansMono", "-fs", "11", "-geometry", xtermGeometry, "-title", "novice-term",
                    "-e", "bash", "--norc", "--noprofile");
            x.awaitWindow("novice-term");
            // without a window manager the keyboard goes to the window under the pointer
            x.run("xdotool", "mousemove", "400", "300");
            List<String> etc = new ArrayList<>(List.of("org.lifeline.candidates.cfg", LOOPBACK_ONLY));
            etc.addAll(List.of(noviceEtc));
            novice = LauncherProcess.start("novice", dir.resolve("novice"), x.display(), etc.toArray(String[]::new));
            expert = LauncherProcess.start("expert", dir.resolve("expert"), null);
            Path ticket = dir.resolve("help.msrcincident");
            novice.ok("ra:invite --out '" + ticket + "' --password '" + password + "' --expires 1h");
            String e = group(expert.ok("ra:open '" + ticket + "' --password '" + password + "' --name Erin"),
                    "session (\\d+)");
            String[] n = new String[1];
            LauncherProcess asked = novice;
            eventually(() -> {
                Matcher m = Pattern.compile("session (\\d+): Erin.*wants to connect").matcher(asked.ok("ra:events"));
                assertThat(m.find()).isTrue();
                n[0] = m.group(1);
            });
            return new SharedScreen(dir, x, novice, expert, n[0], e);
        } catch (Exception | Error failed) {
            if (expert != null) expert.close();
            if (novice != null) novice.close();
            x.close();
            throw failed;
        }
    }

    /** The display's own screenshot. */
    XwdImage xwd() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xwd", "-root", "-silent", "-display", x.display()).start();
        byte[] dump = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return XwdImage.parse(dump);
    }

    /**
     * Waits until the expert's picture equals the display's screenshot outside {@code mask} (where something keeps
     * changing; null: everywhere), and returns that screenshot.
     */
    XwdImage awaitViewEqualsDisplay(String when, Rectangle mask, long deadlineMillis) throws Exception {
        long deadline = System.currentTimeMillis() + deadlineMillis;
        String lastDifference = "";
        int round = 0;
        while (System.currentTimeMillis() < deadline) {
            XwdImage screen = xwd();
            Path png = dir.resolve("view-" + when.replace(' ', '-') + "-" + (round++) + ".png");
            String out = expert.run("ra:snapshot " + e + " '" + png + "'");
            if (Files.exists(png)) {
                lastDifference = difference(screen, ImageIO.read(png.toFile()), mask);
                if (lastDifference.isEmpty()) return screen;
            } else {
                lastDifference = out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the expert's view never equalled the display (" + when + "): " + lastDifference);
    }

    /**
     * Empty when equal outside {@code mask} (if not null); else how many pixels differ, by how much at most, and
     * where the first is.
     */
    static String difference(XwdImage screen, BufferedImage view, Rectangle mask) {
        if (view.getWidth() != screen.width() || view.getHeight() != screen.height()) {
            return "size " + view.getWidth() + "x" + view.getHeight() + " vs " + screen.width() + "x" + screen.height();
        }
        int differing = 0;
        int peak = 0;
        String first = "";
        for (int y = 0; y < screen.height(); y++) {
            for (int xx = 0; xx < screen.width(); xx++) {
                if (mask != null && mask.contains(xx, y)) continue;
                int a = screen.pixels()[y * screen.width() + xx] & 0xffffff;
                int b = view.getRGB(xx, y) & 0xffffff;
                if (a == b) continue;
                if (differing++ == 0) first = ", first at " + xx + "," + y + ": " + Integer.toHexString(a) + " vs " + Integer.toHexString(b);
                for (int shift = 0; shift <= 16; shift += 8) {
                    peak = Math.max(peak, Math.abs((a >> shift & 255) - (b >> shift & 255)));
                }
            }
        }
        return differing == 0 ? "" : differing + " pixels differ (peak error " + peak + "/255)" + first;
    }

    @Override
    public void close() {
        expert.close();
        novice.close();
        x.close();
    }
}
