package org.lifeline.input.macos.internal;

import com.sun.jna.Pointer;

/**
 * Creates, marks, posts and releases CGEvents. Every event goes in at the HID level, as hardware input
 * would, and carries {@link EscapeDecision#LIFELINE_MARK} so the Esc tap can tell it from the novice's.
 */
final class QuartzPoster {
    void post(KeyEvent e) {
        Quartz.CoreGraphics cg = Quartz.CoreGraphics.INSTANCE;
        Pointer event = cg.CGEventCreateKeyboardEvent(null, (short) e.code(), e.down() ? Quartz.TRUE : Quartz.FALSE);
        if (event == null) return;
        if (e.text() != null) {
            char[] units = e.text().toCharArray();
            cg.CGEventKeyboardSetUnicodeString(event, Math.min(units.length, Quartz.MAX_UNICODE_UNITS), units);
        }
        cg.CGEventSetFlags(event, e.flags());
        markPostRelease(event);
    }

    void post(MousePlanner.MouseEvent e, long modifierFlags) {
        Quartz.CoreGraphics cg = Quartz.CoreGraphics.INSTANCE;
        Pointer event = cg.CGEventCreateMouseEvent(null, e.type(), new Quartz.CGPoint.ByValue(e.x(), e.y()), e.button());
        if (event == null) return;
        if (e.clickCount() > 0) cg.CGEventSetIntegerValueField(event, Quartz.FIELD_MOUSE_CLICK_STATE, e.clickCount());
        cg.CGEventSetFlags(event, modifierFlags);
        markPostRelease(event);
    }

    /** @param lines vertical (positive up) and horizontal (positive left) line counts, as {@link MousePlanner#wheel} gives them */
    void scroll(int[] lines) {
        markPostRelease(Quartz.CoreGraphics.INSTANCE.CGEventCreateScrollWheelEvent2(null, Quartz.SCROLL_UNIT_LINE, 2,
                lines[0], lines[1], 0));
    }

    private static void markPostRelease(Pointer event) {
        if (event == null) return;
        try {
            Quartz.CoreGraphics.INSTANCE.CGEventSetIntegerValueField(event, Quartz.FIELD_SOURCE_USER_DATA,
                    EscapeDecision.LIFELINE_MARK);
            Quartz.CoreGraphics.INSTANCE.CGEventPost(Quartz.HID_EVENT_TAP, event);
        } finally {
            Quartz.CoreFoundation.INSTANCE.CFRelease(event);
        }
    }
}
