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
