package org.govsite.bench;

import org.govsite.TestSites;
import org.govsite.format.FormatCatalog;
import org.govsite.importer.ImportedReport;
import org.govsite.importer.ReportFiles;
import org.govsite.importer.ReportReader;
import org.govsite.importer.Source;
import org.govsite.importer.Sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The time to import one report (read, recognise, write report.yaml and report.md in memory), per source: the seed's
 * text and the two Shanghai pages, after a warm-up. Not a test: it prints figures and asserts nothing. Run from the
 * plugin module with the test class path:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) -Dbasedir=. org.govsite.bench.ImportTiming}.
 */
public final class ImportTiming {
    private ImportTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path plugin = TestSites.pluginDir();
        List<Path> files = List.of(plugin.resolve("src/test/resources/import/seed-shanzhou-zfb-2024.txt"),
                plugin.resolve("src/test/resources/published/shanghai-szfbgt-2019/source.html"),
                plugin.resolve("src/test/resources/published/shanghai-szf-2020/source.html"));
        ReportReader reader = new ReportReader(FormatCatalog.builtIn());
        long first = System.nanoTime();
        once(reader, files.get(0));
        System.out.printf(Locale.ROOT, "first import in a fresh JVM (class loading included): %.0f ms%n",
                (System.nanoTime() - first) / 1e6);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (int i = 0; i < rounds; i++) {
            files.forEach(f -> once(reader, f));
        }
        for (Path f : files) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                once(reader, f);
            }
            System.out.printf(Locale.ROOT, "%-40s %6d bytes  %.2f ms per report%n", plugin.relativize(f),
                    Files.size(f), (System.nanoTime() - start) / 1e6 / rounds);
        }
    }

    private static void once(ReportReader reader, Path file) {
        try {
            Source source = Sources.read(file, file.getFileName().toString());
            ImportedReport r = reader.read(source, Optional.empty());
            if (ReportFiles.yaml(r, "x").isEmpty() || ReportFiles.markdown(r).isEmpty()) {
                throw new AssertionError(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
