package org.lifeline.launcher;

import java.nio.file.Path;
import java.util.Locale;

/** Command-line options of the launcher. */
record Options(Path data, boolean headless, String feature, String display, boolean demo, boolean keepRunning,
        boolean loopbackOnly, boolean help) {

    static final String USAGE = String.join("\n",
            "usage: java -jar lifeline.jar [--data DIR] [--headless] [--feature NAME] [--display :N] [--demo] [--keep-running]",
            "                              [--loopback-only]",
            "  --data DIR       state, logs, deploy/ and etc/ (default: a per-user folder)",
            "  --headless       no local windows; the 'headless' feature unless --feature says otherwise",
            "  --feature NAME   distribution to run: desktop or headless",
            "  --display :N     the X display the novice shares (default: $DISPLAY)",
            "  --demo           novice and expert on this one machine: invite, connect, approve, chat, snapshot",
            "  --keep-running   do not stop at the end of standard input (for services)",
            "  --loopback-only  invitations name 127.0.0.1 only (novice and expert on this one computer)");

    static Options parse(String[] args) {
        Path data = null;
        boolean headless = false;
        String feature = null;
        String display = null;
        boolean demo = false;
        boolean keepRunning = false;
        boolean loopbackOnly = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--headless" -> headless = true;
                case "--feature" -> feature = value(args, ++i, a);
                case "--display" -> display = value(args, ++i, a);
                case "--demo" -> demo = true;
                case "--keep-running" -> keepRunning = true;
                case "--loopback-only" -> loopbackOnly = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (feature == null) feature = headless ? "headless" : "desktop";
        if (!feature.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("bad feature name " + feature);
        if (data == null) data = demo ? demoDataFolder() : defaultDataFolder();
        // the demo connects this computer to itself
        if (demo) loopbackOnly = true;
        return new Options(data.toAbsolutePath().normalize(), headless, feature, display, demo, keepRunning,
                loopbackOnly, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    /** A fresh folder, so the demo never touches a person's real invitations. */
    private static Path demoDataFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("lifeline-demo");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot make a folder for the demo: " + e.getMessage());
        }
    }

    /** The platform's usual per-user application data folder. */
    static Path defaultDataFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Lifeline");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Lifeline");
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "lifeline") : Path.of(home, ".local", "share", "lifeline");
    }
}
