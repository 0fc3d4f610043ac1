package org.lifeline.codec.tile.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.lifeline.api.screen.FrameBuffer;

/** Realistic desktop content for tests and benchmarks: antialiased terminal text, windows, photos. */
public final class Screens {
    public static final Font MONO = new Font(Font.MONOSPACED, Font.PLAIN, 13);
    private static final String WORDS = "the quick brown fox jumps over lazy dog remote desktop line lorem ipsum "
            + "dolor sit amet consectetur adipiscing elit 0123456789 ls -l /usr/bin total drwxr-xr-x root";

    private Screens() {
    }

    public static BufferedImage image(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    public static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(MONO);
        return g;
    }

    public static int lineHeight() {
        return 15;
    }

    public static String line(Random random, int chars) {
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) {
            int s = random.nextInt(WORDS.length() - 8);
            b.append(WORDS, s, s + 1 + random.nextInt(7));
        }
        return b.substring(0, chars);
    }

    /** A white terminal with black antialiased text filling {@code (x, y, w, h)}. */
    public static void terminal(Graphics2D g, Random random, int x, int y, int w, int h) {
        g.setColor(Color.WHITE);
        g.fillRect(x, y, w, h);
        g.setColor(Color.GRAY);
        g.drawRect(x, y, w - 1, h - 1);
        g.setColor(Color.BLACK);
        int lines = (h - 4) / lineHeight();
        for (int i = 0; i < lines; i++) {
            g.drawString(line(random, Math.max(1, (w - 8) / 8)), x + 4, y + 2 + (i + 1) * lineHeight() - 3);
        }
    }

    /** A desktop: dark background, a full-height terminal and a second window. */
    public static BufferedImage desktop(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = image(w, h);
        Graphics2D g = graphics(img);
        g.setColor(new Color(0x2B3A4A));
        g.fillRect(0, 0, w, h);
        terminal(g, random, 20, 20, w * 6 / 10, h - 60);
        terminal(g, random, w / 2, h / 2, w * 4 / 10, h * 4 / 10);
        g.dispose();
        return img;
    }

    /** Smooth gradients with noise: many colours per tile, like a photograph. */
    public static void photo(BufferedImage img, Random random, int x, int y, int w, int h) {
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int r = clamp(128 + (int) (100 * Math.sin((i + x) / 23.0)) + random.nextInt(9) - 4);
                int gr = clamp(128 + (int) (100 * Math.cos((j + y) / 31.0)) + random.nextInt(9) - 4);
                int b = clamp((i * 255 / Math.max(1, w) + j * 255 / Math.max(1, h)) / 2 + random.nextInt(9) - 4);
                if (x + i < img.getWidth() && y + j < img.getHeight()) img.setRGB(x + i, y + j, r << 16 | gr << 8 | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Copies the image's pixels into a (new or matching) frame buffer. */
    public static FrameBuffer frame(BufferedImage img, FrameBuffer into) {
        FrameBuffer f = into != null && into.width() == img.getWidth() && into.height() == img.getHeight()
                ? into : new FrameBuffer(img.getWidth(), img.getHeight());
        int[] src = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] dst = f.pixels();
        // the Java 2D pipeline leaves alpha bits in TYPE_INT_RGB rasters; frames hold 0x00RRGGBB
        for (int i = 0; i < src.length; i++) dst[i] = src[i] & 0xFFFFFF;
        return f;
    }

    public static FrameBuffer frame(BufferedImage img) {
        return frame(img, null);
    }

    /** Shifts rows {@code [y, y+h)} of column range {@code [x, x+w)} up by {@code dy} and paints a new last line. */
    public static void scroll(BufferedImage img, Random random, int x, int y, int w, int h, int dy) {
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int width = img.getWidth();
        for (int r = 0; r < h - dy; r++) System.arraycopy(px, (y + r + dy) * width + x, px, (y + r) * width + x, w);
        Graphics2D g = graphics(img);
        g.setColor(Color.WHITE);
        g.fillRect(x, y + h - dy, w, dy);
        g.setColor(Color.BLACK);
        g.setClip(x, y + h - dy, w, dy);
        g.drawString(line(random, Math.max(1, (w - 8) / 8)), x + 4, y + h - 3);
        g.dispose();
    }

    /** Fails with the first differing pixel (not a dump of millions of ints). */
    public static void assertSamePixels(FrameBuffer expected, FrameBuffer actual) {
        if (actual == null) throw new AssertionError("no frame decoded");
        if (expected.width() != actual.width() || expected.height() != actual.height()) {
            throw new AssertionError("size " + actual.width() + "x" + actual.height() + ", expected "
                    + expected.width() + "x" + expected.height());
        }
        int i = java.util.Arrays.mismatch(expected.pixels(), actual.pixels());
        if (i >= 0) {
            throw new AssertionError("pixel (" + i % expected.width() + "," + i / expected.width() + ") is "
                    + Integer.toHexString(actual.pixels()[i]) + ", expected " + Integer.toHexString(expected.pixels()[i]));
        }
    }

    /** A recorded screen from {@code src/test/resources/frames}. */
    public static FrameBuffer recorded(String name) {
        try (InputStream in = Screens.class.getResourceAsStream("/frames/" + name)) {
            if (in == null) throw new IllegalArgumentException("no recorded frame " + name);
            BufferedImage read = ImageIO.read(in);
            BufferedImage rgb = image(read.getWidth(), read.getHeight());
            Graphics2D g = rgb.createGraphics();
            g.drawImage(read, 0, 0, null);
            g.dispose();
            return frame(rgb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
