package org.lifeline.input.win32.internal;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinDef.HKL;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.platform.win32.WinUser.INPUT;
import java.util.List;
import org.lifeline.api.LifelineException;
import org.lifeline.api.input.InputSink;
import org.lifeline.win32.dpi.PhysicalPixels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Applies the expert's input with SendInput; every event carries Lifeline's mark so the Esc hook can tell it apart. */
@Component(service = InputSink.class, property = {InputSink.SINK_ID + "=win32", "service.ranking:Integer=100"})
public class Win32InputSink implements InputSink {
    private static final int MAPVK_VK_TO_VSC = 0;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final KeyPlanner planner = new KeyPlanner();
    private int originX;
    private int originY;
    private int buttons;
    private boolean refusedLogged;

    @Activate
    void activate() {
        requireWindows();
    }

    @Deactivate
    synchronized void deactivate() {
        releaseAll();
    }

    @Override
    public synchronized void releaseAll() {
        List<KeyStroke> held = planner.releaseAll();
        if (!held.isEmpty()) send(Inputs.keyboard(held));
        if (buttons != 0) pointerAtCurrentPlace(0);
    }

    @Override
    public synchronized void area(int originX, int originY) {
        this.originX = originX;
        this.originY = originY;
    }

    @Override
    public synchronized void pointer(int x, int y, int buttonMask) {
        requireWindows();
        int newButtons = buttonMask & 7;
        // The virtual screen must be measured in the same physical pixels the capture reports.
        PhysicalPixels.run(() -> send(Inputs.mouse(PointerMath.pointer(virtualScreen(), originX, originY, x, y,
                buttons, newButtons, swapped()))));
        buttons = newButtons;
    }

    @Override
    public synchronized void wheel(int dx, int dy) {
        requireWindows();
        List<PointerMath.MouseStroke> strokes = PointerMath.wheel(dx, dy);
        if (!strokes.isEmpty()) send(Inputs.mouse(strokes));
    }

    @Override
    public synchronized void key(int keysym, boolean down) {
        requireWindows();
        List<KeyStroke> strokes = planner.plan(keysym, down, new ForegroundLayout());
        if (strokes.isEmpty()) {
            log.debug("keysym 0x{} has no Windows key; ignored", Integer.toHexString(keysym));
            return;
        }
        send(Inputs.keyboard(strokes));
    }

    private void pointerAtCurrentPlace(int mask) {
        int flags = PointerMath.buttonFlags(buttons, mask, swapped());
        buttons = mask;
        if (flags != 0) send(Inputs.mouse(List.of(new PointerMath.MouseStroke(0, 0, 0, flags))));
    }

    private void send(INPUT[] inputs) {
        int sent = User32.INSTANCE.SendInput(new DWORD(inputs.length), inputs, inputs[0].size()).intValue();
        if (sent != inputs.length) {
            // UIPI: Windows drops input aimed at a program running with higher rights (an elevated window).
            if (!refusedLogged) {
                log.warn("Windows accepted {} of {} input events: an elevated window (run as administrator) has the focus",
                        sent, inputs.length);
            }
            refusedLogged = true;
        } else {
            refusedLogged = false;
        }
    }

    private static PointerMath.VirtualScreen virtualScreen() {
        User32 u = User32.INSTANCE;
        return new PointerMath.VirtualScreen(u.GetSystemMetrics(WinUser.SM_XVIRTUALSCREEN),
                u.GetSystemMetrics(WinUser.SM_YVIRTUALSCREEN), u.GetSystemMetrics(WinUser.SM_CXVIRTUALSCREEN),
                u.GetSystemMetrics(WinUser.SM_CYVIRTUALSCREEN));
    }

    private static boolean swapped() {
        return User32.INSTANCE.GetSystemMetrics(WinUser.SM_SWAPBUTTON) != 0;
    }

    static void requireWindows() {
        if (!Platform.isWindows()) {
            throw new LifelineException("the Windows input cannot run on " + System.getProperty("os.name")
                    + ": use the input for this system");
        }
    }

    /** The layout of the window that receives the keys, which may differ from this thread's. */
    private static final class ForegroundLayout implements KeyboardLayout {
        private final HKL layout;

        ForegroundLayout() {
            HWND foreground = User32.INSTANCE.GetForegroundWindow();
            int thread = foreground == null ? 0 : User32.INSTANCE.GetWindowThreadProcessId(foreground, null);
            layout = User32.INSTANCE.GetKeyboardLayout(thread);
        }

        @Override
        public short vkKeyScan(char c) {
            return User32.INSTANCE.VkKeyScanExW(c, layout);
        }

        @Override
        public int scanCode(int vk) {
            return User32.INSTANCE.MapVirtualKeyEx(vk, MAPVK_VK_TO_VSC, layout);
        }

        @Override
        public boolean capsLock() {
            return (InputApi.INSTANCE.GetKeyState(VirtualKeys.VK_CAPITAL) & 1) != 0;
        }
    }
}
