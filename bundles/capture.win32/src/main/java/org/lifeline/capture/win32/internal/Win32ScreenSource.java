package org.lifeline.capture.win32.internal;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HDC;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.RECT;
import com.sun.jna.platform.win32.WinUser.HMONITOR;
import com.sun.jna.platform.win32.WinUser.MONITORENUMPROC;
import com.sun.jna.platform.win32.WinUser.MONITORINFOEX;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenSource;
import org.lifeline.win32.dpi.PhysicalPixels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Screen capture on Windows through GDI; outranks the portable AWT capture. */
@Component(service = ScreenSource.class, property = {ScreenSource.SOURCE_ID + "=win32", "service.ranking:Integer=100"})
public class Win32ScreenSource implements ScreenSource {
    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Activate
    void activate() {
        requireWindows();
    }

    @Override
    public List<Monitor> monitors() {
        return layout().monitors();
    }

    @Override
    public ScreenCapture open(int monitor) {
        requireWindows();
        DesktopLayout layout = layout();
        if (monitor < -1 || monitor >= layout.monitors().size()) {
            throw new LifelineException("there is no monitor " + monitor + ": choose -1 (all) or 0.."
                    + (layout.monitors().size() - 1));
        }
        return PhysicalPixels.call(() -> new GdiCapture(monitor, Win32ScreenSource::layout, log));
    }

    static void requireWindows() {
        if (!Platform.isWindows()) {
            throw new LifelineException("the Windows screen capture cannot run on " + System.getProperty("os.name")
                    + ": use the capture for this system");
        }
    }

    private static DesktopLayout layout() {
        requireWindows();
        return PhysicalPixels.call(Win32ScreenSource::readLayout);
    }

    private static DesktopLayout readLayout() {
        List<DesktopLayout.RawMonitor> raw = new ArrayList<>();
        MONITORENUMPROC collect = (HMONITOR monitor, HDC dc, RECT clip, LPARAM data) -> {
            MONITORINFOEX info = new MONITORINFOEX();
            if (User32.INSTANCE.GetMonitorInfo(monitor, info).booleanValue()) {
                RECT r = info.rcMonitor;
                raw.add(new DesktopLayout.RawMonitor(new String(info.szDevice).trim(), r.left, r.top, r.right,
                        r.bottom, (info.dwFlags & CaptureApi.MONITORINFOF_PRIMARY) != 0));
            }
            return 1;
        };
        User32.INSTANCE.EnumDisplayMonitors(null, null, collect, new LPARAM(0));
        if (raw.isEmpty()) throw new LifelineException("Windows reports no monitor: is this an interactive desktop session?");
        return DesktopLayout.of(raw);
    }
}
