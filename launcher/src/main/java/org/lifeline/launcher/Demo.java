package org.lifeline.launcher;

import java.io.PrintStream;
import org.osgi.framework.BundleContext;

/** The one-machine demo: runs a short script of ra: commands on this instance (novice and expert at once). */
final class Demo {
    private final BundleContext context;
    private final PrintStream out;

    Demo(BundleContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    void startAsync() {
    }
}
