package org.lifeline.capture.x11.internal;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Captures an X11 desktop. The display is the framework property {@value #DISPLAY_PROPERTY} if set, else
 * {@code DISPLAY}. Each {@link #open(int)} gets its own X connection.
 */
@Component(property = {ScreenSource.SOURCE_ID + "=x11", "service.ranking:Integer=100"})
public class X11ScreenSource implements ScreenSource {
    public static final String DISPLAY_PROPERTY = "lifeline.display";
    private static final int XRRMONITORINFO_SIZE = 56;

    private final String displayName;

    @Activate
    public X11ScreenSource(BundleContext context) {
        this(X11Connection.displayName(context.getProperty(DISPLAY_PROPERTY)));
    }

    X11ScreenSource(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public List<Monitor> monitors() {
        X11.Display display = X11Connection.open(displayName);
        try {
            return monitors(display);
        } finally {
            X11Connection.close(display);
        }
    }

    @Override
    public ScreenCapture open(int monitor) {
        return open(monitor, true);
    }

    X11ScreenCapture open(int monitor, boolean sharedMemory) {
        X11.Display display = X11Connection.open(displayName);
        Rect bounds;
        try {
            bounds = area(display, monitor);
        } catch (RuntimeException e) {
            X11Connection.close(display);
            throw e;
        }
        return new X11ScreenCapture(display, displayName, bounds, sharedMemory);
    }

    private static Rect area(X11.Display display, int monitor) {
        if (monitor == -1) return rootBounds(display);
        List<Monitor> all = monitors(display);
        if (monitor < 0 || monitor >= all.size()) {
            throw new LifelineException("there is no monitor " + monitor + ": this desktop has " + all.size()
                    + " (0.." + (all.size() - 1) + ", or -1 for all)");
        }
        return all.get(monitor).bounds().intersect(rootBounds(display));
    }

    private static Rect rootBounds(X11.Display display) {
        int screen = X11.INSTANCE.XDefaultScreen(display);
        return new Rect(0, 0, X11.INSTANCE.XDisplayWidth(display, screen), X11.INSTANCE.XDisplayHeight(display, screen));
    }

    /** RandR 1.5 monitors; a server without them is one monitor the size of the root window. */
    static List<Monitor> monitors(X11.Display display) {
        List<Monitor> out = new ArrayList<>();
        X11Natives.XRandr randr = X11Natives.XRandr.INSTANCE;
        IntByReference major = new IntByReference(1), minor = new IntByReference(5);
        if (randr.XRRQueryExtension(display, new IntByReference(), new IntByReference())
                && randr.XRRQueryVersion(display, major, minor) != 0
                && (major.getValue() > 1 || minor.getValue() >= 5)) {
            long root = X11.INSTANCE.XDefaultRootWindow(display).longValue();
            IntByReference count = new IntByReference();
            Pointer infos = randr.XRRGetMonitors(display, root, true, count);
            if (XErrorTrap.sync(display) == 0 && infos != null) {
                try {
                    for (int i = 0; i < count.getValue(); i++) {
                        X11Natives.XRRMonitorInfo m = new X11Natives.XRRMonitorInfo(infos.share((long) i * XRRMONITORINFO_SIZE));
                        out.add(new Monitor(i, atomName(display, m.name, i), new Rect(m.x, m.y, m.width, m.height),
                                m.primary != 0));
                    }
                } finally {
                    randr.XRRFreeMonitors(infos);
                }
            }
        }
        if (out.isEmpty()) out.add(new Monitor(0, "screen", rootBounds(display), true));
        if (out.stream().noneMatch(Monitor::primary)) {
            // Servers without a primary output (Xvfb, many VNC servers): the first monitor stands in.
            Monitor first = out.get(0);
            out.set(0, new Monitor(first.index(), first.name(), first.bounds(), true));
        }
        return out;
    }

    private static String atomName(X11.Display display, long atom, int index) {
        if (atom == 0) return "monitor-" + index;
        Pointer name = X11Natives.Xlib.INSTANCE.XGetAtomName(display, atom);
        if (name == null) return "monitor-" + index;
        try {
            return name.getString(0);
        } finally {
            X11.INSTANCE.XFree(name);
        }
    }
}
