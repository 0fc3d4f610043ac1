package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.api.LifelineException;

/**
 * The tap's lifecycle on its own run-loop thread against a stand-in with CoreGraphics' and CoreFoundation's
 * prototypes (see quartz-stub.c): created listen-only for key downs, fed events through the C callback,
 * stopped from another thread, and everything it created released.
 */
class EventTapTest {
    private QuartzStub.Control stub;
    private final Semaphore escapes = new Semaphore(0);

    @BeforeEach
    void stub() throws Exception {
        stub = QuartzStub.install();
    }

    @Test
    void novicesEscIsReportedAndLifelinesIsNotAndStoppingReleasesEverything() throws Exception {
        int live = stub.stub_live();
        EventTap tap = new EventTap(escapes::release, QuartzStub.silentLogger());
        tap.start();
        try {
            assertThat(stub.stub_tap_enabled()).isEqualTo(1);
            assertThat(stub.stub_tap_mask()).isEqualTo(1L << EscapeDecision.KEY_DOWN);
            assertThat(stub.stub_fire(EscapeDecision.KEY_DOWN, MacKeys.ESCAPE, 0, EscapeDecision.LIFELINE_MARK)).isEqualTo(1);
            assertThat(stub.stub_fire(EscapeDecision.KEY_DOWN, MacKeys.ESCAPE, 0, 0)).isEqualTo(1);
            assertThat(escapes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(escapes.availablePermits()).isZero();
        } finally {
            tap.close();
        }
        assertThat(stub.stub_running()).isZero();
        assertThat(stub.stub_tap_invalidated()).isEqualTo(1);
        assertThat(stub.stub_tap_enabled()).isZero();
        assertThat(stub.stub_live()).isEqualTo(live);
    }

    @Test
    void tapMacOsSwitchedOffIsSwitchedBackOn() throws Exception {
        EventTap tap = new EventTap(escapes::release, QuartzStub.silentLogger());
        tap.start();
        try {
            stub.stub_fire(EscapeDecision.TAP_DISABLED_BY_TIMEOUT, 0, 0, 0);
            assertThat(stub.stub_tap_enabled()).isEqualTo(1);
        } finally {
            tap.close();
        }
    }

    @Test
    void withoutInputMonitoringPermissionStartingSaysWhereToAllowIt() {
        stub.stub_deny_tap(1);
        EventTap tap = new EventTap(escapes::release, QuartzStub.silentLogger());
        assertThatThrownBy(tap::start).isInstanceOf(LifelineException.class).hasMessageContaining("Input Monitoring");
    }
}
