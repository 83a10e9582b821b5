package org.govsite.pipeline;

import org.govsite.diagnostics.Finding;
import org.govsite.output.write.LinkChecker;
import org.govsite.output.write.OutputGuard;
import org.govsite.output.write.OutputSink;
import org.govsite.output.write.SiteSelfCheckException;
import org.govsite.output.write.SiteWriter;
import org.govsite.output.write.ThemeLinks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;

/**
 * The whole build, readable as a recipe: load → check → report outputs → archive outputs → publish. It runs without
 * Maven. The stages themselves are in {@link Pipeline}; this class adds what publishing a folder needs.
 *
 * <ol>
 *   <li>{@link Pipeline#reports}: each report is loaded and checked; a report without errors is rendered into the
 *   staging folder by the report outputs (page, open data, attachments).</li>
 *   <li>Nothing more happens when a finding reaches {@code failOn}: the staging folder is thrown away.</li>
 *   <li>{@link Pipeline#archive}: the home, agency, year and open-data pages, the schema, feeds, assets and the
 *   dataset.</li>
 *   <li>The self-check: every link of the staged site is followed. A broken link written in a theme template is an
 *   L1 error on the template; any other is a fault of the plugin ({@link SiteSelfCheckException}, a BUILD ERROR).
 *   Then the swap into the output folder, only when no finding reaches {@code failOn}.</li>
 * </ol>
 *
 * <p><b>Incremental.</b> When the manifest of the previous generate ({@link Incremental}) can be trusted, the staging
 * folder starts as the published site's files, shared by hard links: the site kept from before the published one,
 * brought up to date at the paths the previous build touched, or else a link per published file
 * ({@link SiteWriter#seedFromPublished}; the note says which). A report whose folder and previous year's folder are
 * unchanged is neither loaded nor checked: its results and findings come from {@link StoredReports}, and its files are
 * kept; the others are loaded, checked and rendered again. The archive outputs are written again, but an agency page
 * whose reports did not change is kept, and so is any file whose bytes are the same; every other file is replaced by a
 * new one (never written through a link). Files the build no longer owns are removed, and the self-check reads only
 * the files written when nothing a kept page links to can have gone. Input files are hashed only when their metadata
 * changed ({@link FileHashes}). The result, findings included, is that of a full build; anything the manifest cannot
 * vouch for is a full build, and the note says why. The note also gives each phase's time.
 */
public final class GovSite {
    private final BuildConfig config;

    public GovSite(BuildConfig config) {
        this.config = config;
    }

    /**
     * Checks every report and, when nothing fails, publishes the site.
     *
     * @throws org.govsite.output.write.OutputRefusedException when the output or a findings file would overwrite
     *                                                         what govsite did not write
     */
    public BuildResult generate() throws IOException {
        guardFindingsFiles();
        OutputGuard.check(config.outputDir(), config.projectDir(),
                new OutputGuard.Protected("source folder", config.sourceDir()),
                new OutputGuard.Protected("theme folder", config.themeDir()),
                new OutputGuard.Protected("formats folder", config.formatsDir()));
        Phases phases = new Phases();
        SiteWriter writer = new SiteWriter(config.outputDir());
        try (Pipeline pipeline = new Pipeline(config, writer)) {
            FileHashes hashes = FileHashes.load(writer.home());
            pipeline.hashes(hashes);
            Incremental.Keys keys = Incremental.keys(config, hashes);
            String global = keys.global();
            pipeline.checkKey(keys.check());
            Incremental.Trust trust = Incremental.read(writer.home(), global, writer.publishedSite());
            String fullBecause = trust.reason();
            boolean incremental = false;
            phases.end("fingerprints");
            if (trust.manifest().isPresent()) {
                incremental = writer.seedFromPublished();
                if (incremental) {
                    pipeline.reuse(trust.manifest().get().reports());
                } else {
                    fullBecause = "the previous site cannot be shared by hard links here";
                }
            }
            pipeline.storeIn(writer.home(), incremental ? Optional.of(trust.manifest().get().site())
                    : Optional.empty());
            phases.end("staging");
            if (incremental) {
                phases.detail("(" + writer.seeding() + ") [" + pipeline.storedTimes() + "]");
            }
            pipeline.reports();
            phases.end("reports");
            phases.detail("(" + pipeline.reportsTimes() + ")");
            if (pipeline.failed()) {
                writer.discard();
                return pipeline.finish(false, 0);
            }
            pipeline.archive();
            phases.end("archive");
            phases.detail("(" + pipeline.archiveTimes() + ")");
            Set<String> before = Set.of();
            boolean nothingGone = false;
            if (incremental) {
                // what the previous site had and this build does not own
                before = previousFiles(trust.manifest().get());
                Set<String> owned = pipeline.ownedFiles();
                Set<String> gone = new TreeSet<>();
                for (String f : before) {
                    if (!owned.contains(f)) {
                        gone.add(f);
                    }
                }
                nothingGone = gone.isEmpty();
                writer.remove(gone);
                if (writer.fileCount() != owned.size()) {
                    writer.prune(owned); // the published site had files its manifest did not list: walk it
                }
                phases.end("prune");
            }
            Set<String> onlyWritten = null;
            if (incremental && pipeline.previousLinksClean() && nothingGone) {
                onlyWritten = partialSelfCheck(writer, before);
            }
            List<Finding> themeLinks = selfCheck(pipeline, writer, onlyWritten);
            pipeline.addArchiveFindings(themeLinks);
            phases.end(onlyWritten == null ? "self-check" : "self-check of " + onlyWritten.size() + " files");
            if (pipeline.failed()) {
                writer.discard();
                return pipeline.finish(false, 0);
            }
            int files = writer.fileCount();
            pipeline.saveStored(writer.stagingName(), themeLinks.isEmpty());
            Incremental.write(writer.home(), pipeline.manifest(global, writer.stagingName()));
            hashes.save(writer.home());
            writer.commit();
            phases.end("commit");
            int[] counts = pipeline.renderedAndKept();
            String note = incremental
                    ? "incremental build: " + counts[0] + " report(s) rendered again, " + counts[1] + " kept, "
                    + counts[2] + " not loaded"
                    : "full build (" + fullBecause + "): " + counts[0] + " report(s) rendered";
            BuildResult result = pipeline.finish(true, files);
            phases.end("findings");
            return result.withNote(note + "; " + phases);
        } catch (IOException | RuntimeException e) {
            writer.discard();
            throw e;
        }
    }

    /**
     * Where a build's time went, for its note: each phase's wall time in seconds, in order, e.g. {@code 1.23 s:
     * fingerprints 0.05, staging 0.40, reports 0.31, …}. Printed, never asserted: times depend on the machine.
     */
    private static final class Phases {
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder parts = new StringBuilder();

        void end(String phase) {
            long now = System.nanoTime();
            parts.append(parts.length() == 0 ? "" : ", ").append(phase).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", (now - last) / 1e9));
            last = now;
        }

        /** Adds a detail after the last phase. */
        void detail(String text) {
            parts.append(' ').append(text);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s: ", (last - start) / 1e9) + parts;
        }
    }

    /** Checks every report and writes nothing but the findings files: a pipeline without outputs. */
    public BuildResult check() throws IOException {
        return check(null);
    }

    /**
     * Checks every report and writes nothing but the findings files. When a previous {@code generate} into
     * {@code generated} stored its results and nothing its findings depend on changed but report folders, a report
     * whose folder and previous year's folder are unchanged is not loaded: its findings are replayed, as an
     * incremental generate does; the others are loaded and checked. The findings are those of a full check. Nothing
     * is written beside the generated site.
     *
     * @param generated the output folder of a previous generate, or {@code null}: every report is checked
     */
    public BuildResult check(Path generated) throws IOException {
        guardFindingsFiles();
        Pipeline pipeline = new Pipeline(config, null);
        String note = "full check (no previous generate)";
        Path home = generated == null ? null : SiteWriter.home(generated);
        if (home != null && Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)) {
            FileHashes hashes = FileHashes.load(home);
            pipeline.hashes(hashes);
            String why = pipeline.replayFrom(home, Incremental.keys(config, hashes).check());
            note = why.isEmpty() ? "" : "full check (" + why + ")";
        }
        pipeline.reports();
        int restored = pipeline.renderedAndKept()[2];
        if (note.isEmpty()) {
            note = pipeline.layoutAsStored()
                    ? "checked from the last generate's results: " + restored + " report(s) not loaded"
                    : "full check (a report folder appeared or vanished since the last generate)";
        }
        return pipeline.finish(false, 0).withNote(note);
    }

    /** A findings or SARIF file inside the source folder would overwrite an input: refused. */
    private void guardFindingsFiles() throws IOException {
        for (Path file : Arrays.asList(config.findingsFile(), config.sarifFile())) {
            if (file != null) {
                OutputGuard.checkFile(file, file.equals(config.findingsFile()) ? "findingsFile" : "sarifFile",
                        new OutputGuard.Protected("source folder", config.sourceDir()));
            }
        }
    }

    /**
     * A pipeline whose outputs write into {@code sink} (memory, for tests and a preview server), to build and then
     * rebuild what changed. Nothing is published and no self-check runs.
     */
    public Pipeline pipeline(OutputSink sink) {
        return new Pipeline(config, sink);
    }

    /**
     * What the self-check of an incremental build must read (called only when every file of the previous site is
     * still there): only the files this build wrote, when every page written again still has every id it had (so that
     * no link of a page kept from the previous site, checked when it was written, can break); else {@code null}, every
     * file.
     */
    private static Set<String> partialSelfCheck(SiteWriter writer, Set<String> before) throws IOException {
        Optional<Path> site = writer.publishedSite();
        if (site.isEmpty()) {
            return null;
        }
        Set<String> written = writer.written();
        Set<String> rewritten = new TreeSet<>();
        for (String w : written) {
            if (before.contains(w)) {
                rewritten.add(w);
            }
        }
        return LinkChecker.keepsIds(site.get(), writer.stagingRoot(), rewritten) ? written : null;
    }

    /** Every file the previous build's outputs wrote: its site, but for the marker. */
    private static Set<String> previousFiles(Incremental.Manifest previous) {
        Set<String> before = new TreeSet<>(previous.archive());
        previous.reports().values().forEach(r -> before.addAll(r.files()));
        return before;
    }

    /** Follows every link of the staged site (or of {@code only}); returns the broken links traced to theme templates. */
    private List<Finding> selfCheck(Pipeline pipeline, SiteWriter writer, Set<String> only) throws IOException {
        String prefix = config.outputDir() == null ? "" : pipeline.relative(config.outputDir());
        List<LinkChecker.Broken> broken = new LinkChecker(pipeline.messages(), prefix).broken(writer.stagingRoot(),
                only);
        List<Finding> untraced = new ArrayList<>();
        List<Finding> theme = new ThemeLinks(config.themeDir().resolve("templates"), p -> pipeline.relative(
                p.toAbsolutePath().normalize())).trace(broken, untraced);
        if (!untraced.isEmpty()) {
            throw new SiteSelfCheckException(untraced);
        }
        return theme;
    }
}
