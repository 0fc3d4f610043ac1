package org.lifeline.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenSource;
import org.lifeline.api.screen.ScreenStats;
import org.lifeline.api.screen.ScreenViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandsTest {
    @TempDir
    Path dir;

    /** A viewer whose first picture arrives while ra:snapshot waits for it. */
    private static final class ArrivingViewer implements ScreenViewer {
        private final FrameBuffer frame;
        private boolean arrived;
        Quality quality;

        ArrivingViewer(FrameBuffer frame) {
            this.frame = frame;
        }

        @Override
        public synchronized Optional<FrameBuffer> snapshot(String sessionId) {
            return arrived && frame != null ? Optional.of(frame.copy()) : Optional.empty();
        }

        @Override
        public synchronized long awaitUpdate(String sessionId, long afterUpdate, long timeoutMillis) {
            arrived = true;
            return 1;
        }

        @Override
        public void quality(String sessionId, Quality q) {
            quality = q;
        }

        @Override
        public ScreenStats stats(String sessionId) {
            return new ScreenStats(sessionId, "tile", Quality.AUTO, 42, 3 * 1024 * 1024, 12.5, 17, 4 * 1024 * 1024,
                    2048, 1920, 1080, "solid 120, zlib 14; 24-bit lossless");
        }
    }

    private static FrameBuffer noise(int w, int h) {
        FrameBuffer f = new FrameBuffer(w, h);
        Random r = new Random(w * 31L + h);
        for (int i = 0; i < f.pixels().length; i++) f.pixels()[i] = r.nextInt() & 0xffffff;
        return f;
    }

    @Test
    void snapshotWaitsForTheFirstPictureAndWritesItsExactPixels() throws Exception {
        FrameBuffer frame = noise(97, 61);
        ScreenCommands commands = new ScreenCommands();
        commands.viewer = new ArrivingViewer(frame);
        Path file = dir.resolve("screen.png");

        assertThat(commands.snapshot("S1", file.toString())).isEqualTo("saved 97x61 to " + file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(97);
        assertThat(read.getHeight()).isEqualTo(61);
        int[] pixels = read.getRGB(0, 0, 97, 61, null, 0, 97);
        for (int i = 0; i < pixels.length; i++) pixels[i] &= 0xffffff;
        assertThat(pixels).isEqualTo(frame.pixels());
        assertThat(dir.toFile().list()).containsExactly("screen.png");
    }

    @Test
    void noPictureYetIsOneClearLine() {
        ScreenCommands commands = new ScreenCommands();
        commands.viewer = new ArrivingViewer(null);
        assertThatThrownBy(() -> commands.snapshot("S1", dir.resolve("x.png").toString()))
                .isInstanceOf(LifelineException.class).hasMessageStartingWith("no picture of session S1's screen yet");
    }

    @Test
    void anUnwritableFolderIsOneClearLine() {
        ScreenCommands commands = new ScreenCommands();
        commands.viewer = new ArrivingViewer(noise(4, 4));
        assertThatThrownBy(() -> commands.snapshot("S1", dir.resolve("missing/x.png").toString()))
                .isInstanceOf(LifelineException.class).hasMessageEndingWith("missing does not exist");
    }

    @Test
    void qualityTakesAutoLowOrHigh() {
        ScreenCommands commands = new ScreenCommands();
        ArrivingViewer viewer = new ArrivingViewer(null);
        commands.viewer = viewer;
        assertThat(commands.quality("S1", "LOW")).isEqualTo("session S1: screen quality low");
        assertThat(viewer.quality).isEqualTo(Quality.LOW);
        assertThatThrownBy(() -> commands.quality("S1", "best")).isInstanceOf(LifelineException.class)
                .hasMessage("unknown quality 'best': use auto, low or high");
    }

    @Test
    void statsShowBytesRateRoundTripAndCodecChoices() {
        ScreenCommands commands = new ScreenCommands();
        commands.viewer = new ArrivingViewer(null);
        assertThat(commands.stats("S1")).contains("1920x1080", "42 (12.5/s)", "3.0 MiB", "17 ms",
                "tile (solid 120, zlib 14; 24-bit lossless)", "in 4.0 MiB, out 2.0 KiB");
    }

    @Test
    void monitorsNameTheSourceAndEveryMonitor() {
        ScreenSource fake = new ScreenSource() {
            @Override
            public List<Monitor> monitors() {
                return List.of(new Monitor(0, "HDMI-1", new Rect(0, 0, 1920, 1080), true),
                        new Monitor(1, "DP-2", new Rect(1920, 0, 1280, 1024), false));
            }

            @Override
            public ScreenCapture open(int monitor) {
                throw new UnsupportedOperationException();
            }
        };
        ScreenCommands commands = new ScreenCommands();
        commands.source = Map.entry(Map.of(ScreenSource.SOURCE_ID, "x11"), fake);
        assertThat(commands.monitors()).startsWith("screen source: x11").contains("0  HDMI-1", "1920x1080 at 0,0  primary",
                "1  DP-2", "1280x1024 at 1920,0");
    }

    @Test
    void withoutTheScreenBundleTheCommandsSaySo() {
        assertThatThrownBy(() -> new ScreenCommands().stats("S1")).isInstanceOf(LifelineException.class)
                .hasMessageContaining("org.lifeline.screen");
    }
}
