package org.lifeline.codec.tile.internal.bench;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.codec.tile.internal.Screens;

/**
 * A synthetic copy of the shared benchmark scene (/work/shared/bench): a black root window, xterm A (100x40,
 * interactive) at (20,20) and xterm B (70x20, static text) above it at (700,420), drawn with antialiased
 * monospaced text. Lines sit at fixed pixel rows, so scrolling shifts pixels exactly as a terminal does.
 */
public final class DesktopScene {
    public final int width;
    public final int height;
    private final Terminal a = new Terminal(100, 40);
    private final Terminal b = new Terminal(70, 20);
    public int bx = 700;
    public int by = 420;
    private final BufferedImage img;
    private FrameBuffer frame;

    public DesktopScene(int width, int height) {
        this.width = width;
        this.height = height;
        img = Screens.image(width, height);
        a.print("$ ");
        for (int i = 1; i <= 19; i++) b.println("static window text, line " + i);
    }

    public Terminal a() {
        return a;
    }

    public FrameBuffer render() {
        Graphics2D g = Screens.graphics(img);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        a.render(g, 20, 20);
        b.render(g, bx, by);
        g.dispose();
        frame = Screens.frame(img, frame);
        return frame;
    }

    /** A terminal: white background, black text, a block cursor after the last character. */
    public static final class Terminal {
        static final int CELL_W = 8;
        static final int CELL_H = 15;
        private final int cols;
        private final int rows;
        private final List<StringBuilder> lines = new ArrayList<>();

        Terminal(int cols, int rows) {
            this.cols = cols;
            this.rows = rows;
            lines.add(new StringBuilder());
        }

        public void print(String s) {
            for (char c : s.toCharArray()) {
                if (c == '\n') {
                    lines.add(new StringBuilder());
                } else {
                    StringBuilder last = lines.get(lines.size() - 1);
                    if (last.length() == cols) {
                        last = new StringBuilder();
                        lines.add(last);
                    }
                    last.append(c);
                }
            }
            while (lines.size() > rows) lines.remove(0);
        }

        public void println(String s) {
            print(s + "\n");
        }

        public void clear() {
            lines.clear();
            lines.add(new StringBuilder());
        }

        void render(Graphics2D g, int x, int y) {
            int w = cols * CELL_W + 4, h = rows * CELL_H + 4;
            g.setColor(Color.WHITE);
            g.fillRect(x, y, w, h);
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i).toString(), x + 2, y + 2 + i * CELL_H + fm.getAscent());
            }
            int last = lines.size() - 1;
            g.fillRect(x + 2 + fm.stringWidth(lines.get(last).toString()), y + 2 + last * CELL_H, CELL_W, CELL_H);
        }
    }
}
