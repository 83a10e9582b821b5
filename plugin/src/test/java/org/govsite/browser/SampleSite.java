package org.govsite.browser;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample portal (../sample-site), generated through the core API into a folder under target/. The tests that only
 * read the site share one build of it per JVM ({@link #shared()}, {@link #sharedThemed()}): the build, with its PDFs,
 * costs more than most of those tests; {@code ReportPdfTest} reads its PDFs too.
 */
public final class SampleSite {
    static final Path PROJECT = Path.of("..", "sample-site");
    /** The seed report, transcribed from the real 陕州区 publication: the page a reviewer looks at. */
    static final String REPORT = "agencies/shanzhou-zfb/2024.html";
    /** A published record with blanks, "/" and a 数据核对 box (invented data, issue 9). */
    static final String PUBLISHED = "agencies/shanzhou-fgw/2020.html";

    private SampleSite() {
    }

    /** A portal's theme (templates and assets), kept as a test fixture. */
    static final Path THEME_FIXTURE = Path.of("src", "test", "resources", "theme-fixture", "theme");

    private static Path shared;
    private static Path sharedThemed;

    /**
     * The sample site, built once per JVM into {@code target/sample-site-shared/govsite}, for tests that only read it
     * (a test that changes a file of it must {@link #generate(String)} its own).
     */
    public static synchronized Path shared() throws IOException {
        if (shared == null) {
            shared = generate("sample-site-shared");
        }
        return shared;
    }

    /**
     * The sample site with the fixture theme ({@link #generateThemed(String)}), built once per JVM, to read only.
     * Without PDFs: a PDF comes from the template {@code pdf.html}, which uses none of the fragments the fixture theme
     * replaces (head, header, footer), so the themed build's PDFs were the shared build's again, and made most of its
     * time. So its report pages have no download link: the link's markup, from report.html, is checked on the shared
     * build's pages.
     */
    static synchronized Path sharedThemed() throws IOException {
        if (sharedThemed == null) {
            sharedThemed = generateThemed("sample-site-shared-themed");
        }
        return sharedThemed;
    }

    /** Generates the site into {@code target/<name>/govsite} and returns that folder. */
    static Path generate(String name) throws IOException {
        return generate(PROJECT.resolve(Path.of("src", "govsite")), Path.of("target", name));
    }

    /**
     * Generates the sample reports with the fixture theme, as a portal project holding them both would:
     * {@code target/<name>/src} gets the sample site.yaml and reports plus the fixture's theme folder.
     */
    static Path generateThemed(String name) throws IOException {
        Path work = Path.of("target", name).toAbsolutePath();
        Path source = work.resolve("src");
        Path sample = PROJECT.resolve(Path.of("src", "govsite")).toAbsolutePath();
        copyTree(sample, source);
        copyTree(THEME_FIXTURE.toAbsolutePath(), source.resolve("theme"));
        return generate(source, work, false);
    }

    private static Path generate(Path source, Path work) throws IOException {
        return generate(source, work, true);
    }

    private static Path generate(Path source, Path work, boolean pdf) throws IOException {
        Path out = work.resolve("govsite").toAbsolutePath();
        BuildConfig config = BuildConfig.builder(PROJECT, source).outputDir(out).pdf(pdf).build();
        BuildResult result = new GovSite(config).generate();
        if (!result.published()) {
            throw new IllegalStateException("the sample site did not build: " + result.findings().stream()
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        return out.toRealPath(); // the published output is a link to its site folder

    }

    /** Every HTML page of a generated site, sorted by path. */
    static List<Path> pages(Path output) throws IOException {
        Path site = output.toRealPath();
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted(Comparator.comparing(p -> site.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    /**
     * One page of each kind, the first of its kind in path order: the pages that the checks which need not see every
     * page (axe in the reading modes and on a phone, the tables in every mode) look at. Pages are of one kind when they
     * come from one template with the same content blocks: the kind is the page's path with the agency and the year
     * left out ({@code agencies/*}{@code /yyyy.html}, {@code years/yyyy.html}, {@code index.html}, {@code search.html},
     * {@code 404.html} …), and for a report page also its format as the page states it (2019, 2021 or none: the
     * official tables differ) and whether it is a published record (its 数据核对 box). A new template, format or kind
     * of page gets its page here without a change to this list.
     */
    static Map<String, String> onePerKind(Path site) throws IOException {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Path page : pages(site)) {
            kinds.putIfAbsent(kind(site, page), name(site, page));
        }
        return kinds;
    }

    /** The kind of a page, as {@link #onePerKind} says. */
    static String kind(Path site, Path page) throws IOException {
        String shape = name(site, page).replaceAll("^agencies/[^/]+/", "agencies/*/").replaceAll("\\d{4}", "yyyy");
        if (!shape.equals("agencies/*/yyyy.html")) {
            return shape;
        }
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        Element format = doc.selectFirst(".gs-report-meta dt:containsOwn(报告格式) + dd");
        return shape + " [" + (format == null ? "无表格" : format.text())
                + (doc.selectFirst("section.gs-data-check") == null ? "" : ", 按发布原样存档") + "]";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        org.govsite.TestSites.copyTree(from, to);
    }

    static String name(Path site, Path page) {
        try {
            return site.toRealPath().relativize(page).toString().replace('\\', '/');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
