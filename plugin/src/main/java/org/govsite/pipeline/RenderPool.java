package org.govsite.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Renders report outputs on several threads while the main thread loads and checks the next reports. At most twice
 * as many jobs as threads are in flight, so memory stays bounded; each job is independent of the others, so the
 * output does not depend on the order the threads finish in.
 *
 * <p>A failure surfaces at once: every submit first collects the jobs that have finished (a
 * {@link CompletionService}) and rethrows the first failure, and a submit that has to wait for a free slot waits for
 * the next job to finish, not for a batch.
 */
final class RenderPool implements AutoCloseable {
    /** A report's outputs to render and write. */
    interface Job {
        void run() throws IOException;
    }

    private final ExecutorService executor;
    private final CompletionService<Void> done;
    private final int limit;
    private int inFlight;

    RenderPool(int threads) {
        int n = Math.max(1, threads);
        this.executor = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "govsite-render");
            t.setDaemon(true);
            return t;
        });
        this.done = new ExecutorCompletionService<>(executor);
        this.limit = 2 * n;
    }

    void submit(Job job) throws IOException {
        for (Future<Void> f = done.poll(); f != null; f = done.poll()) {
            finished(f);
        }
        while (inFlight >= limit) {
            finished(take());
        }
        done.submit(() -> {
            job.run();
            return null;
        });
        inFlight++;
    }

    /** Waits for every job; rethrows the first failure. */
    void await() throws IOException {
        while (inFlight > 0) {
            finished(take());
        }
    }

    private Future<Void> take() throws IOException {
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void finished(Future<Void> f) throws IOException {
        inFlight--;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            rethrow(e.getCause());
        }
    }

    /** A job's failure as the build's: I/O as {@link IOException}, the rest unchanged or wrapped. */
    static void rethrow(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }

    /** Stops the pool and waits for jobs still writing, so that a failed build can discard its staging. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
