package org.lifeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTlsTest {
    @Test
    void eachSupportedPlatformGetsItsOwnBuild() {
        assertThat(NativeTls.classifier("Linux", "amd64")).hasValue("linux-x86_64");
        assertThat(NativeTls.classifier("Linux", "aarch64")).hasValue("linux-aarch_64");
        assertThat(NativeTls.classifier("Mac OS X", "x86_64")).hasValue("osx-x86_64");
        assertThat(NativeTls.classifier("Mac OS X", "aarch64")).hasValue("osx-aarch_64");
        assertThat(NativeTls.classifier("Windows 11", "amd64")).hasValue("windows-x86_64");
    }

    @Test
    void aPlatformWithoutABuildGetsNoneAndKeepsTheJdkTls() {
        assertThat(NativeTls.classifier("Linux", "riscv64")).isEmpty();
        assertThat(NativeTls.classifier("FreeBSD", "amd64")).isEmpty();
        assertThat(NativeTls.classifier("Windows 11", "aarch64")).isEmpty();
    }

    @Test
    void onlyTheRunningPlatformsJarIsPicked(@TempDir Path dir) throws Exception {
        for (String c : new String[] {"linux-x86_64", "linux-aarch_64", "osx-x86_64", "windows-x86_64"}) {
            Files.writeString(dir.resolve("netty-tcnative-boringssl-static-2.0.84.Final-" + c + ".jar"), "");
        }
        assertThat(NativeTls.jarFor(dir, "Linux", "aarch64").map(p -> p.getFileName().toString()))
                .hasValue("netty-tcnative-boringssl-static-2.0.84.Final-linux-aarch_64.jar");
        assertThat(NativeTls.jarFor(dir, "Mac OS X", "aarch64")).isEqualTo(Optional.empty());
        assertThat(NativeTls.jarFor(dir.resolve("missing"), "Linux", "amd64")).isEmpty();
    }
}
