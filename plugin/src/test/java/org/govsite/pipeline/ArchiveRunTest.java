package org.govsite.pipeline;

import org.govsite.output.ArchiveOutput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive outputs side by side: they do run at the same time, a failure is rethrown only once every output has
 * ended (nothing may still write into a staging folder a failed build discards), and with several failures the first
 * in list order is the one reported, whichever thread failed first.
 */
class ArchiveRunTest {

    @Test
    void outputsRunSideBySide() throws IOException {
        CountDownLatch both = new CountDownLatch(2);
        ArchiveOutput meet = (index, out) -> {
            both.countDown();
            try {
                // each output waits for the other: with one thread at a time this would not end in time
                if (!both.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the other output never started beside this one");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        };
        long[] took = ArchiveRun.run(List.of(meet, meet), null, null, 2);
        assertEquals(2, took.length);
        assertEquals(0, both.getCount());
    }

    @Test
    void aFailureIsRethrownOnlyAfterEveryOutputEnded() {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean slowEnded = new AtomicBoolean();
        ArchiveOutput fails = (index, out) -> {
            failed.countDown();
            throw new IOException("disk full");
        };
        ArchiveOutput slow = (index, out) -> {
            try {
                failed.await(30, TimeUnit.SECONDS); // still writing when the other has already failed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowEnded.set(true);
        };
        IOException e = assertThrows(IOException.class, () -> ArchiveRun.run(List.of(fails, slow), null, null, 2));
        assertEquals("disk full", e.getMessage());
        assertTrue(slowEnded.get(), "the run returned while an output was still running");
    }

    @Test
    void theFirstFailureInListOrderIsReported() {
        CountDownLatch secondFailed = new CountDownLatch(1);
        ArchiveOutput first = (index, out) -> {
            try {
                secondFailed.await(30, TimeUnit.SECONDS); // fails after the second one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UncheckedIOException(new IOException("first"));
        };
        ArchiveOutput second = (index, out) -> {
            secondFailed.countDown();
            throw new IllegalStateException("second");
        };
        IOException e = assertThrows(IOException.class, () -> ArchiveRun.run(List.of(first, second), null, null, 2));
        assertEquals("first", e.getMessage());
    }

    @Test
    void oneThreadRunsThemInOrder() throws IOException {
        StringBuilder order = new StringBuilder();
        ArchiveRun.run(List.of((index, out) -> order.append('a'), (index, out) -> order.append('b')), null, null, 1);
        assertEquals("ab", order.toString());
    }
}
