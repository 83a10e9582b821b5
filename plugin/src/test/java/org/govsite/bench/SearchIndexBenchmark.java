package org.govsite.bench;

import org.govsite.TestSites;
import org.govsite.load.Markdown;
import org.govsite.model.Group;
import org.govsite.output.search.NarrativeText;
import org.govsite.output.search.SearchEntry;
import org.govsite.output.search.SearchIndex;
import org.govsite.output.search.SearchReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index alone at province scale: the seed report's narrative and key figures under
 * {@code govsite.bench.agencies} agencies × 4 years (20,000 reports by default), indexed and written to a temporary
 * folder, as {@link ArchiveBenchmark}'s corpus would be. Every report holds the same text, so every token's list
 * holds every report: the worst case for shard sizes. Prints the time, the heap, the sizes, and what typical
 * queries load; asserts only the 1 MB shard limit and the results. {@code mvn -pl plugin test -Dgroups=benchmark
 * -Dgovsite.excludedGroups=none -Dtest=SearchIndexBenchmark -Dgovsite.bench.agencies=5000}
 */
@Tag("benchmark")
class SearchIndexBenchmark {
    /** Queries of two to four characters (and a longer one) that the seed report holds. */
    private static final List<String> QUERIES = List.of("申请", "办结", "依申请", "行政复议", "信息公开", "不予公开",
            "2024年", "政府信息公开");

    @Test
    void indexOfTheProvince() throws IOException {
        int agencies = Integer.getInteger("govsite.bench.agencies", 5000);
        Path seed = TestSites.sampleSource().resolve("reports/shanzhou-zfb/2024/report.md");
        String text = NarrativeText.of(Markdown.PARSER.parse(Files.readString(seed, StandardCharsets.UTF_8)));
        List<String> figures = List.of("新收申请：13", "予以公开：0", "不予公开：0", "无法提供：5", "行政复议：0",
                "行政诉讼：0", "纠正：0");
        Path out = Files.createTempDirectory("govsite-search-bench");
        // numbered as the pipeline numbers them: year by year, agency by agency within a year
        int[] numberYears = new int[agencies * 4];
        for (int n = 0; n < numberYears.length; n++) {
            numberYears[n] = 2021 + n / agencies;
        }
        SearchIndex index = new SearchIndex(List.of(new Group("department", "部门")), (path, bytes) -> {
            Path file = out.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }, new SearchIndex.Numbering(numberYears, new int[numberYears.length]));
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long before = usedHeap();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int y = 2021; y <= 2024; y++) {
            for (int a = 0; a < agencies; a++) {
                String name = String.format(Locale.ROOT, "基准机构%05d", a);
                index.add(new SearchEntry(String.format(Locale.ROOT, "agencies/a%05d/%d.html", a, y),
                        name + y + "年政府信息公开工作年度报告", name, "department", y, text, figures));
            }
        }
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        long heldBeforeFinish = usedHeap() - before;
        SearchIndex.Stats stats = index.finish();
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        int reports = agencies * 4;
        assertEquals(reports, stats.docs());
        long docBytes;
        try (Stream<Path> docs = Files.list(out.resolve("search/doc"))) {
            docBytes = docs.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "govsite search index: %d reports, %d tokens%n", reports, stats.tokens());
        System.out.printf(Locale.ROOT, "  add (tokenise, postings, document files): %.2f s, %.3f ms per report;"
                + " CPU %.2f s, %.3f ms per report%n", (t1 - t0) / 1e9, (t1 - t0) / 1e6 / reports, (c1 - c0) / 1e9,
                (c1 - c0) / 1e6 / reports);
        System.out.printf(Locale.ROOT, "  finish (sort, shards, index.js): %.2f s, CPU %.2f s%n", (t2 - t1) / 1e9,
                (c2 - c1) / 1e9);
        System.out.printf(Locale.ROOT, "  heap held by the postings before finish: about %d MiB (peak used %d MiB)%n",
                heldBeforeFinish >> 20, peakHeap() >> 20);
        System.out.printf(Locale.ROOT, "  %d shards, %.1f MiB in all, largest %d KiB; index.js %d KiB;"
                        + " %d document files, %.1f MiB%n", stats.shards(), stats.shardBytes() / 1048576.0,
                stats.largestShard() >> 10, stats.indexBytes() >> 10, reports, docBytes / 1048576.0);
        assertTrue(stats.largestShard() <= 1 << 20, "no shard over 1 MB: " + stats);
        for (String q : QUERIES) {
            SearchReader reader = new SearchReader(path -> {
                try {
                    return Files.readAllBytes(out.resolve(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<SearchReader.Hit> hits = reader.search(q);
            for (SearchReader.Hit h : hits.subList(0, Math.min(20, hits.size()))) {
                reader.doc(h.doc());
            }
            System.out.printf(Locale.ROOT, "  “%s”: %d results; loads %d KiB (index.js, its shards, 20 documents)%n",
                    q, hits.size(), reader.bytesRead() >> 10);
            assertEquals(reports, hits.size(), q);
        }
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
