package org.govsite.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Renders report pages on all cores while the main thread loads and checks the next reports. At most a few pages are
 * in flight at once, so memory stays bounded; each page is independent of the others, so the output does not depend
 * on the order the threads finish in.
 */
final class RenderPool implements AutoCloseable {
    /** A page to render and write. */
    interface Job {
        void run() throws IOException;
    }

    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final List<Future<?>> pending = new ArrayList<>();

    RenderPool(int threads) {
        int n = Math.max(1, threads);
        this.executor = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "govsite-render");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(2 * n);
    }

    void submit(Job job) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        pending.add(executor.submit(() -> {
            try {
                job.run();
                return null;
            } finally {
                inFlight.release();
            }
        }));
        if (pending.size() > 64) {
            firstFailure(false);
        }
    }

    /** Waits for every page; rethrows the first failure. */
    void await() throws IOException {
        firstFailure(true);
    }

    private void firstFailure(boolean all) throws IOException {
        List<Future<?>> check = new ArrayList<>(pending);
        for (Future<?> f : check) {
            if (!all && !f.isDone()) {
                continue;
            }
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(cause);
            }
            pending.remove(f);
        }
    }

    /** Stops the pool and waits for pages still being written, so that a failed build can discard its staging. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
