package org.lifeline.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts Lifeline: Felix with one feature's bundles, FileInstall on {@code deploy/} and {@code etc/}, and the
 * Gogo shell on standard input (also when it is a pipe, so scripts can drive a running instance).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lifeline: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        System.exit(run(options, System.out));
    }

    static int run(Options options, PrintStream out) {
        long started = System.nanoTime();
        JitDirectives.installInBackground();
        Lifeline lifeline = new Lifeline(options, distributionFolder(), Map.of());
        try {
            lifeline.start();
        } catch (IOException | org.osgi.framework.BundleException | RuntimeException e) {
            System.err.println("lifeline: cannot start: " + e.getMessage());
            lifeline.stopQuietly();
            return 1;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf("Lifeline %s ready in %d ms (feature %s, data %s). Type 'help' or 'ra:' commands; 'shutdown' ends.%n",
                Lifeline.VERSION, millis, options.feature(), options.data());
        lifeline.openShell();
        return lifeline.awaitStop();
    }

    /** The folder holding lifeline.jar, lib/ and bundle/. */
    static Path distributionFolder() {
        String override = System.getProperty("lifeline.dist");
        if (override != null) return Path.of(override);
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the distribution folder", e);
        }
    }
}
