package org.lifeline.input.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lifeline.api.LifelineException;
import org.osgi.service.log.Logger;

/** The life cycle against a plain Java "event loop" (a queue), which behaves like a hook thread's message loop. */
class WatcherThreadTest {
    private static final String QUIT = "quit";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger testLog = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
            (p, m, a) -> {
                if (m.getName().equals("error") || m.getName().equals("warn")) logged.add(m.getName() + " " + a[0]);
                return null;
            });

    /** Serves a queue of key names; "esc" is reported through {@link #reports}, as a native callback would. */
    private final class QueueWatcher extends WatcherThread<LinkedBlockingQueue<String>> {
        volatile Thread loopThread;
        final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

        QueueWatcher(Runnable onEscape) {
            super(onEscape, testLog, "test-escape-loop");
        }

        @Override
        protected void serve() {
            loopThread = Thread.currentThread();
            serving(events);
            try {
                for (String e = events.take(); !e.equals(QUIT); e = events.take()) {
                    if (e.equals("esc")) reports.execute(onEscape);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected void wake(LinkedBlockingQueue<String> loop) {
            if (loop != null) loop.add(QUIT);
        }
    }

    @Test
    void startReturnsWhileTheLoopServesAndCloseEndsItsThread() throws Exception {
        CountDownLatch escaped = new CountDownLatch(1);
        List<Thread> reportedOn = new CopyOnWriteArrayList<>();
        QueueWatcher watcher = new QueueWatcher(() -> {
            reportedOn.add(Thread.currentThread());
            escaped.countDown();
        });

        watcher.start();
        watcher.events.add("a");
        watcher.events.add("esc");
        assertThat(escaped.await(10, TimeUnit.SECONDS)).isTrue();
        watcher.close();

        assertThat(watcher.loopThread.isAlive()).isFalse();
        assertThat(reportedOn).singleElement().isNotSameAs(watcher.loopThread);
        assertThat(watcher.reports.isShutdown()).isTrue();
        assertThat(logged).isEmpty();
    }

    @Test
    void hookTheSystemRefusesFailsStartWithItsOwnLine() {
        LifelineException why = new LifelineException("Windows refused the Esc key watcher (error 5): stop control with the Stop button instead");
        WatcherThread<Object> watcher = new WatcherThread<>(() -> { }, testLog, "test-escape-refused") {
            @Override
            protected void serve() {
                refused(why);
            }

            @Override
            protected void wake(Object loop) {
                assertThat(loop).isNull();
            }
        };

        assertThatThrownBy(watcher::start).isSameAs(why);
        watcher.close();
        assertThat(logged).isEmpty();
    }

    @Test
    void missingNativeLibraryOnTheLoopThreadReachesTheCaller() {
        WatcherThread<Object> watcher = new WatcherThread<>(() -> { }, testLog, "test-escape-nolib") {
            @Override
            protected void serve() {
                throw new UnsatisfiedLinkError("Unable to load library 'user32'");
            }

            @Override
            protected void wake(Object loop) {
            }
        };

        assertThatThrownBy(watcher::start).isInstanceOf(LifelineException.class)
                .hasMessage("the Esc key watcher could not start (Unable to load library 'user32'): stop control with the Stop button instead");
    }

    @Test
    void loopThatFailsAfterServingIsLoggedNotLost() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        WatcherThread<Object> watcher = new WatcherThread<>(() -> { }, testLog, "test-escape-crash") {
            @Override
            protected void serve() {
                serving(this);
                try {
                    throw new IllegalStateException("loop broke");
                } finally {
                    failed.countDown();
                }
            }

            @Override
            protected void wake(Object loop) {
            }
        };

        watcher.start();
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        watcher.close();
        assertThat(logged).containsExactly("error the Esc key watcher stopped");
    }
}
