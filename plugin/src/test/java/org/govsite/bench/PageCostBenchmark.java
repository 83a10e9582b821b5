package org.govsite.bench;

import org.govsite.check.CheckedReport;
import org.govsite.check.Checker;
import org.govsite.format.FormatCatalog;
import org.govsite.load.AgencySource;
import org.govsite.load.LoadedReport;
import org.govsite.load.RevisionHistory;
import org.govsite.load.SiteLoader;
import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.model.SiteInfo;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.PageText;
import org.govsite.output.ReportToPublish;
import org.govsite.output.SiteLayout;
import org.govsite.output.data.OpenDataWriter;
import org.govsite.output.render.ReportPageRenderer;
import org.govsite.output.render.Templates;
import org.govsite.output.write.MemorySink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The floor of a full build (issue 12): the CPU time of each step of one report, on one thread, after a warm-up
 * round: loading (YAML and Markdown), checking, rendering the page, the open data (JSON and CSV), and writing those
 * files to disk. Printed in ms per report, with what they add up to for 2,000 and 20,000 reports on 2 cores (the
 * archive outputs, the self-check, Maven's start and the JIT come on top). Prints figures and asserts only
 * correctness, never time. Not part of the normal test run:
 * {@code mvn -pl plugin test -Dtest=PageCostBenchmark -Dgroups=benchmark -Dgovsite.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dgovsite.bench.agencies=100} (the sample report under that many
 * agencies × 4 years, the default) or {@code -Dgovsite.bench.corpus=<benchmark corpus>/govsite/src/govsite}
 * (the benchmark's own corpus; {@code -Dgovsite.bench.limit=2000} reports of it at most).
 */
@Tag("benchmark")
class PageCostBenchmark {
    private static final String[] STEPS = {"load (YAML + Markdown)", "check", "render the page",
            "open data (JSON + CSV)", "write the files"};
    private static final int ROUNDS = 3;

    @Test
    void perReport() throws IOException {
        Path root;
        Path source;
        String corpus = System.getProperty("govsite.bench.corpus");
        if (corpus != null) {
            source = Path.of(corpus).toAbsolutePath();
            root = source.getParent().getParent();
        } else {
            root = Files.createTempDirectory("govsite-floor");
            source = root.resolve("src/govsite");
            ArchiveBenchmark.corpus(source, Integer.getInteger("govsite.bench.agencies", 100));
        }
        int limit = Integer.getInteger("govsite.bench.limit", 2000);
        Path out = Files.createTempDirectory("govsite-floor-out");
        FormatCatalog formats = FormatCatalog.builtIn();
        List<Object> loadFindings = new ArrayList<>();
        SiteLoader loader = new SiteLoader(root, source, formats, loadFindings::add);
        SiteInfo site = loader.siteInfo();
        List<AgencySource> agencies = loader.agencies(site);
        Map<String, Set<Integer>> years = new TreeMap<>();
        int reports = 0;
        for (AgencySource a : agencies) {
            for (AgencySource.YearSource y : a.years()) {
                if (reports < limit) {
                    years.computeIfAbsent(a.agency().id(), k -> new TreeSet<>()).add(y.year());
                    reports++;
                }
            }
        }
        SiteLayout layout = new SiteLayout(years, List.of(), false);
        Checker checker = new Checker();
        PageText text = PageText.builtIn();
        ReportPageRenderer page = new ReportPageRenderer(new Templates(null), text, site.title(),
                ArchiveIndex.figures(formats));
        OpenDataWriter openData = new OpenDataWriter();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] took = new long[STEPS.length];
        long bytes = 0;
        for (int round = 0; round < ROUNDS; round++) { // round 0 warms up the JIT
            long[] t = new long[STEPS.length];
            bytes = 0;
            int done = 0;
            for (AgencySource a : agencies) {
                Report previous = null;
                ReportSummary previousSummary = null;
                List<Integer> published = new ArrayList<>(years.getOrDefault(a.agency().id(), Set.of()));
                for (AgencySource.YearSource y : a.years()) {
                    if (done++ >= reports) {
                        break;
                    }
                    long c0 = cpu.getCurrentThreadCpuTime();
                    LoadedReport loaded = loader.load(a.agency(), y).orElseThrow();
                    long c1 = cpu.getCurrentThreadCpuTime();
                    CheckedReport checked = checker.check(loaded, List.of(), previous, layout);
                    long c2 = cpu.getCurrentThreadCpuTime();
                    assertTrue(checked.allFindings().isEmpty(), () -> checked.allFindings().toString());
                    ReportSummary summary = ReportSummary.of(checked.report());
                    ReportToPublish publish = new ReportToPublish(checked, published, summary, previousSummary,
                            RevisionHistory.History.NONE, y.dir());
                    MemorySink pageOut = new MemorySink();
                    long c3 = cpu.getCurrentThreadCpuTime();
                    page.write(publish, pageOut);
                    long c4 = cpu.getCurrentThreadCpuTime();
                    openData.write(publish, pageOut);
                    long c5 = cpu.getCurrentThreadCpuTime();
                    for (Map.Entry<String, byte[]> f : pageOut.files().entrySet()) {
                        Path file = out.resolve(f.getKey());
                        Files.createDirectories(file.getParent());
                        Files.deleteIfExists(file);
                        Files.write(file, f.getValue());
                        bytes += f.getValue().length;
                    }
                    long c6 = cpu.getCurrentThreadCpuTime();
                    t[0] += c1 - c0;
                    t[1] += c2 - c1;
                    t[2] += c4 - c3;
                    t[3] += c5 - c4;
                    t[4] += c6 - c5;
                    previous = checked.report();
                    previousSummary = summary;
                }
            }
            if (round > 0) {
                for (int i = 0; i < t.length; i++) {
                    took[i] += t[i];
                }
            }
        }
        assertEquals(List.of(), loadFindings);
        int measured = reports * (ROUNDS - 1);
        System.out.printf(Locale.ROOT, "govsite floor: %d reports × %d rounds after a warm-up, one thread, CPU time;"
                + " %.0f KB written per report%n", reports, ROUNDS - 1, bytes / 1024.0 / reports);
        double total = 0;
        for (int i = 0; i < STEPS.length; i++) {
            double ms = took[i] / 1e6 / measured;
            total += ms;
            System.out.printf(Locale.ROOT, "  %-24s %7.3f ms per report%n", STEPS[i], ms);
        }
        System.out.printf(Locale.ROOT, "  %-24s %7.3f ms per report%n", "total", total);
        for (int n : new int[] {2_000, 20_000}) {
            System.out.printf(Locale.ROOT, "  × %,d reports: %.1f CPU-s, %.1f s on 2 cores%n", n, total * n / 1e3,
                    total * n / 1e3 / 2);
        }
    }
}
