package org.lifeline.capture.awt.internal;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenSource;

/** The portable capture: java.awt.Robot screenshots of the whole area, every time. */
final class AwtScreenSource implements ScreenSource {

    /** True when this JVM can see a screen: not headless, and the toolkit finds at least one display device. */
    static boolean displayAvailable() {
        if (GraphicsEnvironment.isHeadless()) return false;
        try {
            return GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices().length > 0;
        } catch (AWTError | HeadlessException | InternalError | UnsatisfiedLinkError e) {
            // The toolkit could not reach a display (e.g. DISPLAY names a server that is not running).
            return false;
        }
    }

    @Override
    public List<Monitor> monitors() {
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        GraphicsDevice primary = env.getDefaultScreenDevice();
        List<Monitor> out = new ArrayList<>();
        GraphicsDevice[] devices = env.getScreenDevices();
        for (int i = 0; i < devices.length; i++) {
            Rectangle b = devices[i].getDefaultConfiguration().getBounds();
            out.add(new Monitor(i, devices[i].getIDstring(), new Rect(b.x, b.y, b.width, b.height), devices[i] == primary));
        }
        return out;
    }

    @Override
    public ScreenCapture open(int monitor) {
        List<Monitor> monitors = monitors();
        Rect bounds;
        if (monitor == -1) {
            bounds = union(monitors);
        } else if (monitor >= 0 && monitor < monitors.size()) {
            bounds = monitors.get(monitor).bounds();
        } else {
            throw new LifelineException("there is no monitor " + monitor + ": this desktop has " + monitors.size()
                    + " (0.." + (monitors.size() - 1) + ", or -1 for all)");
        }
        try {
            return new AwtScreenCapture(new Robot(), bounds);
        } catch (AWTException | SecurityException e) {
            throw new LifelineException("the desktop does not allow screen capture here: " + e.getMessage(), e);
        }
    }

    private static Rect union(List<Monitor> monitors) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Monitor m : monitors) {
            Rect b = m.bounds();
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + b.width());
            y1 = Math.max(y1, b.y() + b.height());
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
