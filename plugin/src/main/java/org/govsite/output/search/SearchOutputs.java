package org.govsite.output.search;

import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.render.Templates;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The search as the pipeline's two kinds of output: {@link #entries()} takes each published report's entry as its
 * page is made (a {@link ReportOutput} that writes nothing), and {@link #page} writes the index, the search page and
 * its script from the entries of the reports the archive publishes (an {@link ArchiveOutput}).
 *
 * <p>The entries themselves are not kept on the heap ({@link EntrySpill}): a spill file in the build's scratch folder,
 * or deflated bytes. Shares one store of entries, a concurrent sorted map by agency and year: report outputs put into it from several
 * threads, the archive output reads it on one. A rebuild replaces the entries of the reports it renders again, and the
 * archive output keeps only the reports the archive publishes, in agency and year order, so the index is the same as
 * a full build's.
 */
public final class SearchOutputs implements AutoCloseable {
    private record Key(String agencyId, int year) {
    }

    private final ConcurrentSkipListMap<Key, EntrySpill.Handle> store = new ConcurrentSkipListMap<>(
            Comparator.comparing(Key::agencyId).thenComparingInt(Key::year));
    private final EntrySpill spill;
    private final Path spillFolder;

    /** Entries kept in memory (deflated): for tests and the preview. */
    public SearchOutputs() throws IOException {
        this(null);
    }

    /** @param spillFolder a folder for the entries between report and archive outputs, or {@code null} for memory */
    public SearchOutputs(Path spillFolder) throws IOException {
        this.spill = new EntrySpill(spillFolder);
        this.spillFolder = spillFolder;
    }

    /**
     * Entries kept in a file that outlives the build ({@code file}, in the folder of the site's manifest): an
     * incremental build {@linkplain #restore restores} the entries of the reports it does not load again from it, and
     * appends the others after its first {@code keep} bytes. The index's own spill goes to {@code spillFolder}.
     */
    public static SearchOutputs persistent(Path file, long keep, Path spillFolder) throws IOException {
        return new SearchOutputs(new EntrySpill(file, keep), spillFolder);
    }

    private SearchOutputs(EntrySpill spill, Path spillFolder) {
        this.spill = spill;
        this.spillFolder = spillFolder;
    }

    /** Puts back a report's entry that an earlier build wrote at {@code where} (offset, length) of the file. */
    public void restore(String agencyId, int year, long[] where) {
        store.put(new Key(agencyId, year), spill.at(where[0], (int) where[1]));
    }

    /** Where a report's entry is in the file (offset, length), or empty when it has none or is in memory. */
    public java.util.Optional<long[]> where(String agencyId, int year) {
        EntrySpill.Handle h = store.get(new Key(agencyId, year));
        return h == null || h.offset() < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new long[] {h.offset(), h.length()});
    }

    /** Where the file's entries end. */
    public long end() {
        return spill.end();
    }

    /** The report output: one entry per published report. */
    public ReportOutput entries() {
        return (ReportToPublish r, OutputSink out) -> store.put(new Key(r.report().agency().id(), r.report().year()),
                spill.put(SearchOutput.entry(r.report(), r.checked().loaded().document(), r.summary())));
    }

    /** Closes (and deletes) the spill file. */
    @Override
    public void close() throws IOException {
        spill.close();
    }

    /** The archive output: the index of the published reports, the search page and its script. */
    public ArchiveOutput page(Templates templates) {
        return (ArchiveIndex archive, OutputSink out) -> {
            Set<Key> published = new HashSet<>();
            for (ReportSummary s : archive.reports()) {
                published.add(new Key(s.agencyId(), s.year()));
            }
            store.keySet().retainAll(published);
            SearchOutput search = new SearchOutput(archive.site(), out::write, spillFolder);
            for (Map.Entry<Key, EntrySpill.Handle> e : store.entrySet()) {
                search.add(spill.get(e.getValue()));
            }
            search.finish(templates);
        };
    }
}
