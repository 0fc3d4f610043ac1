package org.lifeline.capture.macos.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Builds quartz-stub.c with the system C compiler into a library that answers for CoreGraphics and
 * CoreFoundation, and points JNA at it. Tests that use it are skipped where no C compiler is installed
 * (CI installs gcc); they never run on a real Mac, where the real frameworks would be loaded.
 */
final class QuartzStub {
    interface Counters extends Library {
        int stub_created();

        int stub_released();
    }

    private static Counters counters;

    private QuartzStub() {
    }

    static synchronized Counters install() throws IOException, InterruptedException {
        if (counters != null) return counters;
        assumeTrue(!com.sun.jna.Platform.isMac(), "on a Mac the real frameworks are used");
        Path dir = Files.createTempDirectory("quartz-stub");
        Path source = dir.resolve("quartz-stub.c");
        try (InputStream in = QuartzStub.class.getResourceAsStream("quartz-stub.c")) {
            Files.copy(in, source);
        }
        Path lib = dir.resolve("libquartzstub.so");
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O1", "-o", lib.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noCompiler) {
            assumeTrue(false, "no C compiler (cc) to build the CoreGraphics stand-in");
            throw noCompiler;
        }
        String output = new String(cc.getInputStream().readAllBytes());
        if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
            throw new IllegalStateException("building the CoreGraphics stand-in failed:\n" + output);
        }
        // One file under both names, so that both frameworks share the stand-in's counters.
        Files.createSymbolicLink(dir.resolve("libCoreGraphics.so"), lib);
        Files.createSymbolicLink(dir.resolve("libCoreFoundation.so"), lib);
        NativeLibrary.addSearchPath("CoreGraphics", dir.toString());
        NativeLibrary.addSearchPath("CoreFoundation", dir.toString());
        counters = Native.load(lib.toString(), Counters.class);
        return counters;
    }

    /** A logger that drops everything (the OSGi log service is not running in unit tests). */
    static Logger silentLogger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                        : method.getReturnType() == String.class ? "silent" : null);
    }
}
