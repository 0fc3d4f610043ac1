package org.lifeline.session.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs one session's callbacks (feature calls, listener events, applied input) one after another, in the
 * order the session queued them, on a shared pool: features never see a frame before {@code started},
 * nor one after {@code ended}, and no callback runs while a session lock is held.
 */
final class SerialExecutor implements Executor {
    private final Executor pool;
    private final Consumer<RuntimeException> onFailure;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool, Consumer<RuntimeException> onFailure) {
        this.pool = pool;
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) return;
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            synchronized (this) {
                tasks.clear();
                running = false;
            }
        }
    }

    synchronized int pending() {
        return tasks.size();
    }

    private void drain() {
        for (;;) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }
}
