package org.govsite.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.TableDef;
import org.govsite.model.Agency;
import org.govsite.model.AgencyKind;
import org.govsite.model.SourcePos;
import org.govsite.diagnostics.Finding;
import org.govsite.model.Group;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Narrative;
import org.govsite.model.Report;
import org.govsite.model.ReportMeta;
import org.govsite.model.ReportStatus;
import org.govsite.diagnostics.Rule;
import org.govsite.model.SiteInfo;
import org.govsite.model.TableValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stage 1, load: finds the agencies and years under the source folder, and reads one report at a time, so that
 * memory does not grow with the archive. Every problem in the input is a finding; nothing here throws for bad input.
 *
 * <pre>
 * sourceDirectory/
 *   site.yaml                       portal title and agency groups (optional)
 *   reports/&lt;agency-id&gt;/agency.yaml
 *   reports/&lt;agency-id&gt;/&lt;year&gt;/report.yaml
 *   reports/&lt;agency-id&gt;/&lt;year&gt;/report.md
 * </pre>
 */
public final class SiteLoader {
    public static final String REPORTS = "reports";
    public static final String SITE_FILE = "site.yaml";
    public static final String AGENCY_FILE = "agency.yaml";
    public static final String REPORT_YAML = "report.yaml";
    public static final String REPORT_MD = "report.md";

    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /** The plausible report years: the 条例 took effect in 2008; a few local rules had reports earlier. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    /** A report is published at the earliest after its year and at the latest this many years later. */
    static final int PUBLISHED_WITHIN_YEARS = 20;
    /** Names Windows reserves for devices: a folder of that name cannot be copied to a Windows web server. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("con", "prn", "aux", "nul", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
            "lpt7", "lpt8", "lpt9");
    private static final List<String> SITE_KEYS = List.of("title", "groups");
    private static final List<String> AGENCY_KEYS = List.of("name", "kind", "group", "order");
    private static final List<String> REPORT_KEYS = List.of("year", "format", "title", "published", "publisher",
            "index_no", "sample", "status", "tables");

    private final Path projectDir;
    private final Path sourceDir;
    private final FormatCatalog formats;
    private final Consumer<Finding> findings;
    private Path realSource;

    public SiteLoader(Path projectDir, Path sourceDir, FormatCatalog formats, Consumer<Finding> findings) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.formats = formats;
        this.findings = findings;
    }

    /** A path as findings print it: relative to the project, with '/' separators. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(projectDir) ? Utf8Paths.relative(projectDir, abs) : abs.toString().replace('\\', '/');
    }

    /**
     * Whether {@code p} is a symbolic link (or lies below one) whose target is outside the source folder; then it is
     * a finding and is never read. Links that stay inside the source folder are followed.
     */
    boolean escapes(Path p) throws IOException {
        // Every folder on the way down (reports, the agency, the year) is checked here in turn, and Files.walk does
        // not follow linked sub-folders of a year; so only a path that is itself a link can lead outside.
        if (!Files.isSymbolicLink(p) || !Files.exists(p)) {
            return false;
        }
        if (realSource == null) {
            realSource = sourceDir.toRealPath();
        }
        if (p.toRealPath().startsWith(realSource)) {
            return false;
        }
        diagnostics(p).report(Rule.M1, 0, 0, "M1.outside", Utf8Paths.name(p));
        return true;
    }

    /** The findings about one file or folder. */
    private FileDiagnostics diagnostics(Path file) {
        return new FileDiagnostics(display(file), findings);
    }

    /** Where a value stands in its file. */
    private static SourcePos at(FileDiagnostics file, YamlNode node) {
        return file.at(node.line(), node.column());
    }

    /** site.yaml, or defaults when there is none. */
    public SiteInfo siteInfo() throws IOException {
        Path file = sourceDir.resolve(SITE_FILE);
        FileDiagnostics d = diagnostics(file);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            d.report(Rule.M1, 0, 0, "M1.notAFile", SITE_FILE);
            return new SiteInfo(SiteInfo.DEFAULT_TITLE, List.of());
        }
        if (!Files.isRegularFile(file) || escapes(file)) {
            return new SiteInfo(SiteInfo.DEFAULT_TITLE, List.of());
        }
        Optional<YamlNode.Mapping> root = readMapping(file, d);
        if (root.isEmpty()) {
            return new SiteInfo(SiteInfo.DEFAULT_TITLE, List.of());
        }
        new TableReader(d).unknownKeys(root.get(), SITE_KEYS);
        String title = string(root.get(), "title", d, false).orElse(SiteInfo.DEFAULT_TITLE);
        List<Group> groups = new ArrayList<>();
        Optional<YamlNode> g = root.get().get("groups");
        if (g.isPresent() && g.get() instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Mapping m) {
                    Optional<String> key = string(m, "key", d, true);
                    Optional<String> label = string(m, "label", d, true);
                    if (key.isPresent() && groups.stream().anyMatch(x -> x.key().equals(key.get()))) {
                        d.report(Rule.Y2, at(d, m.get("key").orElseThrow()), "Y2.duplicateGroup", key.get());
                    } else if (key.isPresent() && label.isPresent()) {
                        groups.add(new Group(key.get(), label.get()));
                    }
                } else {
                    d.report(Rule.M1, at(d, item), "M1.group");
                }
            }
        } else if (g.isPresent()) {
            d.report(Rule.M1, at(d, g.get()), "M1.group");
        }
        return new SiteInfo(title, groups);
    }

    /** Every agency folder with a valid agency.yaml, by id; the others are findings. */
    public List<AgencySource> agencies(SiteInfo site) throws IOException {
        return agencies(site, Map.of());
    }

    /**
     * Every agency folder with a valid agency.yaml, by id, taking the agency of a folder named in {@code known} as it
     * is instead of reading its agency.yaml: for a caller that knows the file and site.yaml are byte for byte those
     * that gave {@code known} without a finding (an incremental build: their fingerprints are unchanged). The year
     * folders are always listed.
     */
    public List<AgencySource> agencies(SiteInfo site, Map<String, Agency> known) throws IOException {
        Path reports = sourceDir.resolve(REPORTS);
        if (!Files.isDirectory(reports)) {
            diagnostics(reports).report(Rule.M1, 0, 0, "M1.noReports");
            return List.of();
        }
        if (escapes(reports)) {
            return List.of();
        }
        List<AgencySource> out = new ArrayList<>();
        for (Path dir : sortedChildren(reports)) {
            String name = dir.getFileName().toString();
            if (name.startsWith(".") || !Files.isDirectory(dir)) {
                continue;
            }
            if (!AGENCY_ID.matcher(name).matches()) {
                diagnostics(dir).report(Rule.M1, 0, 0, "M1.agencyId", name);
                continue;
            }
            if (RESERVED.contains(name)) {
                diagnostics(dir).report(Rule.M1, 0, 0, "M1.agencyReserved", name);
                continue;
            }
            if (escapes(dir)) {
                continue;
            }
            Optional<Agency> agency = known.containsKey(name) ? Optional.of(known.get(name))
                    : agency(dir, name, site);
            if (agency.isEmpty()) {
                continue;
            }
            List<AgencySource.YearSource> years = new ArrayList<>();
            for (Path y : sortedChildren(dir)) {
                String yn = y.getFileName().toString();
                if (!Files.isDirectory(y) || yn.startsWith(".")) {
                    continue;
                }
                if (YEAR.matcher(yn).matches() && (Integer.parseInt(yn) < FIRST_YEAR
                        || Integer.parseInt(yn) > LAST_YEAR)) {
                    diagnostics(y).report(Rule.M1, 0, 0, "M1.yearRange", yn, FIRST_YEAR, LAST_YEAR);
                } else if (YEAR.matcher(yn).matches()) {
                    if (!escapes(y)) {
                        years.add(new AgencySource.YearSource(Integer.parseInt(yn), y));
                    }
                } else {
                    diagnostics(y).report(Rule.M1, 0, 0, "M1.yearFolder", yn);
                }
            }
            out.add(new AgencySource(agency.get(), dir, years));
        }
        return out;
    }

    private Optional<Agency> agency(Path dir, String id, SiteInfo site) throws IOException {
        Path file = dir.resolve(AGENCY_FILE);
        FileDiagnostics d = diagnostics(file);
        if (!Files.isRegularFile(file)) {
            d.report(Rule.M1, 0, 0, "M1.noFile", AGENCY_FILE);
            return Optional.empty();
        }
        if (escapes(file)) {
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> root = readMapping(file, d);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        new TableReader(d).unknownKeys(root.get(), AGENCY_KEYS);
        Optional<String> name = string(root.get(), "name", d, true);
        Optional<String> kindText = string(root.get(), "kind", d, true);
        Optional<AgencyKind> kind = Optional.empty();
        if (kindText.isPresent()) {
            try {
                kind = Optional.of(AgencyKind.parse(kindText.get()));
            } catch (IllegalArgumentException e) {
                d.report(Rule.M1, at(d, root.get().get("kind").orElseThrow()), "M1.kind", kindText.get());
            }
        }
        String group = string(root.get(), "group", d, false).orElse("");
        if (!group.isEmpty() && site.groups().stream().noneMatch(g -> g.key().equals(group))) {
            SourcePos n = at(d, root.get().get("group").orElseThrow());
            Path siteFile = sourceDir.resolve(SITE_FILE);
            if (Files.isRegularFile(siteFile)) {
                d.report(Rule.M1, n, "M1.unknownGroup", group,
                        String.join(", ", site.groups().stream().map(Group::key).toList()));
            } else {
                d.report(Rule.M1, n, "M1.unknownGroupNoSite", group, display(siteFile));
            }
        }
        int order = integer(root.get(), "order", d).orElse(0);
        if (name.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Agency(id, name.get(), kind.get(), group, order));
    }

    /** Loads one report, or empty when its files are too broken to use (the reasons are findings). */
    public Optional<Report> report(Agency agency, AgencySource.YearSource year) throws IOException {
        return load(agency, year).map(LoadedReport::report);
    }

    /** Loads one report with the positions later checks point at, or empty when its files are too broken to use. */
    public Optional<LoadedReport> load(Agency agency, AgencySource.YearSource year) throws IOException {
        Path yamlFile = year.dir().resolve(REPORT_YAML);
        Path mdFile = year.dir().resolve(REPORT_MD);
        FileDiagnostics yaml = diagnostics(yamlFile);
        FileDiagnostics md = diagnostics(mdFile);
        String yamlPath = yaml.file();
        String mdPath = md.file();
        boolean ok = true;
        if (!Files.isRegularFile(yamlFile)) {
            yaml.report(Rule.M1, 0, 0, "M1.noFile", REPORT_YAML);
            ok = false;
        }
        if (!Files.isRegularFile(mdFile)) {
            md.report(Rule.M1, 0, 0, "M1.noFile", REPORT_MD);
            ok = false;
        }
        if (!ok || escapes(yamlFile) | escapes(mdFile)) {
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> root = readMapping(yamlFile, yaml);
        Optional<String> markdown = SourceText.read(mdFile, md);
        if (root.isEmpty() || markdown.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping map = root.get();
        MetaPositions pos = positions(map, yaml);
        TableReader tables = new TableReader(yaml);
        tables.unknownKeys(map, REPORT_KEYS);
        boolean publishedRecord = map.get("status").filter(n -> n instanceof YamlNode.Scalar s
                && ReportStatus.PUBLISHED.key().equals(s.text())).isPresent();

        Optional<Integer> yearValue = integer(map, "year", yaml);
        if (yearValue.isEmpty() && map.get("year").isEmpty()) {
            yaml.report(Rule.M1, 1, 1, "M1.missing", "year");
        }
        if (yearValue.isPresent() && yearValue.get() != year.year()) {
            yaml.report(Rule.M2, pos.year(), "M2.year", yearValue.get(), year.year());
        }
        int reportYear = year.year();

        Optional<FormatDefinition> format;
        Optional<String> formatText = string(map, "format", yaml, false);
        if (formatText.isPresent() && formatText.get().equals("none")) {
            format = Optional.empty();
        } else if (formatText.isPresent()) {
            format = formats.byId(formatText.get());
            if (format.isEmpty()) {
                yaml.report(Rule.M1, pos.format(), "M1.format", formatText.get(),
                        String.join(", ", formats.all().stream().map(FormatDefinition::id).toList()));
                return Optional.empty();
            }
        } else {
            format = formats.forYear(reportYear);
        }

        Optional<LocalDate> published = Optional.empty();
        Optional<String> publishedText = string(map, "published", yaml, false);
        if (publishedText.isPresent()) {
            try {
                published = Optional.of(LocalDate.parse(publishedText.get()));
            } catch (DateTimeParseException e) {
                yaml.report(Rule.M1, pos.published(), "M1.date", publishedText.get());
            }
            if (published.isPresent() && (published.get().getYear() <= reportYear
                    || published.get().getYear() > reportYear + PUBLISHED_WITHIN_YEARS)) {
                yaml.report(Rule.M1, pos.published(), "M1.dateRange", publishedText.get(), reportYear,
                        reportYear + 1, reportYear + PUBLISHED_WITHIN_YEARS);
                published = Optional.empty();
            }
        }
        boolean sample = bool(map, "sample", yaml);
        ReportStatus status = status(map, yaml);
        String title = string(map, "title", yaml, false)
                .orElse(agency.name() + reportYear + "年政府信息公开工作年度报告");
        ReportMeta meta = new ReportMeta(reportYear, format.map(FormatDefinition::id), title, published,
                string(map, "publisher", yaml, false).orElse(agency.name()),
                string(map, "index_no", yaml, false), sample, status);

        List<TableValues> values = new ArrayList<>();
        Optional<YamlNode.Entry> tablesEntry = map.entry("tables");
        if (format.isPresent()) {
            if (tablesEntry.isEmpty() || !(tablesEntry.get().value() instanceof YamlNode.Mapping)) {
                int line = tablesEntry.map(YamlNode.Entry::line).orElse(1);
                yaml.report(Rule.Y4, line, 1, "Y4.noTables", format.get().id());
            } else {
                YamlNode.Mapping t = (YamlNode.Mapping) tablesEntry.get().value();
                tables.unknownKeys(t, format.get().tables().stream().map(TableDef::key).toList());
                for (TableDef def : format.get().tables()) {
                    Optional<YamlNode.Entry> e = t.entry(def.key());
                    if (e.isEmpty()) {
                        yaml.report(Rule.Y4, tablesEntry.get().line(), tablesEntry.get().column(), "Y4.noTable",
                                def.key(), def.caption());
                    } else {
                        values.add(tables.read(format.get(), def, e.get(), publishedRecord));
                    }
                }
            }
        } else if (tablesEntry.isPresent()) {
            yaml.report(Rule.M1, tablesEntry.get().line(), tablesEntry.get().column(), "M1.tablesWithoutFormat");
        }
        Optional<Markdown.Excess> excess = Markdown.excess(markdown.get());
        if (excess.isPresent()) {
            md.report(Rule.M1, excess.get().line(), excess.get().column(), excess.get().key(), excess.get().limit());
            return Optional.empty();
        }
        Optional<Parsed> parsed = parse(markdown.get(), md);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Narrative narrative = parsed.get().narrative();
        List<String> attachments = Attachments.list(year.dir(), this, findings);
        return Optional.of(new LoadedReport(new Report(agency, meta, format, values, narrative, yamlPath, mdPath),
                parsed.get().document(), pos, attachments));
    }

    /** Where each metadata value stands: the start of its value, line 0 where the file does not give it. */
    private static MetaPositions positions(YamlNode.Mapping map, FileDiagnostics yaml) {
        java.util.function.Function<String, SourcePos> of = key -> map.get(key).map(n -> at(yaml, n))
                .orElse(yaml.at(0, 0));
        return new MetaPositions(of.apply("year"), of.apply("format"), of.apply("title"), of.apply("published"),
                of.apply("publisher"), of.apply("index_no"), of.apply("sample"), of.apply("tables"));
    }

    /**
     * Parses a narrative and finds its level-2 headings, or reports why it cannot be: Markdown too complex to parse,
     * or nested deeper than {@link Markdown#MAX_DEPTH} (a finding at that line, and the report is not rendered).
     */
    public static Optional<Narrative> narrative(String markdown, FileDiagnostics diagnostics) {
        return parse(markdown, diagnostics).map(Parsed::narrative);
    }

    /** A narrative with the document it was read from, parsed once for every later stage. */
    private record Parsed(Narrative narrative, Document document) {
    }

    private static Optional<Parsed> parse(String markdown, FileDiagnostics diagnostics) {
        Markdown.Lines lines = new Markdown.Lines(markdown);
        Optional<Document> parsed = Markdown.parse(markdown);
        if (parsed.isEmpty()) {
            diagnostics.report(Rule.M1, lines.longest(markdown.length()), 1, "M1.markdownTooComplex");
            return Optional.empty();
        }
        Document doc = parsed.get();
        Optional<Node> deep = Markdown.tooDeep(doc);
        if (deep.isPresent()) {
            diagnostics.report(Rule.M1, lines.line(deep.get().getStartOffset()), 1, "M1.markdownTooDeep",
                    Markdown.MAX_DEPTH);
            return Optional.empty();
        }
        List<Narrative.SectionHeading> headings = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 2) {
                String title = h.getText().toString().trim();
                headings.add(new Narrative.SectionHeading(title, Narrative.SectionHeading.numeralOf(title),
                        diagnostics.at(lines.line(h.getStartOffset()), 1)));
            }
        }
        return Optional.of(new Parsed(new Narrative(markdown, headings), doc));
    }

    /** A narrative that must parse, for tests and tools: its findings are discarded. */
    public static Narrative narrative(String markdown) {
        return narrative(markdown, new FileDiagnostics("report.md", f -> { }))
                .orElseThrow(() -> new IllegalArgumentException("narrative too complex to parse"));
    }

    private Optional<YamlNode.Mapping> readMapping(Path file, FileDiagnostics d) throws IOException {
        Optional<String> text = SourceText.read(file, d);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> syntax = new ArrayList<>();
        Optional<YamlNode> root = new YamlReader(new FileDiagnostics(d.file(), f -> {
            syntax.add(f);
            findings.accept(f);
        })).read(text.get());
        if (root.isEmpty()) {
            if (syntax.isEmpty()) {
                d.report(Rule.M1, 0, 0, "M1.empty");
            }
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlNode.Mapping m)) {
            d.report(Rule.M1, at(d, root.get()), "M1.notMapping");
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private static Optional<String> string(YamlNode.Mapping map, String key, FileDiagnostics d, boolean required) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty() || (n.get() instanceof YamlNode.Scalar s && s.isBlank())) {
            if (required) {
                d.report(Rule.M1, n.map(YamlNode::line).orElse(map.line()), 1, "M1.missing", key);
            }
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s) {
            return Optional.of(s.text().trim());
        }
        d.report(Rule.M1, at(d, n.get()), "M1.notText", key);
        return Optional.empty();
    }

    /** {@code status:}: draft (the default) or published; anything else is a finding and counts as draft. */
    private static ReportStatus status(YamlNode.Mapping map, FileDiagnostics d) {
        Optional<YamlNode> n = map.get("status");
        if (n.isEmpty()) {
            return ReportStatus.DRAFT;
        }
        String shown = n.get() instanceof YamlNode.Scalar s && s.text() != null ? s.text().trim() : "";
        Optional<ReportStatus> status = ReportStatus.parse(shown);
        if (status.isEmpty()) {
            d.report(Rule.M1, n.get().line(), n.get().column(), "M1.status", shown);
        }
        return status.orElse(ReportStatus.DRAFT);
    }

    /** A flag: only {@code true} or {@code false}, unquoted; anything else is a finding and counts as false. */
    private static boolean bool(YamlNode.Mapping map, String key, FileDiagnostics d) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty()) {
            return false;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN
                && (s.text().equals("true") || s.text().equals("false"))) {
            return s.text().equals("true");
        }
        String shown = n.get() instanceof YamlNode.Scalar s && s.text() != null ? s.text() : "";
        d.report(Rule.M1, at(d, n.get()), "M1.boolean", key, shown);
        return false;
    }

    private static Optional<Integer> integer(YamlNode.Mapping map, String key, FileDiagnostics d) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.INTEGER) {
            try {
                return Optional.of(Integer.parseInt(s.text()));
            } catch (NumberFormatException e) {
                // too large: reported below
            }
        }
        d.report(Rule.M1, at(d, n.get()), "M1.integer", key);
        return Optional.empty();
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }
}
