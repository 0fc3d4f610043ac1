package org.lifeline.input.escape;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lifeline.api.LifelineException;
import org.osgi.service.log.Logger;

/**
 * An Esc key watcher served by a native event loop on a thread of its own: Windows calls a low-level hook
 * and macOS an event tap only on the thread that installed it and pumps its loop. What the two share is
 * the life cycle: {@link #start()} returns once the hook serves, and a hook the system refuses fails there
 * with one clear line instead of leaving the novice without Esc; {@link #close()} stops the thread. The
 * native callback hands reports to {@link #reports}, because the system drops or disables a slow hook.
 *
 * @param <L> what the serving loop thread hands back for {@link #wake} to stop it (a run loop, a thread id)
 */
public abstract class WatcherThread<L> implements AutoCloseable {
    static final long START_TIMEOUT_SECONDS = 5;
    static final long STOP_TIMEOUT_MILLIS = 2000;

    protected final Runnable onEscape;
    protected final Logger log;
    protected final ExecutorService reports = Executors.newSingleThreadExecutor(r -> daemon(r, "lifeline-escape-report"));
    private final CompletableFuture<L> serving = new CompletableFuture<>();
    private final Thread thread;

    protected WatcherThread(Runnable onEscape, Logger log, String threadName) {
        this.onEscape = onEscape;
        this.log = log;
        this.thread = daemon(this::run, threadName);
    }

    /** Starts the loop thread; returns when the hook serves, or throws why it cannot. */
    public final void start() {
        thread.start();
        try {
            serving.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            reports.shutdownNow();
            throw (e.getCause() instanceof LifelineException l) ? l : new LifelineException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new LifelineException("the Esc key watcher did not start within " + START_TIMEOUT_SECONDS
                    + " s: restart Lifeline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new LifelineException("interrupted while starting the Esc key watcher");
        }
    }

    /**
     * On the loop thread: installs the hook, calls {@link #serving} (or {@link #refused}), runs the loop until
     * {@link #wake} ends it, and removes the hook.
     */
    protected abstract void serve();

    /** From another thread: ends the loop; {@code loop} is null if the thread has not called {@link #serving}. */
    protected abstract void wake(L loop);

    protected final void serving(L loop) {
        serving.complete(loop);
    }

    protected final void refused(LifelineException why) {
        serving.completeExceptionally(why);
    }

    private void run() {
        try {
            serve();
        } catch (RuntimeException | LinkageError e) {
            if (!serving.completeExceptionally(new LifelineException("the Esc key watcher could not start ("
                    + e.getMessage() + "): stop control with the Stop button instead", e))) {
                log.error("the Esc key watcher stopped", e);
            }
        }
    }

    @Override
    public final void close() {
        wake(serving.isDone() && !serving.isCompletedExceptionally() ? serving.join() : null);
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) log.warn("the Esc key watcher thread {} did not stop within {} ms", thread.getName(), STOP_TIMEOUT_MILLIS);
        reports.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
