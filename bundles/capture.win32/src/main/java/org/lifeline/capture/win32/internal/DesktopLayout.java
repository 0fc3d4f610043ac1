package org.lifeline.capture.win32.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;

/**
 * The monitors Windows reports, in desktop coordinates: (0, 0) is the primary monitor's top-left corner,
 * so monitors left of or above it have negative origins.
 */
final class DesktopLayout {
    /** One monitor as {@code GetMonitorInfo} describes it (a RECT is left, top, right, bottom; right and bottom exclusive). */
    record RawMonitor(String device, int left, int top, int right, int bottom, boolean primary) {
    }

    private final List<Monitor> monitors;
    private final Rect desktop;

    private DesktopLayout(List<Monitor> monitors, Rect desktop) {
        this.monitors = List.copyOf(monitors);
        this.desktop = desktop;
    }

    /**
     * Orders monitors so that indexes are stable however Windows enumerates them: the primary first,
     * then left to right, then top to bottom. Empty monitors are dropped.
     */
    static DesktopLayout of(List<RawMonitor> raw) {
        List<RawMonitor> sorted = new ArrayList<>();
        for (RawMonitor m : raw) {
            if (m.right() > m.left() && m.bottom() > m.top()) sorted.add(m);
        }
        sorted.sort(Comparator.comparing((RawMonitor m) -> !m.primary()).thenComparingInt(RawMonitor::left)
                .thenComparingInt(RawMonitor::top));
        List<Monitor> monitors = new ArrayList<>();
        for (RawMonitor m : sorted) {
            String name = m.device() == null || m.device().isBlank() ? "Monitor " + (monitors.size() + 1) : m.device();
            monitors.add(new Monitor(monitors.size(), name, rect(m), m.primary()));
        }
        return new DesktopLayout(monitors, union(monitors));
    }

    List<Monitor> monitors() {
        return monitors;
    }

    /** The smallest rectangle holding every monitor (Windows' "virtual screen"); empty when there are none. */
    Rect desktop() {
        return desktop;
    }

    /** The area a capture of {@code monitor} covers; -1 means the whole desktop. */
    Rect bounds(int monitor) {
        if (monitor == -1) return desktop;
        if (monitor < 0 || monitor >= monitors.size()) {
            throw new IndexOutOfBoundsException("no monitor " + monitor + " (there are " + monitors.size() + ")");
        }
        return monitors.get(monitor).bounds();
    }

    private static Rect rect(RawMonitor m) {
        return new Rect(m.left(), m.top(), m.right() - m.left(), m.bottom() - m.top());
    }

    private static Rect union(List<Monitor> monitors) {
        if (monitors.isEmpty()) return new Rect(0, 0, 0, 0);
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
