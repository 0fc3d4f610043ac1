package org.lifeline.codec.tile.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lifeline.api.screen.Rect;

/** Random desktop edits for property tests: each returns the rectangles it touched (a damage hint). */
final class Edits {
    private Edits() {
    }

    static List<Rect> apply(BufferedImage img, Random random) {
        int w = img.getWidth(), h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int rw = 1 + random.nextInt(w), rh = 1 + random.nextInt(h);
        int x = random.nextInt(w - rw + 1), y = random.nextInt(h - rh + 1);
        List<Rect> damage = new ArrayList<>();
        switch (random.nextInt(7)) {
            case 0 -> {
                int c = random.nextInt(0x1000000);
                for (int r = 0; r < rh; r++) java.util.Arrays.fill(px, (y + r) * w + x, (y + r) * w + x + rw, c);
                damage.add(new Rect(x, y, rw, rh));
            }
            case 1 -> {
                // few colours, like icons and UI chrome
                int[] colours = random.ints(2 + random.nextInt(20), 0, 0x1000000).toArray();
                for (int r = 0; r < rh; r++) {
                    for (int c = 0; c < rw; c++) px[(y + r) * w + x + c] = colours[random.nextInt(colours.length)];
                }
                damage.add(new Rect(x, y, rw, rh));
            }
            case 2 -> {
                for (int r = 0; r < rh; r++) for (int c = 0; c < rw; c++) px[(y + r) * w + x + c] = random.nextInt(0x1000000);
                damage.add(new Rect(x, y, rw, rh));
            }
            case 3 -> {
                // vertical scroll of a region, either direction, new content in the uncovered band
                int dy = 1 + random.nextInt(Math.max(1, rh / 2));
                if (rh > dy) {
                    boolean up = random.nextBoolean();
                    int[] copy = px.clone();
                    for (int r = 0; r < rh - dy; r++) {
                        int from = up ? y + r + dy : y + r, to = up ? y + r : y + r + dy;
                        System.arraycopy(copy, from * w + x, px, to * w + x, rw);
                    }
                    Graphics2D g = Screens.graphics(img);
                    g.setColor(Color.WHITE);
                    int band = up ? y + rh - dy : y;
                    g.fillRect(x, band, rw, dy);
                    g.setColor(Color.BLACK);
                    g.setClip(x, band, rw, dy);
                    g.drawString(Screens.line(random, 40), x + 2, band + dy - 2);
                    g.dispose();
                }
                damage.add(new Rect(x, y, rw, rh));
            }
            case 4 -> {
                // a window moves: a block appears elsewhere, its old place shows the background again
                int nx = random.nextInt(w - rw + 1), ny = random.nextInt(h - rh + 1);
                int[] copy = px.clone();
                int bg = random.nextInt(0x1000000);
                for (int r = 0; r < rh; r++) java.util.Arrays.fill(px, (y + r) * w + x, (y + r) * w + x + rw, bg);
                for (int r = 0; r < rh; r++) System.arraycopy(copy, (y + r) * w + x, px, (ny + r) * w + nx, rw);
                damage.add(new Rect(x, y, rw, rh));
                damage.add(new Rect(nx, ny, rw, rh));
            }
            case 5 -> {
                Graphics2D g = Screens.graphics(img);
                g.setColor(new Color(random.nextInt(0x1000000)));
                g.drawString(Screens.line(random, 1 + random.nextInt(30)), x, y + 12);
                g.dispose();
                damage.add(new Rect(0, 0, w, h));
            }
            default -> {
                for (int i = 0; i < 5; i++) {
                    int px0 = random.nextInt(w), py0 = random.nextInt(h);
                    px[py0 * w + px0] = random.nextInt(0x1000000);
                    damage.add(new Rect(px0, py0, 1, 1));
                }
            }
        }
        return damage;
    }

    /** A random starting picture: text, flat areas and noise. */
    static BufferedImage start(int w, int h, Random random) {
        BufferedImage img = Screens.image(w, h);
        Graphics2D g = Screens.graphics(img);
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillRect(0, 0, w, h);
        Screens.terminal(g, random, random.nextInt(w), random.nextInt(h), 1 + random.nextInt(w), 1 + random.nextInt(h));
        g.dispose();
        if (random.nextBoolean()) Screens.photo(img, random, random.nextInt(w), random.nextInt(h), random.nextInt(w), random.nextInt(h));
        return img;
    }
}
