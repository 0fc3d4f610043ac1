package org.lifeline.launcher.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.lifeline.launcher.NativeTls;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Every in-framework test runs on the assembled distribution: the bundles of the desktop feature and
 * every OS's native bundles, exactly as the launcher installs them (less the Gogo shell, which would read
 * the test runner's standard input).
 */
public abstract class LifelineTestBase {
    static final Path DIST = Path.of(System.getProperty("lifeline.dist", "target/lifeline"));
    static final long WAIT_MILLIS = 20_000;

    @Inject
    protected BundleContext context;

    @Inject
    protected CommandProcessor commands;

    @Configuration
    public Option[] config() throws IOException {
        Path data = Files.createTempDirectory("lifeline-it");
        Files.createDirectories(data.resolve("deploy"));
        List<Option> options = new ArrayList<>();
        ItDisplay.ensureRunning();
        for (Path jar : jars(DIST.resolve("bundle/desktop"))) {
            if (!jar.getFileName().toString().startsWith("org.apache.felix.gogo.shell")) {
                options.add(bundle(jar.toUri().toString()));
            }
        }
        for (Path jar : jars(DIST.resolve("bundle/native"))) {
            // other OSes' bundles must stay installed and unresolved, so they are not started
            options.add(bundle(jar.toUri().toString()).start(isForThisOs(jar)));
        }
        // the launcher installs this platform's native TLS build only (a fragment: resolved, never started)
        NativeTls.jarFor(DIST.resolve("bundle/tls"), System.getProperty("os.name"), System.getProperty("os.arch"))
                .ifPresent(jar -> options.add(bundle(jar.toUri().toString()).noStart()));
        options.add(junitBundles());
        options.add(cleanCaches(true));
        options.add(frameworkProperty("lifeline.data").value(data.toString()));
        options.add(frameworkProperty("felix.cm.dir").value(data.resolve("config").toString()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(data.resolve("deploy").toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.bundles.new.start").value("true"));
        options.add(frameworkProperty("felix.fileinstall.tmpdir").value(data.resolve("fi-tmp").toString()));
        options.add(frameworkProperty("felix.log.level").value("1"));
        options.add(frameworkProperty("lifeline.candidates.loopbackOnly").value("true"));
        options.add(systemProperty("lifeline.it.data").value(data.toString()));
        options.add(frameworkProperty("lifeline.display").value(ItDisplay.DISPLAY));
        return options(options.toArray(Option[]::new));
    }

    private static boolean isForThisOs(Path jar) {
        String n = jar.getFileName().toString();
        boolean linux = System.getProperty("os.name").toLowerCase().contains("linux");
        if (n.contains("win32") || n.contains("macos")) return false;
        return !n.contains("x11") || linux;
    }

    static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Runs one shell line as a person would type it and returns what it printed (and the result). */
    protected String shell(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = commands.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            Object result = session.execute(line);
            if (result != null) ps.println(session.format(result, 0));
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    protected Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) return b;
        }
        return null;
    }

    /** Polls until the condition holds (state changes in OSGi are asynchronous), failing after WAIT_MILLIS. */
    protected static void eventually(String what, Check check) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        AssertionError last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last.getMessage()), last);
    }

    @FunctionalInterface
    protected interface Check {
        void run() throws Exception;
    }
}
