package org.lifeline.transport.tcp.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every loopback case again with TLS on the JDK's provider: what a platform without a native TLS build uses
 * (the parent class runs on BoringSSL wherever this machine has a build).
 */
class LoopbackTransportJdkTlsTest extends LoopbackTransportTest {
    @BeforeAll
    static void onTheJdksTls() {
        System.setProperty(TlsContexts.ENGINE_PROPERTY, "jdk");
    }

    @AfterAll
    static void backToTheDefaultTls() {
        System.clearProperty(TlsContexts.ENGINE_PROPERTY);
    }
}
