package org.lifeline.api.screen;

/** A rectangle in screen pixels. */
public record Rect(int x, int y, int width, int height) {
    public Rect {
        if (width < 0 || height < 0) throw new IllegalArgumentException("negative size");
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public Rect intersect(Rect o) {
        int x0 = Math.max(x, o.x), y0 = Math.max(y, o.y);
        int x1 = Math.min(x + width, o.x + o.width), y1 = Math.min(y + height, o.y + o.height);
        return x1 <= x0 || y1 <= y0 ? new Rect(x0, y0, 0, 0) : new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
