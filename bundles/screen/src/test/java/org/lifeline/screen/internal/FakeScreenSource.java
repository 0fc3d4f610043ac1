package org.lifeline.screen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenSource;

/**
 * A desktop in memory that tests paint on. Captures report exactly the painted rectangles as damage (as
 * XDamage does), count their grabs, and release {@link #ticks} on every cursor query (once per poll).
 */
final class FakeScreenSource implements ScreenSource {
    final FrameBuffer desktop;
    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger grabs = new AtomicInteger();
    /** One permit per novice poll (each poll asks for the cursor). */
    final Semaphore ticks = new Semaphore(0);
    /** One permit per grab. */
    final Semaphore grabbed = new Semaphore(0);
    /** Failed grabs so far; while {@link #broken}, every grab fails as a lost display does. */
    final AtomicInteger failedGrabs = new AtomicInteger();
    volatile boolean broken;
    private final List<FakeCapture> open = new ArrayList<>();
    private Cursor cursor;

    FakeScreenSource(int width, int height, long seed) {
        desktop = new FrameBuffer(width, height);
        Random random = new Random(seed);
        int[] p = desktop.pixels();
        for (int i = 0; i < p.length; i++) p[i] = random.nextInt() & 0xffffff;
    }

    @Override
    public List<Monitor> monitors() {
        return List.of(new Monitor(0, "fake", desktop.bounds(), true));
    }

    @Override
    public synchronized ScreenCapture open(int monitor) {
        opens.incrementAndGet();
        FakeCapture c = new FakeCapture();
        open.add(c);
        return c;
    }

    /** Paints a rectangle with noise from {@code seed}; every open capture sees it as damage. */
    synchronized void paint(Rect r, long seed) {
        Random random = new Random(seed);
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                desktop.pixels()[y * desktop.width() + x] = random.nextInt() & 0xffffff;
            }
        }
        for (FakeCapture c : open) c.damage.add(r);
    }

    synchronized FrameBuffer frame() {
        return desktop.copy();
    }

    synchronized void cursor(Cursor c) {
        cursor = c;
    }

    synchronized int openCaptures() {
        return open.size();
    }

    final class FakeCapture implements ScreenCapture {
        private final List<Rect> damage = new ArrayList<>();
        private boolean first = true;
        private long shapeSent = Long.MIN_VALUE;

        @Override
        public Rect bounds() {
            return desktop.bounds();
        }

        @Override
        public List<Rect> grab(FrameBuffer target) {
            synchronized (FakeScreenSource.this) {
                if (!open.contains(this)) throw new IllegalStateException("grab on a closed capture");
                if (broken) {
                    failedGrabs.incrementAndGet();
                    throw new IllegalStateException("the display went away");
                }
                System.arraycopy(desktop.pixels(), 0, target.pixels(), 0, target.pixels().length);
                List<Rect> result = first ? List.of(desktop.bounds()) : List.copyOf(damage);
                first = false;
                damage.clear();
                grabs.incrementAndGet();
                grabbed.release();
                return result;
            }
        }

        @Override
        public Cursor cursor() {
            synchronized (FakeScreenSource.this) {
                ticks.release();
                Cursor c = cursor;
                if (c == null) return null;
                if (c.serial() == shapeSent) {
                    return new Cursor(c.x(), c.y(), c.hotX(), c.hotY(), c.width(), c.height(), null, c.serial());
                }
                shapeSent = c.serial();
                return c;
            }
        }

        @Override
        public void close() {
            synchronized (FakeScreenSource.this) {
                open.remove(this);
            }
        }
    }
}
