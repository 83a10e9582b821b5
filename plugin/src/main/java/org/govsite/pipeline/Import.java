package org.govsite.pipeline;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Severity;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.importer.ImportRules;
import org.govsite.importer.ImportedReport;
import org.govsite.importer.ReportFiles;
import org.govsite.importer.ReportReader;
import org.govsite.importer.Source;
import org.govsite.importer.Sources;
import org.govsite.load.AgencySource;
import org.govsite.load.SiteLoader;
import org.govsite.model.Group;
import org.govsite.model.SiteInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code import}: turns reports as published (text, saved HTML pages, .docx, PDFs with a text layer) into
 * {@code reports/<agency>/<year>/report.yaml} and {@code report.md} with {@code status: published}, and
 * {@code agency.yaml} for a new agency; then checks the site. Each file is read, recognised and written on its own:
 * into a hidden folder first, moved into place in one step, so a file that fails leaves nothing behind. An existing
 * report is never replaced unless asked; when it is, only report.yaml and report.md are replaced (attachments stay).
 */
public final class Import {
    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final BuildConfig config;
    private final FormatCatalog formats;

    public Import(BuildConfig config) {
        this.config = config;
        this.formats = FormatCatalog.withCustom(config.formatsDir());
    }

    /**
     * @param input     a file, or a folder whose files are each imported
     * @param agency    the agency folder to import into; by default an existing agency with the report's name
     * @param year      the report year, when the source does not say it
     * @param overwrite whether an existing report may be replaced
     */
    public record Request(Path input, Optional<String> agency, Optional<Integer> year, boolean overwrite) {
    }

    /**
     * One file's outcome: a row of the summary table.
     *
     * @param folder   the report folder written, or empty when nothing was written
     * @param findings what the importer found (the check's findings are in {@link Result#check()})
     */
    public record Outcome(String file, String agency, String year, String format, long cells, long blanks,
                          List<Finding> findings, Optional<Path> folder) {
        public Outcome {
            findings = List.copyOf(findings);
        }

        public boolean imported() {
            return folder.isPresent();
        }
    }

    /** Every file's outcome, and the check of the site after the import. */
    public record Result(List<Outcome> outcomes, BuildResult check) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }

        public boolean failed() {
            return outcomes.stream().anyMatch(o -> !o.imported());
        }
    }

    /**
     * @throws IllegalArgumentException when the input does not exist or the agency id is not a folder name
     */
    public Result run(Request request) throws IOException {
        if (!Files.exists(request.input())) {
            throw new IllegalArgumentException("no file or folder " + request.input());
        }
        request.agency().ifPresent(a -> {
            if (!AGENCY_ID.matcher(a).matches()) {
                throw new IllegalArgumentException("agency '" + a + "' is not a folder name (lowercase letters, "
                        + "digits and hyphens)");
            }
        });
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(request.input())) {
            try (Stream<Path> s = Files.list(request.input())) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(files::add);
            }
        } else {
            files.add(request.input());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            outcomes.add(importFile(file, request));
        }
        BuildResult check = new GovSite(config).check();
        return new Result(outcomes, check);
    }

    private String shown(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path project = config.projectDir().toAbsolutePath().normalize();
        return (abs.startsWith(project) ? project.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private Outcome importFile(Path file, Request request) throws IOException {
        String shown = shown(file);
        if (Sources.kindOf(file).isEmpty()) {
            return new Outcome(shown, "", "", "", 0, 0, List.of(Finding.of(ImportRules.I1, shown, 0, 0,
                    Message.of("import.kind"))), Optional.empty());
        }
        Source source = Sources.read(file, shown);
        ImportedReport report = new ReportReader(formats).read(source, request.year());
        List<Finding> findings = new ArrayList<>(report.findings());
        String format = report.format().map(FormatDefinition::id).orElse("");
        String year = report.year().map(String::valueOf).orElse("");
        SiteLoader loader = new SiteLoader(config.projectDir(), config.sourceDir(), formats, f -> { });
        SiteInfo site = loader.siteInfo();
        List<AgencySource> agencies = loader.agencies(site);
        Optional<String> agencyId = request.agency().or(() -> report.agency().flatMap(name -> agencies.stream()
                .filter(a -> a.agency().name().equals(name)).map(a -> a.agency().id()).findFirst()));
        if (agencyId.isEmpty() && report.agency().isPresent()) {
            findings.add(Finding.of(ImportRules.I1, shown, 1, 0,
                    Message.of("import.noAgencyId", report.agency().get())));
        }
        String agency = agencyId.orElse("");
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return new Outcome(shown, agency, year, format, report.cellsRead(), report.blanks(), findings,
                    Optional.empty());
        }
        Path reports = config.sourceDir().resolve(SiteLoader.REPORTS);
        Files.createDirectories(reports);
        Path agencyDir = reports.resolve(agency);
        Path folder = agencyDir.resolve(year);
        String yaml = ReportFiles.yaml(report, file.getFileName().toString());
        String md = ReportFiles.markdown(report);
        boolean newAgency = !Files.isDirectory(agencyDir);
        Path staging = Files.createTempDirectory(newAgency ? reports : agencyDir, ".govsite-import-");
        try {
            Path target;
            Path moved;
            if (newAgency) {
                Files.writeString(staging.resolve(SiteLoader.AGENCY_FILE),
                        agencyYaml(report.agency().orElse(agency), site, agencies), StandardCharsets.UTF_8);
                Path y = Files.createDirectory(staging.resolve(year));
                write(y, yaml, md);
                moved = staging;
                target = agencyDir;
            } else {
                write(staging, yaml, md);
                moved = staging;
                target = folder;
            }
            if (Files.exists(target) && request.overwrite() && !newAgency) {
                for (String name : List.of(SiteLoader.REPORT_YAML, SiteLoader.REPORT_MD)) {
                    Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } else {
                try {
                    if (Files.exists(target)) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    Files.move(moved, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    findings.add(Finding.of(ImportRules.I1, shown, 0, 0,
                            Message.of("import.exists", shown(folder))));
                    return new Outcome(shown, agency, year, format, report.cellsRead(), report.blanks(), findings,
                            Optional.empty());
                }
            }
            return new Outcome(shown, agency, year, format, report.cellsRead(), report.blanks(), findings,
                    Optional.of(folder));
        } finally {
            delete(staging);
        }
    }

    private static void write(Path dir, String yaml, String md) throws IOException {
        Files.writeString(dir.resolve(SiteLoader.REPORT_YAML), yaml, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SiteLoader.REPORT_MD), md, StandardCharsets.UTF_8);
    }

    /**
     * A new agency's agency.yaml: its name as published; its kind from the name (人民政府 a government, 乡/镇/街道
     * a township, otherwise a department); the group of that kind in site.yaml, or the first group. A comment asks
     * to check both.
     */
    static String agencyYaml(String name, SiteInfo site, List<AgencySource> agencies) {
        String kind = name.matches(".*(乡|镇|街道|街道办事处)(人民政府)?$") ? "township"
                : name.endsWith("人民政府") ? "government" : "department";
        String group = site.groups().stream().map(Group::key).filter(k -> k.equals(kind)).findFirst()
                .or(() -> site.groups().stream().filter(g -> kind.equals("township") && g.label().contains("乡镇")
                        || kind.equals("department") && g.label().contains("部门")
                        || kind.equals("government") && g.label().contains("政府")).map(Group::key).findFirst())
                .or(() -> site.groups().stream().map(Group::key).findFirst()).orElse(kind);
        int order = agencies.size() + 1;
        return "# 由 govsite:import 新建：kind 由名称判断，group 取 site.yaml 中对应的组，请核对。\n"
                + "name: " + ReportFiles.quote(name) + "\n"
                + "kind: " + kind + "\n"
                + "group: " + group + "\n"
                + "order: " + order + "\n";
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
