package org.lifeline.capture.macos.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;

/**
 * Active displays in Quartz global coordinates (points; the main display's top-left is (0, 0), y grows
 * downwards, other displays may have negative origins).
 */
final class DisplayLayout {
    /** One display as CGDisplayBounds reports it. */
    record RawDisplay(int id, double x, double y, double width, double height, boolean main) {
    }

    /** A monitor and the display it is. */
    record Display(int id, Monitor monitor) {
    }

    private final List<Display> displays;
    private final Rect desktop;

    private DisplayLayout(List<Display> displays, Rect desktop) {
        this.displays = List.copyOf(displays);
        this.desktop = desktop;
    }

    /** Stable indexes: the main display first, then left to right, then top to bottom; empty displays are dropped. */
    static DisplayLayout of(List<RawDisplay> raw) {
        List<RawDisplay> sorted = new ArrayList<>();
        for (RawDisplay d : raw) {
            if (Math.round(d.width()) > 0 && Math.round(d.height()) > 0) sorted.add(d);
        }
        sorted.sort(Comparator.comparing((RawDisplay d) -> !d.main()).thenComparingDouble(RawDisplay::x)
                .thenComparingDouble(RawDisplay::y));
        List<Display> displays = new ArrayList<>();
        for (RawDisplay d : sorted) {
            Rect bounds = new Rect((int) Math.round(d.x()), (int) Math.round(d.y()), (int) Math.round(d.width()),
                    (int) Math.round(d.height()));
            displays.add(new Display(d.id(), new Monitor(displays.size(), "Display " + d.id(), bounds, d.main())));
        }
        return new DisplayLayout(displays, union(displays));
    }

    List<Monitor> monitors() {
        return displays.stream().map(Display::monitor).toList();
    }

    Rect desktop() {
        return desktop;
    }

    /** The displays a capture of {@code monitor} (-1 for all) reads. */
    List<Display> displays(int monitor) {
        if (monitor == -1) return displays;
        if (monitor < 0 || monitor >= displays.size()) {
            throw new IndexOutOfBoundsException("no monitor " + monitor + " (there are " + displays.size() + ")");
        }
        return List.of(displays.get(monitor));
    }

    Rect bounds(int monitor) {
        return monitor == -1 ? desktop : displays(monitor).get(0).monitor().bounds();
    }

    private static Rect union(List<Display> displays) {
        if (displays.isEmpty()) return new Rect(0, 0, 0, 0);
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Display d : displays) {
            Rect b = d.monitor().bounds();
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + b.width());
            y1 = Math.max(y1, b.y() + b.height());
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
