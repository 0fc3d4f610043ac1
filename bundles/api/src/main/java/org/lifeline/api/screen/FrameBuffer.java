package org.lifeline.api.screen;

/**
 * A picture of the screen: {@code width * height} pixels, row by row, each 0x00RRGGBB. Capture writes
 * into it, the codec reads and writes it. Not thread-safe: one owner at a time.
 */
public final class FrameBuffer {
    /** Largest frame anyone allocates (16384 x 16384 would be 1 GiB; 8K x 8K is plenty for desktops). */
    public static final int MAX_PIXELS = 8192 * 8192;

    private final int width;
    private final int height;
    private final int[] pixels;

    public FrameBuffer(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("frame size out of range: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The live pixel array (not a copy), index {@code y * width + x}. */
    public int[] pixels() {
        return pixels;
    }

    public Rect bounds() {
        return new Rect(0, 0, width, height);
    }

    public FrameBuffer copy() {
        FrameBuffer c = new FrameBuffer(width, height);
        System.arraycopy(pixels, 0, c.pixels, 0, pixels.length);
        return c;
    }
}
