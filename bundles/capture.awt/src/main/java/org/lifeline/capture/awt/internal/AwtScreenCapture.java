package org.lifeline.capture.awt.internal;

import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.PointerInfo;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.List;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;

/**
 * Robot cannot tell what changed, so every grab copies the whole area and reports it all as damage; the
 * codec's own tile comparison then finds the real changes. The cursor's position is known, its shape not.
 */
final class AwtScreenCapture implements ScreenCapture {
    private final Robot robot;
    private final Rect bounds;

    AwtScreenCapture(Robot robot, Rect bounds) {
        this.robot = robot;
        this.bounds = bounds;
    }

    @Override
    public Rect bounds() {
        return bounds;
    }

    @Override
    public List<Rect> grab(FrameBuffer target) {
        if (target.width() != bounds.width() || target.height() != bounds.height()) {
            throw new IllegalArgumentException("frame is " + target.width() + "x" + target.height()
                    + " but the capture is " + bounds.width() + "x" + bounds.height());
        }
        BufferedImage image = robot.createScreenCapture(new Rectangle(bounds.x(), bounds.y(), bounds.width(), bounds.height()));
        int[] pixels = target.pixels();
        image.getRGB(0, 0, bounds.width(), bounds.height(), pixels, 0, bounds.width());
        for (int i = 0; i < pixels.length; i++) pixels[i] &= 0xffffff;
        return List.of(new Rect(0, 0, bounds.width(), bounds.height()));
    }

    @Override
    public Cursor cursor() {
        PointerInfo info = MouseInfo.getPointerInfo();
        if (info == null) return null;
        Point p = info.getLocation();
        return new Cursor(p.x - bounds.x(), p.y - bounds.y(), 0, 0, 0, 0, null, 0);
    }

    @Override
    public void close() {
        // Robot holds no resources of its own.
    }
}
