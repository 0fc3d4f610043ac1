package org.lifeline.capture.macos.internal;

import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Screen capture on macOS through CoreGraphics; outranks the portable AWT capture. */
@Component(service = ScreenSource.class, property = {ScreenSource.SOURCE_ID + "=macos", "service.ranking:Integer=100"})
public class MacScreenSource implements ScreenSource {
    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Activate
    void activate() {
        requireMac();
    }

    @Override
    public List<Monitor> monitors() {
        return layout().monitors();
    }

    @Override
    public ScreenCapture open(int monitor) {
        DisplayLayout layout = layout();
        if (monitor < -1 || monitor >= layout.monitors().size()) {
            throw new LifelineException("there is no monitor " + monitor + ": choose -1 (all) or 0.."
                    + (layout.monitors().size() - 1));
        }
        requireScreenRecordingPermission();
        return new QuartzCapture(monitor, MacScreenSource::layout, log);
    }

    static void requireMac() {
        if (!Platform.isMac()) {
            throw new LifelineException("the macOS screen capture cannot run on " + System.getProperty("os.name")
                    + ": use the capture for this system");
        }
    }

    /**
     * Without the Screen Recording permission (macOS 10.15+) the images show only the wallpaper and the
     * menu bar, which would mislead the expert; better to stop and say what to do.
     */
    private void requireScreenRecordingPermission() {
        Quartz.CoreGraphics cg = Quartz.CoreGraphics.INSTANCE;
        boolean allowed;
        try {
            allowed = cg.CGPreflightScreenCaptureAccess() != 0;
            if (!allowed) cg.CGRequestScreenCaptureAccess();
        } catch (UnsatisfiedLinkError olderThanCatalina) {
            allowed = true;
        }
        if (!allowed) {
            throw new LifelineException("macOS does not allow Lifeline to record the screen: allow it in System Settings"
                    + " > Privacy & Security > Screen Recording, then start Lifeline again");
        }
    }

    private static DisplayLayout layout() {
        requireMac();
        return readLayout();
    }

    static DisplayLayout readLayout() {
        Quartz.CoreGraphics cg = Quartz.CoreGraphics.INSTANCE;
        int[] ids = new int[Quartz.MAX_DISPLAYS];
        IntByReference count = new IntByReference();
        int error = cg.CGGetActiveDisplayList(ids.length, ids, count);
        if (error != 0) throw new LifelineException("macOS could not list the displays (CGError " + error + "): try again");
        int main = cg.CGMainDisplayID();
        List<DisplayLayout.RawDisplay> raw = new ArrayList<>();
        for (int i = 0; i < Math.min(count.getValue(), ids.length); i++) {
            Quartz.CGRect r = cg.CGDisplayBounds(ids[i]);
            raw.add(new DisplayLayout.RawDisplay(ids[i], r.origin.x, r.origin.y, r.size.width, r.size.height,
                    ids[i] == main));
        }
        if (raw.isEmpty()) throw new LifelineException("macOS reports no active display: wake the screen and try again");
        return DisplayLayout.of(raw);
    }
}
