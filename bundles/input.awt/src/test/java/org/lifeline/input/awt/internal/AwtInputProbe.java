package org.lifeline.input.awt.internal;

import java.awt.Robot;

/** Runs in its own JVM with DISPLAY set to the test's Xvfb: types args[0] and Return, then points at (args[1], args[2]). */
public final class AwtInputProbe {
    private AwtInputProbe() {
    }

    public static void main(String[] args) throws Exception {
        Robot robot = AwtInputRegistration.robotIfDisplay();
        if (robot == null) {
            System.out.println("no display");
            System.exit(2);
        }
        robot.setAutoWaitForIdle(false);
        AwtInputSink sink = new AwtInputSink(robot);
        sink.pointer(100, 30, 0);
        args[0].codePoints().forEach(cp -> {
            sink.key(cp, true);
            sink.key(cp, false);
        });
        sink.key(0xff0d, true);
        sink.key(0xff0d, false);
        sink.area(5, 6);
        sink.pointer(Integer.parseInt(args[1]), Integer.parseInt(args[2]), 0);
        robot.waitForIdle();
        System.exit(0);
    }
}
