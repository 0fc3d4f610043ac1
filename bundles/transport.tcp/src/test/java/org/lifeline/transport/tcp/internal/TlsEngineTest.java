package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlsEngineTest {
    @AfterEach
    void backToTheDefault() {
        System.clearProperty(TlsContexts.ENGINE_PROPERTY);
    }

    @Test
    void onLinuxX64TheNativeTlsIsLoadedAndUsed() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").equals("amd64"), "the test classpath has the linux-x86_64 build only");
        assertThat(OpenSsl.unavailabilityCause()).as("why BoringSSL did not load").isNull();
        assertThat(TlsContexts.provider()).isEqualTo(SslProvider.OPENSSL);
        assertThat(TlsContexts.engine()).startsWith("BoringSSL");
        assertThat(SslProvider.isTlsv13Supported(SslProvider.OPENSSL)).isTrue();
    }

    @Test
    void anOperatorCanKeepTheJdksTls() {
        System.setProperty(TlsContexts.ENGINE_PROPERTY, "jdk");
        assertThat(TlsContexts.provider()).isEqualTo(SslProvider.JDK);
        assertThat(TlsContexts.engine()).isEqualTo("the JDK's TLS");
    }
}
