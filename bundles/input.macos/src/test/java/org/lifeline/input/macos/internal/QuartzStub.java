package org.lifeline.input.macos.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Builds quartz-stub.c with the system C compiler into a library that answers for CoreGraphics,
 * CoreFoundation and ApplicationServices, and points JNA at it. Tests that use it are skipped where no C
 * compiler is installed (CI installs gcc) and on a real Mac, where the real frameworks would be loaded.
 */
final class QuartzStub {
    /** Indexes of stub_value, as in quartz-stub.c. */
    static final int KIND = 0, CODE = 1, DOWN = 2, TYPE = 3, BUTTON = 4, X1000 = 5, Y1000 = 6, FLAGS = 7,
            USER_DATA = 8, CLICK_STATE = 9, TAP = 10, WHEEL1 = 11, WHEEL2 = 12, WHEEL3 = 13, UNITS = 14,
            WHEEL_COUNT = 15;
    static final int KIND_KEY = 1, KIND_MOUSE = 2, KIND_SCROLL = 3;

    interface Control extends Library {
        void stub_reset();

        void stub_deny_tap(int deny);

        int stub_posted();

        long stub_value(int index, int what);

        int stub_text(int index, char[] out);

        int stub_live();

        int stub_tap_enabled();

        int stub_tap_invalidated();

        long stub_tap_mask();

        int stub_running();

        int stub_fire(int type, long keycode, long autorepeat, long userData);
    }

    private static Control control;

    private QuartzStub() {
    }

    static synchronized Control install() throws IOException, InterruptedException {
        if (control == null) control = build();
        control.stub_reset();
        return control;
    }

    private static Control build() throws IOException, InterruptedException {
        assumeTrue(!Platform.isMac(), "on a Mac the real frameworks are used");
        Path dir = Files.createTempDirectory("quartz-stub");
        Path source = dir.resolve("quartz-stub.c");
        try (InputStream in = QuartzStub.class.getResourceAsStream("quartz-stub.c")) {
            Files.copy(in, source);
        }
        Path lib = dir.resolve("libquartzstub.so");
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O1", "-pthread", "-o", lib.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noCompiler) {
            assumeTrue(false, "no C compiler (cc) to build the CoreGraphics stand-in");
            throw noCompiler;
        }
        String output = new String(cc.getInputStream().readAllBytes());
        if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
            throw new IllegalStateException("building the CoreGraphics stand-in failed:\n" + output);
        }
        // One file under every name, so that all three frameworks share the stand-in's state.
        for (String framework : new String[] {"CoreGraphics", "CoreFoundation", "ApplicationServices"}) {
            Files.createSymbolicLink(dir.resolve("lib" + framework + ".so"), lib);
            NativeLibrary.addSearchPath(framework, dir.toString());
        }
        return Native.load(lib.toString(), Control.class);
    }

    /** A logger that drops everything (the OSGi log service is not running in unit tests). */
    static Logger silentLogger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                        : method.getReturnType() == String.class ? "silent" : null);
    }
}
