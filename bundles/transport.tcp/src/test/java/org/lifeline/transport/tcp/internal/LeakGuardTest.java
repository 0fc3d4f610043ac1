package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The guard every Netty test relies on must really see a leak, or a green run proves nothing. */
class LeakGuardTest {
    @Test
    void aBufferThatIsNeverReleasedIsReported() throws InterruptedException {
        int mark = LeakGuard.mark();
        // the deliberate leak's report would only be noise in the build output
        java.util.logging.Logger detector = java.util.logging.Logger.getLogger(
                io.netty.util.ResourceLeakDetector.class.getName());
        detector.setUseParentHandlers(false);
        try {
            leakOne();
            for (int i = 0; i < 10 && LeakGuard.leaksSince(mark).isEmpty(); i++) LeakGuard.collect();
            assertThat(LeakGuard.leaksSince(mark)).isNotEmpty().allMatch(m -> m.contains("LEAK:"));
        } finally {
            detector.setUseParentHandlers(true);
            LeakGuard.forgetSince(mark);
        }
    }

    private static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(32);
        leaked.writeLong(42);
    }
}
