package org.govsite.pipeline;

import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the archive outputs side by side, each on one thread of a pool of the build's threads, taken in their list
 * order: they share only the {@link ArchiveIndex} (immutable) and the sink (safe for concurrent writers of different
 * files), and no output reads another's files, so the site does not depend on which finishes first. With 5,000
 * agency pages, the search index and the dataset, this is most of a large build's archive phase on one core otherwise.
 *
 * <p>Every output is waited for, even after one fails, so that nothing still writes when a failed build discards its
 * staging folder; the first failure in list order is then rethrown.
 */
final class ArchiveRun {
    private ArchiveRun() {
    }

    /** Runs every output; returns how long each took, in nanoseconds, in the list's order. */
    static long[] run(List<ArchiveOutput> outputs, ArchiveIndex index, OutputSink out, int threads)
            throws IOException {
        long[] took = new long[outputs.size()];
        if (threads <= 1 || outputs.size() <= 1) {
            for (int i = 0; i < outputs.size(); i++) {
                long start = System.nanoTime();
                outputs.get(i).write(index, out);
                took[i] = System.nanoTime() - start;
            }
            return took;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, outputs.size()), r -> {
            Thread t = new Thread(r, "govsite-archive");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                int n = i;
                jobs.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    outputs.get(n).write(index, out);
                    took[n] = System.nanoTime() - start;
                    return null;
                }));
            }
            Throwable first = null;
            boolean interrupted = false;
            for (Future<?> job : jobs) {
                while (true) {
                    try {
                        job.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // wait on: the job may still write into the staging folder
                    } catch (ExecutionException e) {
                        if (first == null) {
                            first = e.getCause();
                        }
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (first != null) {
                RenderPool.rethrow(first);
            }
            return took; // the pool's shutdown is a happens-before edge for took[]; get() already is
        } finally {
            pool.shutdown();
        }
    }
}
