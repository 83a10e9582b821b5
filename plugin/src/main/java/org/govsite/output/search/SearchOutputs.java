package org.govsite.output.search;

import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.render.Templates;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
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
 * <p>Shares one store of entries, a concurrent sorted map by agency and year: report outputs put into it from several
 * threads, the archive output reads it on one. A rebuild replaces the entries of the reports it renders again, and the
 * archive output keeps only the reports the archive publishes, in agency and year order, so the index is the same as
 * a full build's.
 */
public final class SearchOutputs {
    private record Key(String agencyId, int year) {
    }

    private final ConcurrentSkipListMap<Key, SearchEntry> store = new ConcurrentSkipListMap<>(
            Comparator.comparing(Key::agencyId).thenComparingInt(Key::year));

    /** The report output: one entry per published report. */
    public ReportOutput entries() {
        return (ReportToPublish r, OutputSink out) -> store.put(new Key(r.report().agency().id(), r.report().year()),
                SearchOutput.entry(r.report(), r.checked().loaded().document(), r.summary()));
    }

    /** The archive output: the index of the published reports, the search page and its script. */
    public ArchiveOutput page(Templates templates) {
        return (ArchiveIndex archive, OutputSink out) -> {
            Set<Key> published = new HashSet<>();
            for (ReportSummary s : archive.reports()) {
                published.add(new Key(s.agencyId(), s.year()));
            }
            store.keySet().retainAll(published);
            SearchOutput search = new SearchOutput(archive.site(), out::write);
            for (Map.Entry<Key, SearchEntry> e : store.entrySet()) {
                search.add(e.getValue());
            }
            search.finish(templates);
        };
    }
}
