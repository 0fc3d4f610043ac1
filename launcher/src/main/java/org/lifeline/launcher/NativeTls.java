package org.lifeline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Picks the native TLS build (netty-tcnative with BoringSSL) for the running platform from {@code bundle/tls}.
 * The framework cannot choose among them itself: every build carries the same bundle name and version, and the
 * manifest of one (linux-aarch_64) names the wrong processor, so the framework leaves that one unresolved on
 * arm64 Linux. Without a usable build for the platform the transport uses the JDK's TLS, which is slower but
 * otherwise the same.
 */
public final class NativeTls {
    private NativeTls() {
    }

    /** The classifier of netty-tcnative's build for this OS and CPU, or empty when there is none. */
    public static Optional<String> classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) return Optional.of("linux-x86_64");
        if (os.contains("linux") && arm64) return Optional.of("linux-aarch_64");
        if (os.contains("mac") && x64) return Optional.of("osx-x86_64");
        if (os.contains("mac") && arm64) return Optional.of("osx-aarch_64");
        if (os.contains("windows") && x64) return Optional.of("windows-x86_64");
        return Optional.empty();
    }

    /** This platform's build in {@code dir}, if the distribution has one. */
    public static Optional<Path> jarFor(Path dir, String osName, String osArch) throws IOException {
        Optional<String> classifier = classifier(osName, osArch);
        if (classifier.isEmpty() || !Files.isDirectory(dir)) return Optional.empty();
        String suffix = "-" + classifier.get() + ".jar";
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
        }
    }
}
