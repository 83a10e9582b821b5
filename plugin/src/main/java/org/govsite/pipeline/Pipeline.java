package org.govsite.pipeline;

import org.govsite.check.CheckedReport;
import org.govsite.check.Checker;
import org.govsite.check.LinkTargets;
import org.govsite.check.YearSums;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.FindingLimit;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.FindingsFile;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.SarifFile;
import org.govsite.format.FormatCatalog;
import org.govsite.load.AgencySource;
import org.govsite.load.LoadedReport;
import org.govsite.load.ReportSource;
import org.govsite.load.RevisionHistory;
import org.govsite.load.SiteLoader;
import org.govsite.model.Agency;
import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.model.SiteInfo;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.PageText;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.SiteLayout;
import org.govsite.output.data.DatasetWriter;
import org.govsite.output.render.Templates;
import org.govsite.output.search.SearchOutputs;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stages of a build, and what a build keeps to rebuild what changed.
 *
 * <pre>
 * ReportSource ─load→ LoadedReport ─check→ CheckedReport ─→ ReportOutput …   page, open data, attachments
 *                                               │
 *                      published reports only ─→ ArchiveIndex ─→ ArchiveOutput …   home, agencies, years, open data,
 *                                                                                   schema, feeds, assets, dataset
 * </pre>
 *
 * <ol>
 *   <li>{@link #reports()}: one agency at a time, each report is loaded and checked in year order (so that the
 *   carry-over from the previous year is checked); then the agency's reports without errors are handed to the report
 *   outputs, with only published neighbours. Narrative links to other reports hold only if those are published:
 *   once every report is checked they are resolved, and a report whose link would break is not published either
 *   (an L1 error on its report.md); the pages of its neighbours are rendered again.</li>
 *   <li>{@link #archive()}: the {@link ArchiveIndex} of the published reports, then the archive outputs.</li>
 *   <li>{@link #rebuild(Set)}: reloads and rechecks the changed reports and the next year of each (carry-over),
 *   renders again what depends on them, and the archive outputs from the summaries it keeps.</li>
 * </ol>
 *
 * <p>Checking only is a pipeline without outputs. What the pipeline keeps between builds is small: per report its
 * findings, its summary and its values for the year sums (not its narrative), and the files its outputs wrote. For an
 * incremental generate ({@link #storeIn}) it stores that on disk ({@link StoredReports}), and {@link #reports()} takes
 * from there every report whose folder and previous year's folder are unchanged instead of loading it. Not
 * thread-safe: one build or rebuild at a time.
 */
public final class Pipeline implements AutoCloseable {
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /** The search entries file of an incremental generate, in the manifest's folder. */
    static final String ENTRIES = "search-entries";
    /** What the published search index holds, for an update in place ({@link SearchOutputs.State}). */
    static final String SEARCH_STATE = "search-state";
    /** Where the dataset's blocks are recorded ({@code DatasetBlocks}), and this build's until it succeeds. */
    static final String DATASET_BLOCKS = "dataset-blocks";
    static final String DATASET_BLOCKS_NEXT = "dataset-blocks.next";

    private final BuildConfig config;
    private final OutputSink sink;
    private final Messages messages;
    private final FormatCatalog formats;
    private final Checker checker;
    /** Every rule code the build knows: the checker's own and the formats' (for SARIF). */
    private final List<Rule> rules;
    private final List<Finding> current = new ArrayList<>();
    private final SiteLoader loader;

    private SiteInfo site;
    private List<AgencySource> agencies;
    private List<Finding> siteFindings = List.of();
    private SiteLayout layout;
    private List<ReportOutput> reportOutputs = List.of();
    private List<ArchiveOutput> archiveOutputs = List.of();
    private SearchOutputs search;
    /** What the previous generate left that may be kept, by "agency/year" (an incremental generate's first build). */
    private Map<String, Incremental.Report> reusable = Map.of();
    /** The content hashes of input files, trusted by their metadata ({@link FileHashes}). */
    private FileHashes hashes = FileHashes.empty();
    /** Where an incremental generate keeps what it knows of each report ({@link StoredReports}), or null. */
    private Path home;
    /** The Git commit the revisions are read at, or "" outside Git. */
    private String head = "";
    /** What the previous generate stored, by "agency/year", with the layout it had; empty unless trusted. */
    private Map<String, StoredReports.Stored> stored = Map.of();
    private String storedLayout = "";
    private boolean storedLinksClean;
    /**
     * The agencies the previous generate read from unchanged files without a finding, by id, for the next
     * {@link #reports()} only ({@link StoredReports.Snapshot#known}); and whether this build's read none with a
     * finding.
     */
    private Map<String, Agency> knownAgencies = Map.of();
    private boolean agenciesClean;
    /** How long the parts of the last {@link #reports()} took, for the note. */
    private String reportsTimes = "";
    private String storedTimes = "";
    /** What this build's findings depend on besides the report folders ({@link Incremental.Keys#check}), stored. */
    private String checkKey = "";
    /** A check that replays the findings a generate stored ({@link #replayFrom}). */
    private boolean replaying;
    /** Whether this build stored its results ({@link #saveStored}). */
    private boolean saved;
    private long entriesKeep;
    private SearchOutputs.State searchState;
    private String layoutFingerprint = "";
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger restored = new AtomicInteger();
    private final TreeMap<Key, Entry> entries = new TreeMap<>();
    private List<Finding> archiveFindings = List.of();
    /** The agencies' fingerprints of the last build ({@link #digests}), and those of the previous generate. */
    private Map<String, String> agencyDigests = Map.of();
    private Map<String, String> previousAgencyDigests = Map.of();
    /** How long each archive output took in the last build, for the note. */
    private String archiveTimes = "";
    private final Set<String> archiveFiles = new ConcurrentSkipListSet<>();

    /**
     * @param sink where the outputs write, or {@code null} to check only (no outputs)
     */
    public Pipeline(BuildConfig config, OutputSink sink) {
        this.config = config;
        this.sink = sink;
        this.messages = new Messages(config.locale());
        this.formats = FormatCatalog.withCustom(config.formatsDir());
        this.rules = Rule.known(formats);
        this.loader = new SiteLoader(config.projectDir(), config.sourceDir(), formats, current::add);
        this.checker = new Checker();
    }

    /** A report by agency id and year, in load order. */
    private record Key(String agencyId, int year) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::agencyId).thenComparingInt(Key::year);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** What a report's outputs were rendered with, besides the report itself. */
    private record Context(List<Integer> years, ReportSummary previous) {
    }

    /** What the pipeline keeps of one report folder. Read and written on the main thread, but {@code written}. */
    private static final class Entry {
        final ReportSource source;
        List<Finding> findings = List.of();
        boolean clean;
        ReportSummary summary;
        YearSums.Cells cells;
        int dataRows;
        List<CheckedReport.CrossLink> crossLinks = List.of();
        List<Finding> crossFindings = List.of();
        Context rendered;
        final Set<String> written = new ConcurrentSkipListSet<>();
        /** What its outputs were made from ({@link Incremental#report}); set by the render job. */
        volatile String fingerprint;
        /** Its folder's fingerprint and that of the year before it, for an incremental generate; else null. */
        String folder;
        String previousFolder = "";
        /** Its files are those of the previous build, kept. */
        volatile boolean kept;

        Entry(ReportSource source) {
            this.source = source;
        }

        boolean published() {
            return clean && crossFindings.isEmpty();
        }
    }

    /**
     * Releases what the outputs hold between builds (the search's spill file). A generate that stored nothing (it
     * failed) and whose search entries file nothing stored points into removes that file too: a failed build leaves
     * nothing of its own beside the site.
     */
    @Override
    public void close() throws IOException {
        closeOutputs();
        if (home != null && !saved && entriesKeep == 0) {
            Files.deleteIfExists(home.resolve(ENTRIES));
        }
        if (home != null && !saved) {
            Files.deleteIfExists(home.resolve(DATASET_BLOCKS_NEXT));
        }
    }

    /** What a report's CSV was made from: its fingerprint ({@link Incremental#report}), or null. */
    private String csvSource(String agencyId, int year) {
        Entry e = entries.get(new Key(agencyId, year));
        return e == null ? null : e.fingerprint;
    }

    private void closeOutputs() throws IOException {
        if (search != null) {
            search.close();
            search = null;
        }
    }

    /** A full build: every report, then the archive. */
    public BuildResult build() throws IOException {
        reports();
        archive();
        return result();
    }

    /**
     * Builds again after files changed. A changed report folder (or a file in it) is reloaded and rechecked with the
     * next year of the same agency; the pages that show them are rendered again, and the archive outputs from the
     * kept summaries. A change to anything else (theme, formats, site.yaml, agency.yaml) or a report folder that
     * appeared or vanished is a full build. The outputs are byte-identical to a full build of the changed tree.
     *
     * @param changed changed files or report folders, absolute or relative to the source folder
     */
    public BuildResult rebuild(Set<Path> changed) throws IOException {
        if (agencies == null) {
            return build();
        }
        Set<Key> keys = new TreeSet<>();
        for (Path p : changed) {
            Optional<Key> k = reportOf(p.isAbsolute() ? p.normalize() : config.sourceDir().resolve(p).normalize());
            if (k.isEmpty()) {
                return build();
            }
            keys.add(k.get());
        }
        Set<Key> affected = new TreeSet<>(keys);
        for (Key k : keys) {
            ReportSource next = entries.get(k).source.next();
            if (next != null) {
                affected.add(new Key(next.agencyId(), next.year().year()));
            }
        }
        try (RevisionHistory history = openHistory(); RenderPool pool = new RenderPool(config.threads())) {
            Map<Key, CheckedReport> fresh = new TreeMap<>();
            for (Key k : affected) {
                Entry e = entries.get(k);
                unrender(e);
                CheckedReport c = loadAndCheck(e, previousOf(e));
                if (c != null && publishable(c)) {
                    fresh.put(k, c);
                }
            }
            resolveCrossLinks();
            settle(agencies, fresh, history, pool);
            pool.await();
        }
        archive();
        return result();
    }

    /** The report folder a changed path is in, if it is one this pipeline knows and it still exists. */
    private Optional<Key> reportOf(Path path) {
        Path reports = config.sourceDir().resolve(SiteLoader.REPORTS);
        if (!path.startsWith(reports) || reports.relativize(path).getNameCount() < 2) {
            return Optional.empty();
        }
        Path rel = reports.relativize(path);
        String year = rel.getName(1).toString();
        if (!YEAR.matcher(year).matches()) {
            return Optional.empty();
        }
        Key k = new Key(rel.getName(0).toString(), Integer.parseInt(year));
        Entry e = entries.get(k);
        return e != null && Files.isDirectory(e.source.dir()) ? Optional.of(k) : Optional.empty();
    }

    /**
     * Loads and checks every report, and renders the report outputs of those that are published. Forgets any earlier
     * build, and removes what its outputs wrote.
     */
    void reports() throws IOException {
        for (Entry e : entries.values()) {
            unrender(e);
        }
        entries.clear();
        current.clear();
        long start = System.nanoTime();
        site = loader.siteInfo();
        agencies = loader.agencies(site, knownAgencies);
        int known = knownAgencies.size();
        knownAgencies = Map.of(); // trusted for this build's files only
        agenciesClean = current.isEmpty();
        siteFindings = List.copyOf(current);
        current.clear();
        long listed = System.nanoTime();
        Map<String, Set<Integer>> sources = new TreeMap<>();
        for (AgencySource a : agencies) {
            Set<Integer> years = new TreeSet<>();
            a.years().forEach(y -> years.add(y.year()));
            sources.put(a.agency().id(), years);
        }
        layout = new SiteLayout(sources, Outputs.assets(config).files(), config.baseUrl() != null);
        layoutFingerprint = StoredReports.layout(sources);
        Map<String, StoredReports.Stored> restorable = layoutFingerprint.equals(storedLayout) ? stored : Map.of();
        if (sink != null) {
            Templates templates = new Templates(config.themeDir().resolve("templates"));
            PageText text = PageText.of(config.themeDir());
            closeOutputs();
            search = home != null ? SearchOutputs.persistent(home.resolve(ENTRIES), entriesKeep, sink.scratch())
                    : new SearchOutputs(sink.scratch());
            search.folders(sources);
            if (searchState != null) {
                search.previous(searchState);
            }
            reportOutputs = Outputs.report(templates, text, site, formats, search, config);
            DatasetWriter dataset = home == null ? new DatasetWriter() : new DatasetWriter(
                    home.resolve(DATASET_BLOCKS), home.resolve(DATASET_BLOCKS_NEXT), this::csvSource);
            archiveOutputs = Outputs.archive(templates, text, config, formats, checker, search, dataset);
        }
        // Up front on the build's threads when reports may be restored (mostly metadata checks, nothing overlaps them);
        // with nothing to restore every file is read and hashed, better beside the renderers in the loop below.
        Map<Path, String> folders = (home != null || replaying) && !restorable.isEmpty() ? folders(agencies) : Map.of();
        long fingerprinted = System.nanoTime();
        try (RevisionHistory history = openHistory(); RenderPool pool = new RenderPool(config.threads())) {
            for (AgencySource agency : agencies) {
                Map<Key, CheckedReport> fresh = new TreeMap<>();
                Report previous = null;
                boolean previousLoaded = true;
                String previousFolder = "";
                for (AgencySource.YearSource year : agency.years()) {
                    Entry e = new Entry(new ReportSource(agency, year));
                    Key k = new Key(agency.agency().id(), year.year());
                    entries.put(k, e);
                    if (home != null || replaying) {
                        String folder = folders.get(year.dir());
                        e.folder = folder != null ? folder : Incremental.folder(year.dir(), hashes);
                        e.previousFolder = previousFolder;
                        previousFolder = e.folder;
                        StoredReports.Stored s = restorable.get(k.agencyId() + "/" + k.year());
                        if (s != null && s.folder().equals(e.folder) && s.previousFolder().equals(e.previousFolder)) {
                            restore(k, e, s); // neither its folder nor the year before it changed: not loaded
                            previous = null;
                            previousLoaded = false;
                            continue;
                        }
                    }
                    CheckedReport c = loadAndCheck(e, previousLoaded ? previous : previousOf(e));
                    previous = c == null ? null : c.report();
                    previousLoaded = true;
                    if (c != null && publishable(c)) {
                        fresh.put(k, c);
                    }
                }
                settle(List.of(agency), fresh, history, pool);
            }
            resolveCrossLinks();
            settle(agencies, Map.of(), history, pool);
            pool.await();
            reusable = Map.of();
            reportsTimes = String.format(Locale.ROOT, "agencies %.2f%s, folders %.2f, the rest %.2f",
                    (listed - start) / 1e9, known > 0 ? " [" + known + " known]" : "", (fingerprinted - listed) / 1e9,
                    (System.nanoTime() - fingerprinted) / 1e9);
            if (history != null && history.problem().isPresent()) {
                List<Finding> all = new ArrayList<>(siteFindings);
                all.add(Finding.of(Rule.G1, relative(config.sourceDir()), 0, 0,
                        Message.of("G1.history", history.problem().get())));
                siteFindings = List.copyOf(all);
            }
        }
    }

    /**
     * The fingerprint of every year folder ({@link Incremental#folder}), by folder, on the build's threads: at 20,000
     * reports these are 20,000 folder listings and 60,000 files' metadata.
     */
    private Map<Path, String> folders(List<AgencySource> list) throws IOException {
        Map<Path, String> out = new ConcurrentHashMap<>();
        try (RenderPool pool = new RenderPool(config.threads())) {
            for (int i = 0; i < list.size(); i += 16) {
                List<AgencySource> batch = list.subList(i, Math.min(list.size(), i + 16));
                pool.submit(() -> {
                    for (AgencySource a : batch) {
                        for (AgencySource.YearSource y : a.years()) {
                            out.put(y.dir(), Incremental.folder(y.dir(), hashes));
                        }
                    }
                });
            }
            pool.await();
        }
        return out;
    }

    /**
     * How long the parts of the last {@link #reports()} took, e.g. {@code agencies 0.10, folders 0.40, the rest 0.30}.
     */
    String reportsTimes() {
        return reportsTimes;
    }

    /**
     * Takes a report's results from the previous generate instead of loading and checking it: its findings, summary,
     * year-sum values, open-data rows and links; and, when its files are those the manifest lists with the same
     * fingerprint, its files and search entry, with the context they were rendered in (so that {@link #settle}
     * renders it again only if its neighbours changed).
     */
    private void restore(Key k, Entry e, StoredReports.Stored s) {
        e.findings = s.findings();
        e.clean = s.clean();
        e.summary = s.summary();
        e.cells = s.cells();
        e.dataRows = s.dataRows();
        e.crossLinks = s.crossLinks();
        e.crossFindings = List.of();
        Incremental.Report before = reusable.get(k.agencyId() + "/" + k.year());
        if (s.rendered() != null && s.search() != null && s.fingerprint() != null && before != null
                && before.fingerprint().equals(s.fingerprint())) {
            e.rendered = new Context(s.rendered().years(), s.rendered().previous());
            e.fingerprint = s.fingerprint();
            e.written.addAll(before.files());
            e.kept = true;
            search.restore(k.agencyId(), k.year(), s.search());
        }
        restored.incrementAndGet();
    }

    /**
     * Lets the next {@link #reports()} of an incremental generate take unchanged reports from what the previous one
     * stored in {@code home} ({@link StoredReports}) instead of loading them, when it describes {@code trustedSite};
     * and makes this build store its own.
     */
    void storeIn(Path home, Optional<String> trustedSite) throws IOException {
        long start = System.nanoTime();
        this.home = home;
        try (RevisionHistory h = RevisionHistory.open(config.sourceDir())) {
            head = h.head();
        }
        Optional<StoredReports.Snapshot> snapshot = trustedSite.isEmpty() || head.equals("unknown")
                ? Optional.empty() : StoredReports.read(home, formats, rules);
        if (snapshot.isPresent() && snapshot.get().site().equals(trustedSite.get())
                && snapshot.get().history().equals(head) && snapshot.get().entries().equals(ENTRIES)) {
            stored = snapshot.get().reports();
            storedLayout = snapshot.get().layout();
            storedLinksClean = snapshot.get().linksClean();
            previousAgencyDigests = snapshot.get().agencies();
            knownAgencies = snapshot.get().known();
            long keep = 0;
            for (StoredReports.Stored s : stored.values()) {
                if (s.search() != null) {
                    keep = Math.max(keep, s.search()[0] + s.search()[1]);
                }
            }
            searchState = SearchOutputs.readState(home.resolve(SEARCH_STATE), trustedSite.get()).orElse(null);
            if (searchState != null) {
                keep = Math.max(keep, searchState.end());
            }
            entriesKeep = keep;
        } else {
            // nothing may point into the entries file any more before it is written anew
            StoredReports.forget(home);
            Files.deleteIfExists(home.resolve(ENTRIES));
            Files.deleteIfExists(home.resolve(SEARCH_STATE));
            searchState = null;
            stored = Map.of();
            storedLayout = "";
            storedLinksClean = false;
            previousAgencyDigests = Map.of();
            knownAgencies = Map.of();
            entriesKeep = 0;
        }
        storedTimes = String.format(Locale.ROOT, "stored results read %.2f", (System.nanoTime() - start) / 1e9);
    }

    /** How long {@link #storeIn} took to read what the previous build stored, for the note. */
    String storedTimes() {
        return storedTimes;
    }

    /** What this build's findings depend on besides the report folders, stored for a later check. */
    void checkKey(String key) {
        this.checkKey = key;
    }

    /**
     * Lets a check (a pipeline without outputs) take every report whose folder and previous year's folder are
     * unchanged from what the last successful generate stored in {@code home}, instead of loading and checking it:
     * its findings are replayed. Nothing in {@code home} is written. Returns why it cannot, or "" when it can: the
     * stored results must have been made under the same {@code key} ({@link Incremental.Keys#check}); the layout of
     * agencies and years is compared when the reports are read.
     */
    String replayFrom(Path home, String key) {
        Optional<StoredReports.Snapshot> snapshot = StoredReports.read(home, formats, rules);
        if (snapshot.isEmpty()) {
            return "no stored results of a generate";
        }
        if (!snapshot.get().check().equals(key)) {
            return "the plugin, a parameter, site.yaml, an agency.yaml or the formats changed since the last generate";
        }
        stored = snapshot.get().reports();
        storedLayout = snapshot.get().layout();
        knownAgencies = snapshot.get().known();
        replaying = true;
        return "";
    }

    /** Whether the reports of the last build were taken from stored results: the layout was that stored. */
    boolean layoutAsStored() {
        return !storedLayout.isEmpty() && storedLayout.equals(layoutFingerprint);
    }

    /** Whether the previous generate's self-check, whose results this build trusts, found no broken link. */
    boolean previousLinksClean() {
        return storedLinksClean;
    }

    /**
     * Stores what the next incremental generate may take of each report ({@link StoredReports}).
     *
     * @param linksClean whether this build's self-check found no broken link
     */
    void saveStored(String site, boolean linksClean) throws IOException {
        if (home == null) {
            return;
        }
        Map<String, StoredReports.Stored> out = new TreeMap<>();
        for (Map.Entry<Key, Entry> x : entries.entrySet()) {
            Entry e = x.getValue();
            Key k = x.getKey();
            if (e.folder == null || !StoredReports.storable(e.findings)) {
                continue;
            }
            StoredReports.Rendered r = null;
            long[] where = null;
            String fingerprint = null;
            if (e.rendered != null && e.fingerprint != null) {
                where = search.where(k.agencyId(), k.year()).orElse(null);
                if (where != null) {
                    r = new StoredReports.Rendered(e.rendered.years(), e.rendered.previous());
                    fingerprint = e.fingerprint;
                }
            }
            out.put(k.agencyId() + "/" + k.year(), new StoredReports.Stored(e.folder, e.previousFolder, e.findings,
                    e.clean, e.summary != null, e.summary, e.cells, e.dataRows, e.crossLinks, r,
                    r == null ? null : where, fingerprint));
        }
        search.saveState(home.resolve(SEARCH_STATE), site);
        Map<String, Agency> known = new TreeMap<>();
        if (agenciesClean) {
            agencies.forEach(a -> known.put(a.agency().id(), a.agency()));
        }
        StoredReports.write(home, new StoredReports.Snapshot(site, layoutFingerprint, head, ENTRIES, out, linksClean,
                agencyDigests, checkKey, known));
        if (Files.isRegularFile(home.resolve(DATASET_BLOCKS_NEXT))) {
            Files.move(home.resolve(DATASET_BLOCKS_NEXT), home.resolve(DATASET_BLOCKS),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(home.resolve(DATASET_BLOCKS));
        }
        saved = true;
    }

    /** The archive outputs, made again from the published reports. */
    void archive() throws IOException {
        for (String path : archiveFiles) {
            sink.delete(path);
        }
        archiveFiles.clear();
        archiveFindings = List.of();
        if (archiveOutputs.isEmpty()) {
            return;
        }
        List<ArchiveIndex.Entry> published = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.published()) {
                published.add(new ArchiveIndex.Entry(e.summary, e.cells, e.dataRows));
            }
        }
        long start = System.nanoTime();
        agencyDigests = digests(published);
        Map<String, String> before = previousAgencyDigests;
        ArchiveIndex index = new ArchiveIndex(site, agencies.stream().map(AgencySource::agency).toList(), published,
                formats, id -> agencyDigests.containsKey(id) ? agencyDigests.get(id).equals(before.get(id))
                : before.containsKey(id) ? false : !before.isEmpty());
        OutputSink out = recording(archiveFiles);
        StringBuilder times = new StringBuilder(String.format(Locale.ROOT, "index %.2f",
                (System.nanoTime() - start) / 1e9));
        long[] took = ArchiveRun.run(archiveOutputs, index, out, config.threads());
        for (int i = 0; i < archiveOutputs.size(); i++) {
            times.append(' ').append(archiveNote(archiveOutputs.get(i), took[i]));
        }
        archiveTimes = times.toString();
        if (config.baseUrl() == null) {
            archiveFindings = List.of(Finding.of(Rule.P1, relative(config.sourceDir()), 0, 0,
                    Message.of("P1.noBaseUrl")));
        }
    }

    /** One archive output's name and time ({@code nanos}) for the note. */
    private String archiveNote(ArchiveOutput o, long nanos) {
        String name = o.getClass().isSynthetic() || o.getClass().getSimpleName().isEmpty() ? "search"
                : o.getClass().getSimpleName().replace("Renderer", "").replace("Writer", "");
        if (name.equals("search") && search != null) {
            name += " (" + search.note() + ")";
        }
        String time = name + ' ' + String.format(Locale.ROOT, "%.2f", nanos / 1e9);
        if (o instanceof DatasetWriter d && !d.note().isEmpty()) {
            time += " [" + d.note() + "]";
        }
        return time;
    }

    /**
     * Per agency, a fingerprint of its published reports' summaries (all an agency's page shows of its reports); an
     * agency without any has none.
     */
    private static Map<String, String> digests(List<ArchiveIndex.Entry> published) {
        Map<String, MessageDigest> running = new TreeMap<>();
        MessageDigest last = null;
        String lastId = null;
        for (ArchiveIndex.Entry e : published) {
            ReportSummary s = e.summary();
            if (!s.agencyId().equals(lastId)) { // in key order: an agency's reports one after another
                lastId = s.agencyId();
                last = running.computeIfAbsent(lastId, id -> Incremental.sha256());
            }
            summaryDigest(last, s);
        }
        Map<String, String> out = new TreeMap<>();
        running.forEach((id, d) -> out.put(id, HexFormat.of().formatHex(d.digest())));
        return out;
    }

    /**
     * Every component of a summary into {@code d}, each text length-prefixed (what its {@code toString()} gave, without
     * making that text: 20,000 summaries per build).
     */
    private static void summaryDigest(MessageDigest d, ReportSummary s) {
        text(d, s.agencyId());
        text(d, s.agencyName());
        text(d, Integer.toString(s.year()));
        text(d, s.title());
        text(d, s.published().map(Object::toString).orElse("\u0000"));
        text(d, s.sample() ? "1" : "0");
        text(d, s.formatId().orElse("\u0000"));
        text(d, Integer.toString(s.figures().size()));
        for (ReportSummary.Figure f : s.figures()) {
            text(d, f.key());
            text(d, f.label());
            text(d, f.value().toString());
        }
    }

    private static void text(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        d.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        d.update(b);
    }

    /** How long each archive output of the last build took, in seconds, e.g. {@code IndexPage 0.01 AgencyPage 0.40}. */
    String archiveTimes() {
        return archiveTimes;
    }

    /** Adds findings of the publishing step (theme templates' links). */
    void addArchiveFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(archiveFindings);
        all.addAll(more);
        archiveFindings = List.copyOf(all);
    }

    /** Whether any finding so far reaches failOn. */
    boolean failed() {
        FailOn failOn = config.failOn();
        return findings().stream().anyMatch(f -> failOn.fails(f.severity()));
    }

    /** What the last build found and wrote; writes the findings files. */
    BuildResult result() throws IOException {
        return finish(!failed() && sink != null, files());
    }

    /** The number of files the outputs wrote. */
    int files() {
        int n = archiveFiles.size();
        for (Entry e : entries.values()) {
            n += e.written.size();
        }
        return n;
    }

    BuildResult finish(boolean published, int files) throws IOException {
        BuildResult result = new BuildResult(FindingLimit.apply(findings(), FindingLimit.PER_FILE), entries.size(),
                files, published, config.failOn());
        if (config.findingsFile() != null) {
            FindingsFile.write(config.findingsFile(), result.findings(), result.reports(), result.failed(),
                    config.locale());
        }
        if (config.sarifFile() != null) {
            SarifFile.write(config.sarifFile(), result.findings(), rules, config.locale());
        }
        return result;
    }

    private List<Finding> findings() {
        List<Finding> all = new ArrayList<>(siteFindings);
        for (Entry e : entries.values()) {
            all.addAll(e.findings);
            all.addAll(e.crossFindings);
        }
        all.addAll(archiveFindings);
        return all;
    }

    /** Loads and checks one report and keeps what the archive needs of it; {@code null} when it cannot be loaded. */
    private CheckedReport loadAndCheck(Entry e, Report previous) throws IOException {
        current.clear();
        Optional<LoadedReport> loaded = loader.load(e.source.agency().agency(), e.source.year());
        List<Finding> loadFindings = List.copyOf(current);
        current.clear();
        e.crossFindings = List.of();
        if (loaded.isEmpty()) {
            e.findings = loadFindings;
            e.clean = false;
            e.summary = null;
            e.cells = null;
            e.dataRows = 0;
            e.crossLinks = List.of();
            return null;
        }
        CheckedReport c = checker.check(loaded.get(), loadFindings, previous, layout);
        Report r = c.report();
        e.findings = c.allFindings();
        e.clean = publishable(c);
        e.summary = ReportSummary.of(r);
        if (!archiveOutputs.isEmpty()) { // a check keeps nothing for archive outputs it does not have
            e.cells = YearSums.Cells.of(r);
            e.dataRows = DatasetWriter.rows(r);
        }
        e.crossLinks = c.crossLinks();
        return c;
    }

    /** The report before {@code e} in its agency, loaded again (its findings are not kept), or {@code null}. */
    private Report previousOf(Entry e) throws IOException {
        ReportSource previous = e.source.previous();
        if (previous == null) {
            return null;
        }
        current.clear();
        Optional<LoadedReport> loaded = loader.load(previous.agency().agency(), previous.year());
        current.clear();
        return loaded.map(LoadedReport::report).orElse(null);
    }

    /**
     * A narrative link to another report or a year page holds only if that page is published. Until nothing changes:
     * a published report with such a broken link gets an L1 error on its report.md and is not published.
     */
    private void resolveCrossLinks() {
        entries.values().forEach(e -> e.crossFindings = List.of());
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<Key> published = new TreeSet<>();
            Set<Integer> years = new TreeSet<>();
            entries.forEach((k, e) -> {
                if (e.published()) {
                    published.add(k);
                    years.add(k.year());
                }
            });
            for (Entry e : entries.values()) {
                if (!e.published() || e.crossLinks.isEmpty()) {
                    continue;
                }
                List<Finding> broken = new ArrayList<>();
                for (CheckedReport.CrossLink l : e.crossLinks) {
                    LinkTargets.Target t = l.target();
                    boolean reached = t.kind() == LinkTargets.Kind.YEAR ? years.contains(t.year())
                            : published.contains(new Key(t.agencyId(), t.year()));
                    if (!reached) {
                        broken.add(Finding.of(Rule.L1, l.at(),
                                Message.of("L1.unpublished", l.link())));
                    }
                }
                if (!broken.isEmpty()) {
                    e.crossFindings = List.copyOf(broken);
                    changed = true;
                }
            }
        }
    }

    /**
     * Brings the report outputs of {@code scope}'s agencies in line with what is published: a report that is no
     * longer published loses its files; a published one is rendered when it never was, or when its neighbours
     * changed. {@code fresh} holds reports just checked; any other is loaded and checked again to be rendered.
     */
    private void settle(List<AgencySource> scope, Map<Key, CheckedReport> fresh, RevisionHistory history,
                        RenderPool pool) throws IOException {
        for (AgencySource agency : scope) {
            List<Map.Entry<Key, Entry>> list = new ArrayList<>(entries.subMap(new Key(agency.agency().id(),
                    Integer.MIN_VALUE), true, new Key(agency.agency().id(), Integer.MAX_VALUE), true).entrySet());
            List<Integer> years = list.stream().filter(x -> x.getValue().published()).map(x -> x.getKey().year())
                    .toList();
            ReportSummary previous = null;
            for (Map.Entry<Key, Entry> x : list) {
                Entry e = x.getValue();
                if (!e.published()) {
                    unrender(e);
                    continue;
                }
                Context context = new Context(years, previous);
                previous = e.summary;
                if (reportOutputs.isEmpty() || context.equals(e.rendered)) {
                    continue;
                }
                unrender(e);
                CheckedReport c = fresh.get(x.getKey());
                if (c == null) {
                    c = loadAndCheck(e, previousOf(e));
                }
                render(c, e, context, history, pool);
            }
        }
    }

    private void render(CheckedReport c, Entry e, Context context, RevisionHistory history, RenderPool pool)
            throws IOException {
        Path folder = config.projectDir().resolve(c.report().yamlPath()).getParent();
        RevisionHistory.History revisions = history.of(folder);
        ReportToPublish publish = new ReportToPublish(c, context.years(), e.summary, context.previous(),
                revisions, e.source.dir());
        OutputSink out = recording(e.written);
        e.rendered = context;
        e.fingerprint = null;
        Incremental.Report before = reusable.get(e.source.agencyId() + "/" + e.source.year().year());
        pool.submit(() -> {
            String inputs = e.folder != null ? e.folder : Incremental.folder(e.source.dir(), hashes);
            e.fingerprint = Incremental.report(inputs, List.of(context.years().toString(),
                    String.valueOf(context.previous()), revisions.toString(), c.allFindings().toString()));
            if (before != null && before.fingerprint().equals(e.fingerprint)) {
                // made from the same inputs as the previous build's files, which the staging folder holds already
                e.written.addAll(before.files());
                search.entries().write(publish, out);
                e.kept = true;
                return;
            }
            for (ReportOutput o : reportOutputs) {
                o.write(publish, out);
            }
            rendered.incrementAndGet();
        });
    }

    /**
     * Lets the next {@link #reports()} keep the files of every published report whose inputs are those recorded,
     * instead of rendering it: for an incremental generate, whose staging folder holds the previous site's files.
     */
    void reuse(Map<String, Incremental.Report> previous) {
        this.reusable = Map.copyOf(previous);
    }

    /** Where the fingerprints of report folders take their files' hashes from. */
    void hashes(FileHashes known) {
        this.hashes = known;
    }

    /**
     * How many reports the last build rendered, how many it kept from the previous one, and how many of all it took
     * from the previous build's results without loading them.
     */
    int[] renderedAndKept() {
        int keptNow = (int) entries.values().stream().filter(e -> e.kept).count();
        return new int[] {rendered.get(), keptNow, restored.get()};
    }

    /** Every file the outputs of the last build own: the site, but for what an incremental build must remove. */
    Set<String> ownedFiles() {
        Set<String> all = new TreeSet<>(archiveFiles);
        for (Entry e : entries.values()) {
            all.addAll(e.written);
        }
        return all;
    }

    /** The manifest of this build, for the next one. */
    Incremental.Manifest manifest(String global, String site) {
        Map<String, Incremental.Report> reports = new TreeMap<>();
        entries.forEach((k, e) -> {
            if (e.published() && e.fingerprint != null && e.rendered != null) {
                reports.put(k.agencyId() + "/" + k.year(), new Incremental.Report(e.fingerprint,
                        new TreeSet<>(e.written)));
            }
        });
        return new Incremental.Manifest(global, site, reports, new TreeSet<>(archiveFiles));
    }

    /** A report without errors; in the preview ({@link BuildConfig#drafts()}) any report that could be loaded. */
    private boolean publishable(CheckedReport c) {
        return c.clean() || config.drafts();
    }

    /** Removes the files a report's outputs wrote. */
    private void unrender(Entry e) throws IOException {
        for (String path : e.written) {
            sink.delete(path);
        }
        e.written.clear();
        e.rendered = null;
        e.kept = false;
    }

    private RevisionHistory openHistory() {
        return reportOutputs.isEmpty() ? null : RevisionHistory.open(config.sourceDir());
    }

    /** The sink, noting every path written into {@code into}. */
    private OutputSink recording(Set<String> into) {
        return new OutputSink() {
            @Override
            public void write(String path, byte[] bytes) throws IOException {
                into.add(path);
                sink.write(path, bytes);
            }

            @Override
            public byte[] read(String path) throws IOException {
                return sink.read(path);
            }

            @Override
            public void delete(String path) throws IOException {
                into.remove(path);
                sink.delete(path);
            }

            @Override
            public Writer open(String path) throws IOException {
                into.add(path);
                return sink.open(path);
            }

            @Override
            public OutputStream stream(String path) throws IOException {
                into.add(path);
                return sink.stream(path);
            }

            @Override
            public Optional<Path> file(String path) throws IOException {
                return sink.file(path);
            }

            @Override
            public Optional<FileChannel> channel(String path) throws IOException {
                Optional<FileChannel> c = sink.channel(path);
                c.ifPresent(x -> into.add(path));
                return c;
            }

            @Override
            public boolean keep(String path) throws IOException {
                if (sink.keep(path)) {
                    into.add(path);
                    return true;
                }
                return false;
            }

            @Override
            public boolean keepUnchanged(String path, String inputs) throws IOException {
                if (sink.keepUnchanged(path, inputs)) {
                    into.add(path);
                    return true;
                }
                return false;
            }
        };
    }

    Messages messages() {
        return messages;
    }

    String relative(Path p) {
        Path rel = p.startsWith(config.projectDir()) ? config.projectDir().relativize(p) : p;
        return rel.toString().replace('\\', '/');
    }
}
