package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class if Netty's leak detector reports a buffer that was garbage-collected without being released
 * while the class ran. Netty logs a leak ("LEAK: ...") when it notices one; this extension listens on that logger,
 * and after the class forces collections and allocations so that pending leaks get noticed.
 */
public final class LeakGuard implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    /** Held so the logger (and its handler) cannot be collected. */
    private static final Logger DETECTOR_LOG;
    private static final int COLLECTION_ROUNDS = 5;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakGuard.class);

    static {
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        DETECTOR_LOG = Logger.getLogger(ResourceLeakDetector.class.getName());
        DETECTOR_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains("LEAK:")) LEAKS.add(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("mark", mark());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        int mark = context.getStore(NS).get("mark", Integer.class);
        collect();
        assertThat(leaksSince(mark)).as("Netty buffers leaked by " + context.getDisplayName()).isEmpty();
    }

    static int mark() {
        return LEAKS.size();
    }

    static List<String> leaksSince(int mark) {
        return List.copyOf(LEAKS.subList(mark, LEAKS.size()));
    }

    static void forgetSince(int mark) {
        while (LEAKS.size() > mark) LEAKS.remove(LEAKS.size() - 1);
    }

    /** The detector only looks for collected buffers when a new one is tracked: collect, then allocate. */
    static void collect() throws InterruptedException {
        for (int round = 0; round < COLLECTION_ROUNDS; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 64; i++) {
                ByteBuf pooled = ByteBufAllocator.DEFAULT.buffer(8);
                pooled.release();
                ByteBuf direct = Unpooled.directBuffer(8);
                direct.release();
            }
        }
    }
}
