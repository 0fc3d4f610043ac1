package org.lifeline.codec.tile.internal.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.codec.tile.internal.Codecs;
import org.lifeline.codec.tile.internal.Screens;

/**
 * Pairs of frames for the benchmark scenarios; an encoder alternating between the two frames of a pair does
 * the scenario forwards and backwards (scroll up then down, move there and back), so every update is real work.
 */
public final class Scenarios {
    public static final String[] NAMES = {"idle", "typing", "scroll", "move", "repaint"};

    private Scenarios() {
    }

    public static FrameBuffer[] frames(String scenario, int width, int height) {
        Random random = new Random(42);
        return switch (scenario) {
            case "idle" -> {
                FrameBuffer f = Screens.frame(Screens.desktop(width, height, 1));
                yield new FrameBuffer[] {f, f.copy()};
            }
            case "typing" -> {
                BufferedImage img = Screens.desktop(width, height, 1);
                FrameBuffer a = Screens.frame(img);
                Graphics2D g = Screens.graphics(img);
                g.setColor(Color.BLACK);
                g.drawString("abc", 300, 200);
                g.dispose();
                yield new FrameBuffer[] {a, Screens.frame(img)};
            }
            case "scroll" -> {
                // a full-screen terminal scrolls by one line
                BufferedImage img = Screens.image(width, height);
                Graphics2D g = Screens.graphics(img);
                Screens.terminal(g, random, 0, 0, width, height);
                g.dispose();
                FrameBuffer a = Screens.frame(img);
                Screens.scroll(img, random, 1, 1, width - 2, height - 2, Screens.lineHeight());
                yield new FrameBuffer[] {a, Screens.frame(img)};
            }
            case "move" -> {
                BufferedImage background = Screens.desktop(width, height, 1);
                BufferedImage window = Screens.image(560, 304);
                Graphics2D wg = Screens.graphics(window);
                Screens.terminal(wg, random, 0, 0, 560, 304);
                wg.dispose();
                FrameBuffer[] pair = new FrameBuffer[2];
                for (int i = 0; i < 2; i++) {
                    BufferedImage img = Screens.image(width, height);
                    Graphics2D g = img.createGraphics();
                    g.drawImage(background, 0, 0, null);
                    g.drawImage(window, width / 2 - i * 12, height / 2 - i * 6, null);
                    g.dispose();
                    pair[i] = Screens.frame(img);
                }
                yield pair;
            }
            case "repaint" -> new FrameBuffer[] {Screens.frame(Screens.desktop(width, height, 1)),
                    Screens.frame(Screens.desktop(width, height, 2))};
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    /** Bytes per update for every scenario and size (the JMH run measures the time). */
    public static void main(String[] args) {
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            for (String name : NAMES) {
                FrameBuffer[] pair = frames(name, size[0], size[1]);
                FrameEncoder encoder = Codecs.encoder(EncoderSettings.LOSSLESS, 32, 6);
                int first = encoder.encode(pair[0], null).length;
                long total = 0;
                int updates = 0;
                for (int i = 1; i <= 20; i++) {
                    byte[] u = encoder.encode(pair[i % 2], null);
                    if (u != null) {
                        total += u.length;
                        updates++;
                    }
                }
                System.out.printf("%dx%d %-8s first frame %,9d B, then %,7d B per update (%d of 20 updates non-empty)%n",
                        size[0], size[1], name, first, updates == 0 ? 0 : total / updates, updates);
            }
        }
    }
}
