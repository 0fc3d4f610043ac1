package org.lifeline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** One running Lifeline: the framework, its data folder and the bundles of one feature. */
final class Lifeline {
    static final String VERSION = "1.0.0";
    /** How often FileInstall looks at deploy/ and etc/ (milliseconds). */
    static final String POLL_MILLIS = "1000";

    private final Options options;
    private final Path dist;
    private final Map<String, String> extraProperties;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private static final String SHELL = "org.apache.felix.gogo.shell";
    private Felix framework;
    private Bundle shell;

    Lifeline(Options options, Path dist, Map<String, String> extraProperties) {
        this.options = options;
        this.dist = dist;
        this.extraProperties = extraProperties;
    }

    void start() throws IOException, BundleException {
        Path data = options.data();
        Path featureDir = dist.resolve("bundle").resolve(options.feature());
        if (!Files.isDirectory(featureDir)) {
            throw new IOException("no feature '" + options.feature() + "' in " + dist.resolve("bundle")
                    + " (build it with 'mvn install', or choose --feature desktop|headless)");
        }
        for (String dir : List.of("deploy", "etc", "log", "config")) Files.createDirectories(data.resolve(dir));
        writeEtcWatcher(data);

        trace("launcher");
        framework = new Felix(frameworkProperties(data));
        framework.init();
        trace("framework initialised");
        framework.getBundleContext().registerService(Object.class, new ShutdownCommand(this),
                new Hashtable<>(Map.of("osgi.command.scope", "lifeline", "osgi.command.function",
                        new String[] {"shutdown"})));

        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(featureDir)) installed.add(install(jar));
        Path nativeDir = dist.resolve("bundle").resolve("native");
        if (Files.isDirectory(nativeDir)) {
            for (Path jar : jars(nativeDir)) installed.add(install(jar));
        }
        Optional<Path> tls = NativeTls.jarFor(dist.resolve("bundle").resolve("tls"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        if (tls.isPresent()) installed.add(install(tls.get()));
        // Resolve first: bundles for another OS stay INSTALLED quietly instead of failing to start.
        trace("installed " + installed.size() + " bundles");
        framework.adapt(FrameworkWiring.class).resolveBundles(installed);
        trace("resolved");
        framework.start();
        trace("framework started");
        for (Bundle b : installed) {
            if (SHELL.equals(b.getSymbolicName())) {
                shell = b;
            } else if (b.getState() == Bundle.RESOLVED && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                startBundle(b);
            }
        }
        trace("bundles started");
    }

    /**
     * Starts the Gogo shell last, so the first command a script pipes in finds every bundle started, and
     * the demo, if asked for.
     */
    void openShell() {
        if (options.demo()) {
            new Demo(framework.getBundleContext(), System.out, options.data(),
                    framework.getBundleContext().getProperty("lifeline.display") != null).startAsync();
        }
        if (shell != null) startBundle(shell);
    }

    /** {@code -Dlifeline.startup.trace=true} prints how long each bundle takes to start (start-up tuning). */
    private static final boolean TRACE = Boolean.getBoolean("lifeline.startup.trace");

    private static long last = System.nanoTime();

    private static void trace(String phase) {
        long now = System.nanoTime();
        if (TRACE) System.err.printf("%-45s %5d ms%n", phase, (now - last) / 1_000_000);
        last = now;
    }

    private static void startBundle(Bundle b) {
        long t0 = System.nanoTime();
        try {
            b.start();
            if (TRACE) System.err.printf("start %-45s %5d ms%n", b.getSymbolicName(), (System.nanoTime() - t0) / 1_000_000);
        } catch (BundleException e) {
            System.err.println("lifeline: bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    private Bundle install(Path jar) throws IOException {
        try {
            return framework.getBundleContext().installBundle(jar.toUri().toString());
        } catch (BundleException e) {
            throw new IOException("cannot install " + jar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private Map<String, Object> frameworkProperties(Path data) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, data.resolve("cache").toString());
        // Bundles come from the distribution and deploy/ on every start; state lives in the data folder.
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("felix.log.level", "1");
        p.put("lifeline.data", data.toString());
        p.put("lifeline.headless", Boolean.toString(options.headless()));
        p.put("lifeline.feature", options.feature());
        if (options.loopbackOnly()) p.put("lifeline.candidates.loopbackOnly", "true");
        String display = options.display() != null ? options.display() : System.getenv("DISPLAY");
        if (display != null) p.put("lifeline.display", display);
        p.put("felix.cm.dir", data.resolve("config").toString());
        p.put("felix.fileinstall.dir", data.resolve("deploy").toString());
        p.put("felix.fileinstall.poll", POLL_MILLIS);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.bundles.startTransient", "false");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.tmpdir", data.resolve("cache").resolve("fileinstall").toString());
        // When a script's input ends, the shell stops the framework, as a shell would; services keep running.
        p.put("gosh.args", options.keepRunning() ? "--noshutdown" : "");
        p.putAll(extraProperties);
        return p;
    }

    /**
     * FileInstall watches deploy/ itself; a factory configuration for it, kept in deploy/, adds a second
     * watcher on etc/ for configuration files (e.g. etc/org.lifeline.policy.cfg).
     */
    private static void writeEtcWatcher(Path data) throws IOException {
        Path cfg = data.resolve("deploy").resolve("org.apache.felix.fileinstall-etc.cfg");
        String content = "felix.fileinstall.dir=" + data.resolve("etc").toString().replace("\\", "/") + "\n"
                + "felix.fileinstall.poll=" + POLL_MILLIS + "\nfelix.fileinstall.noInitialDelay=true\n";
        if (!Files.exists(cfg) || !Files.readString(cfg).equals(content)) {
            Files.writeString(cfg, content, StandardCharsets.UTF_8);
        }
    }

    /** Stops the framework from another thread (a shell command must not wait for its own shell to stop). */
    void stopAsync(String why) {
        if (!stopping.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> stopQuietly(), "lifeline-shutdown (" + why + ")");
        t.start();
    }

    void stopQuietly() {
        Felix f = framework;
        if (f == null) return;
        try {
            f.stop();
        } catch (BundleException e) {
            System.err.println("lifeline: stopping: " + e.getMessage());
        }
    }

    /** Waits until the framework has stopped; 0 for a clean stop. */
    int awaitStop() {
        Thread hook = new Thread(() -> {
            stopping.set(true);
            stopQuietly();
            waitForStop();
        }, "lifeline-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        FrameworkEvent event = waitForStop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting anyway
        }
        return event != null && event.getType() == FrameworkEvent.ERROR ? 1 : 0;
    }

    private FrameworkEvent waitForStop() {
        try {
            return framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    Felix framework() {
        return framework;
    }

    /** The {@code shutdown} shell command (scope lifeline). */
    public static final class ShutdownCommand {
        private final Lifeline lifeline;

        ShutdownCommand(Lifeline lifeline) {
            this.lifeline = lifeline;
        }

        public String shutdown() {
            lifeline.stopAsync("shutdown command");
            return "Lifeline is stopping.";
        }
    }
}
