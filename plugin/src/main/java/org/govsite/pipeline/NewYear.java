package org.govsite.pipeline;

import org.govsite.diagnostics.Finding;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.load.AgencySource;
import org.govsite.load.SiteLoader;
import org.govsite.model.Report;
import org.govsite.output.scaffold.ReportScaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code new-year}: starts next year's draft report for one agency or all of them. A new year folder gets a
 * {@code report.yaml} with every cell blank except the carry-over from last year, and a {@code report.md} with the six
 * section headings (see {@link ReportScaffold}). An existing folder is never touched: the files are written into a
 * hidden folder beside it and moved into place in one step, which fails if the year folder exists.
 */
public final class NewYear {
    /** Every agency, for {@link #scaffold}. */
    public static final String ALL = "all";

    private final Path sourceDir;
    private final FormatCatalog formats;
    private final SiteLoader loader;
    private final List<Finding> loadFindings = new ArrayList<>();

    public NewYear(BuildConfig config) {
        this.sourceDir = config.sourceDir();
        this.formats = FormatCatalog.withCustom(config.formatsDir());
        this.loader = new SiteLoader(config.projectDir(), config.sourceDir(), formats, loadFindings::add);
    }

    /** What happened to one agency. */
    public record Outcome(String agency, int year, Path folder, boolean created, int blanks, int filled) {
    }

    /**
     * @param agency      an agency id, or {@link #ALL}
     * @param year        the year to start, or empty for the year after each agency's latest report
     * @param defaultYear the year for an agency that has no report yet, when {@code year} is empty
     * @throws IllegalArgumentException when {@code agency} names no agency folder
     */
    public List<Outcome> scaffold(String agency, Optional<Integer> year, int defaultYear) throws IOException {
        List<AgencySource> agencies = loader.agencies(loader.siteInfo());
        List<AgencySource> chosen = ALL.equals(agency) ? agencies
                : agencies.stream().filter(a -> a.agency().id().equals(agency)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(ALL.equals(agency) ? "no agency under " + sourceDir.resolve("reports")
                    : "no agency '" + agency + "' under " + sourceDir.resolve("reports") + " (known: "
                    + String.join(", ", agencies.stream().map(a -> a.agency().id()).toList()) + ")");
        }
        List<Outcome> out = new ArrayList<>();
        for (AgencySource a : chosen) {
            int latest = a.years().stream().mapToInt(AgencySource.YearSource::year).max().orElse(defaultYear - 1);
            int target = year.orElse(latest + 1);
            Path folder = a.dir().resolve(Integer.toString(target));
            if (Files.exists(folder)) {
                out.add(new Outcome(a.agency().id(), target, folder, false, 0, 0));
                continue;
            }
            Optional<Report> previous = Optional.empty();
            for (AgencySource.YearSource y : a.years()) {
                if (y.year() == target - 1) {
                    previous = loader.report(a.agency(), y);
                }
            }
            Optional<FormatDefinition> format = previous.flatMap(Report::format).filter(f -> f.appliesTo(target))
                    .or(() -> formats.forYear(target));
            List<String> sections = format.map(FormatDefinition::sections)
                    .orElseGet(FormatCatalog::standardSections);
            ReportScaffold.Draft draft = ReportScaffold.draft(target, format, sections, previous);
            boolean created = write(a.dir(), folder, draft);
            out.add(new Outcome(a.agency().id(), target, folder, created, draft.blanks(), draft.filled()));
        }
        return out;
    }

    private static boolean write(Path agencyDir, Path folder, ReportScaffold.Draft draft) throws IOException {
        Path staging = Files.createTempDirectory(agencyDir, ".govsite-new-year-");
        try {
            Files.writeString(staging.resolve(SiteLoader.REPORT_YAML), draft.yaml(), StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(SiteLoader.REPORT_MD), draft.markdown(), StandardCharsets.UTF_8);
            Files.move(staging, folder);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            if (Files.exists(staging)) {
                try (Stream<Path> files = Files.walk(staging)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
