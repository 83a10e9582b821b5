package org.govsite.bench;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.govsite.TestSites;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Province scale: generates a synthetic archive of many agencies × four years from the seed report and prints the
 * time and the peak heap of a full build. It prints figures and asserts only correctness, never time. Not part of
 * the normal test run: {@code mvn -pl plugin test -Dgroups=benchmark -Dgovsite.excludedGroups=none
 * -Dgovsite.bench.agencies=5000}; add {@code -Dgovsite.bench.git=true} to keep the corpus in Git, so that the
 * revision history is read too.
 */
@Tag("benchmark")
class ArchiveBenchmark {
    private static final int YEARS_FROM = 2021;
    private static final int YEARS_TO = 2024;

    /** For a profiler: {@code java -cp … org.govsite.bench.ArchiveBenchmark 5000}. */
    public static void main(String[] args) throws IOException {
        System.setProperty("govsite.bench.agencies", args.length > 0 ? args[0] : "500");
        new ArchiveBenchmark().fullBuild();
    }

    @Test
    void fullBuild() throws IOException {
        int agencies = Integer.getInteger("govsite.bench.agencies", 500);
        Path root = Files.createTempDirectory("govsite-bench");
        Path source = root.resolve("src/govsite");
        long t0 = System.nanoTime();
        corpus(source, agencies);
        if (Boolean.getBoolean("govsite.bench.git")) {
            commit(root, source, agencies);
        }
        long t1 = System.nanoTime();
        BuildConfig config = BuildConfig.builder(root, source).outputDir(root.resolve("target/govsite"))
                .baseUrl("https://www.example.gov.cn/ndbg/").build();
        // a warm-up build of the same corpus, so the figures are not dominated by class loading and the JIT
        new GovSite(BuildConfig.builder(root, source).outputDir(root.resolve("target/warm")).build()).check();
        resetPeaks();
        long t2 = System.nanoTime();
        BuildResult result = new GovSite(config).generate();
        long t3 = System.nanoTime();
        int reports = agencies * (YEARS_TO - YEARS_FROM + 1);
        assertEquals(reports, result.reports());
        assertEquals(0, result.findings().size(), result.findings().toString());
        System.out.printf(Locale.ROOT, "govsite benchmark: %d reports (%d agencies × %d years), %d files%n",
                reports, agencies, YEARS_TO - YEARS_FROM + 1, result.files());
        System.out.printf(Locale.ROOT, "  corpus written in %.1f s%s%n", (t1 - t0) / 1e9,
                Boolean.getBoolean("govsite.bench.git") ? " (and committed to Git: revision history on)" : "");
        System.out.printf(Locale.ROOT, "  generate: %.2f s, %.3f ms per report%n", (t3 - t2) / 1e9,
                (t3 - t2) / 1e6 / reports);
        System.out.printf(Locale.ROOT, "  peak heap used during generate: %d MiB (max heap %d MiB)%n",
                peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The seed report under {@code agencies} agencies, each with four years whose carry-over is consistent. */
    static void corpus(Path source, int agencies) throws IOException {
        Path seed = TestSites.sampleSource().resolve("reports/shanzhou-zfb/2024");
        String yaml = Files.readString(seed.resolve("report.yaml"), StandardCharsets.UTF_8);
        String md = Files.readString(seed.resolve("report.md"), StandardCharsets.UTF_8);
        Files.createDirectories(source);
        Files.writeString(source.resolve("site.yaml"), "title: 基准测试\n", StandardCharsets.UTF_8);
        for (int a = 0; a < agencies; a++) {
            Path agency = source.resolve(String.format(Locale.ROOT, "reports/a%05d", a));
            Files.createDirectories(agency);
            Files.writeString(agency.resolve("agency.yaml"), String.format(Locale.ROOT,
                    "name: 基准机构%05d\nkind: department\norder: %d\n", a, a), StandardCharsets.UTF_8);
            for (int y = YEARS_FROM; y <= YEARS_TO; y++) {
                Path dir = Files.createDirectories(agency.resolve(String.valueOf(y)));
                Files.writeString(dir.resolve("report.yaml"), yaml.replace("year: 2024", "year: " + y),
                        StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Puts the corpus in a Git repository as a portal keeps it: one commit per year of reports, then one correction
     * of every tenth agency's latest report, so that the revision history has work to do.
     */
    static void commit(Path root, Path source, int agencies) throws IOException {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(root.toFile())
                .setInitialBranch("main").call()) {
            org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("bench", "bench@example.org",
                    java.time.Instant.parse("2025-01-20T02:00:00Z"), java.time.ZoneOffset.UTC);
            for (int y = YEARS_FROM; y <= YEARS_TO; y++) {
                git.add().addFilepattern("src/govsite/site.yaml").call();
                for (int a = 0; a < agencies; a++) {
                    String agency = String.format(Locale.ROOT, "src/govsite/reports/a%05d", a);
                    git.add().addFilepattern(agency + "/agency.yaml").addFilepattern(agency + "/" + y).call();
                }
                git.commit().setMessage(y + "年度报告").setAuthor(who).setCommitter(who).setSign(false).call();
            }
            for (int a = 0; a < agencies; a += 10) {
                Path md = source.resolve(String.format(Locale.ROOT, "reports/a%05d/%d/report.md", a, YEARS_TO));
                Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n更正。\n",
                        StandardCharsets.UTF_8);
                git.add().addFilepattern(root.relativize(md).toString().replace('\\', '/')).call();
            }
            git.commit().setMessage("更正").setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException(e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
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
