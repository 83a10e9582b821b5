package org.govsite.output.search;

import org.govsite.model.Agency;
import org.govsite.model.ReportSummary;
import org.govsite.model.SiteInfo;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.Paths;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.render.Templates;
import org.govsite.output.write.AtomicFile;
import org.govsite.output.write.OutputSink;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The search as the pipeline's two kinds of output: {@link #entries()} takes each published report's entry as its
 * page is made (a {@link ReportOutput} that writes nothing), and {@link #page} writes the index, the search page and
 * its script from the entries of the reports the archive publishes (an {@link ArchiveOutput}).
 *
 * <p>The entries themselves are not kept on the heap ({@link EntrySpill}): a spill file in the build's scratch folder,
 * or deflated bytes. Shares one store of entries, a concurrent sorted map by agency and year: report outputs put into it from several
 * threads, the archive output reads it on one. A rebuild replaces the entries of the reports it renders again, and the
 * archive output keeps only the reports the archive publishes, so the index is the same as a full build's.
 *
 * <p><b>Report numbers.</b> Every report folder of the site has a number, published or not: the folders in year
 * order, and in agency order within a year ({@link #folders}). A report's number changes only when a folder before it
 * appears or vanishes (a new year's folders, scaffolded for every agency at once, come after all others, so they move
 * no number); publishing, withdrawing or changing a report moves none.
 *
 * <p><b>In place.</b> A persistent instance {@linkplain #saveState saves} what its index holds (the shard count, and
 * per number the report and where its entry is) beside the manifest. The next incremental build, given that state
 * ({@link #previous}), compares each number's entry with the one it had; for the numbers whose entry changed it
 * patches the lists of the tokens whose postings differ, in their shards only ({@link ShardPatch}), writes their
 * document files, and keeps every other shard and document file. The result is the bytes of a full build. It writes
 * the index whole instead (and {@link #note} says why) without a state, with another shard count, or when more than
 * an eighth of the numbers changed.
 */
public final class SearchOutputs implements AutoCloseable {
    private record Key(String agencyId, int year) {
    }

    /** The order of report numbers: by year, then by agency. */
    private static final Comparator<Key> NUMBER_ORDER = Comparator.comparingInt(Key::year)
            .thenComparing(Key::agencyId);

    private final ConcurrentSkipListMap<Key, EntrySpill.Handle> store = new ConcurrentSkipListMap<>(NUMBER_ORDER);
    private final EntrySpill spill;
    private final Path spillFolder;
    /** How many bytes of the entries file an earlier build wrote, kept as they are. */
    private final long kept;
    /** Every report folder, by agency: the numbering; {@code null} to number the published reports only. */
    private Map<String, Set<Integer>> folders;
    /** What the published index holds, for an update in place; {@code null} to write it whole. */
    private State previous;
    /** What the index written last holds. */
    private State written;
    private String note = "";

    /** Entries kept in memory (deflated): for tests and the preview. */
    public SearchOutputs() throws IOException {
        this(null);
    }

    /** @param spillFolder a folder for the entries between report and archive outputs, or {@code null} for memory */
    public SearchOutputs(Path spillFolder) throws IOException {
        this.spill = new EntrySpill(spillFolder);
        this.spillFolder = spillFolder;
        this.kept = 0;
    }

    /**
     * Entries kept in a file that outlives the build ({@code file}, in the folder of the site's manifest): an
     * incremental build {@linkplain #restore restores} the entries of the reports it does not load again from it, and
     * appends the others after its first {@code keep} bytes. The index's own spill goes to {@code spillFolder}.
     */
    public static SearchOutputs persistent(Path file, long keep, Path spillFolder) throws IOException {
        EntrySpill spill = new EntrySpill(file, keep);
        return new SearchOutputs(spill, spillFolder, spill.end());
    }

    private SearchOutputs(EntrySpill spill, Path spillFolder, long kept) {
        this.spill = spill;
        this.spillFolder = spillFolder;
        this.kept = kept;
    }

    /** Puts back a report's entry that an earlier build wrote at {@code where} (offset, length) of the file. */
    public void restore(String agencyId, int year, long[] where) {
        store.put(new Key(agencyId, year), spill.at(where[0], (int) where[1]));
    }

    /** Where a report's entry is in the file (offset, length), or empty when it has none or is in memory. */
    public Optional<long[]> where(String agencyId, int year) {
        EntrySpill.Handle h = store.get(new Key(agencyId, year));
        return h == null || h.offset() < 0 ? Optional.empty()
                : Optional.of(new long[] {h.offset(), h.length()});
    }

    /** Where the file's entries end. */
    public long end() {
        return spill.end();
    }

    /** Numbers every report folder of the site (agency id → years), published or not, for the next index. */
    public void folders(Map<String, Set<Integer>> sources) {
        Map<String, Set<Integer>> copy = new TreeMap<>();
        sources.forEach((id, years) -> copy.put(id, Set.copyOf(years)));
        this.folders = copy;
    }

    /**
     * What the published index holds, as an earlier build saved it ({@link #readState}), so that the next index is
     * written by patching it. Its entries must still be in this instance's entries file.
     */
    public void previous(State state) {
        this.previous = state;
    }

    /**
     * How the last index was written, for the build's note: e.g. {@code in place: 1 report, 3 of 256 shards} or
     * {@code whole: no state of the previous index}.
     */
    public String note() {
        return note;
    }

    /**
     * What a published index holds: its shard count, and per report number the report (agency, year) and where its
     * entry is in the entries file (offset −1 for a number without a published report).
     */
    public static final class State {
        private static final String MAGIC = "govsite-search-state 1";
        private final int shards;
        private final List<Key> numbers;
        private final long[] offsets;
        private final int[] lengths;

        private State(int shards, List<Key> numbers, long[] offsets, int[] lengths) {
            this.shards = shards;
            this.numbers = numbers;
            this.offsets = offsets;
            this.lengths = lengths;
        }

        /** Where the entries it points to end in the entries file: what the next build must keep of it. */
        public long end() {
            long end = 0;
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] >= 0) {
                    end = Math.max(end, offsets[i] + lengths[i]);
                }
            }
            return end;
        }

        int size() {
            return numbers.size();
        }
    }

    /**
     * The state an earlier build {@linkplain #saveState saved} in {@code file}, if it describes the site folder
     * {@code site} (the published one) and can be read.
     */
    public static Optional<State> readState(Path file, String site) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals(State.MAGIC) || !in.readUTF().equals(site)) {
                return Optional.empty();
            }
            int shards = in.readInt();
            int n = in.readInt();
            List<Key> numbers = new ArrayList<>(n);
            long[] offsets = new long[n];
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                numbers.add(new Key(in.readUTF(), in.readInt()));
                offsets[i] = in.readLong();
                lengths[i] = in.readInt();
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new State(shards, numbers, offsets, lengths));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: the index is written whole
        }
    }

    /**
     * Saves what the index written last holds, for the next build, as describing the site folder {@code site}; when
     * it has no such state (its entries are not in a file), removes {@code file}.
     */
    public void saveState(Path file, String site) throws IOException {
        if (written == null) {
            Files.deleteIfExists(file);
            return;
        }
        AtomicFile.write(file, file.getFileName() + "-", stream -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
                out.writeUTF(State.MAGIC);
                out.writeUTF(site);
                out.writeInt(written.shards);
                out.writeInt(written.size());
                for (int i = 0; i < written.size(); i++) {
                    Key k = written.numbers.get(i);
                    out.writeUTF(k.agencyId());
                    out.writeInt(k.year());
                    out.writeLong(written.offsets[i]);
                    out.writeInt(written.lengths[i]);
                }
            }
        });
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
            List<Key> numbers = numbers(archive);
            SiteInfo site = archive.site();
            SearchIndex.Numbering numbering = numbering(numbers, archive.agencies(), site);
            int shards = SearchIndex.shardCount(numbers.size());
            EntrySpill.Handle[] handles = new EntrySpill.Handle[numbers.size()];
            for (int n = 0; n < handles.length; n++) {
                handles[n] = store.get(numbers.get(n));
            }
            State before = previous;
            previous = null;
            String whole = before == null ? "no state of the previous index"
                    : before.end() > kept ? "the previous index's entries are not kept"
                    : before.shards != shards ? "the shard count changes from " + before.shards + " to " + shards
                    : update(before, handles, numbering, shards, out, site, templates);
            if (whole != null) {
                SearchOutput search = new SearchOutput(site, out::write, spillFolder, numbering);
                for (int n = 0; n < handles.length; n++) {
                    if (handles[n] != null) {
                        search.add(n, spill.get(handles[n]));
                    }
                }
                search.finish(templates);
                note = "whole: " + whole;
            }
            written = state(numbers, handles, shards);
        };
    }

    /** The report numbers: every folder (or every published report), by year, then by agency. */
    private List<Key> numbers(ArchiveIndex archive) {
        TreeSet<Key> all = new TreeSet<>(NUMBER_ORDER);
        if (folders != null) {
            folders.forEach((id, years) -> years.forEach(y -> all.add(new Key(id, y))));
        }
        all.addAll(store.keySet());
        return List.copyOf(all);
    }

    private static SearchIndex.Numbering numbering(List<Key> numbers, List<Agency> agencies, SiteInfo site) {
        Map<String, Integer> groupOf = new HashMap<>();
        for (Agency a : agencies) {
            groupOf.put(a.id(), SearchIndex.groupIndex(site.groups(), a.group()));
        }
        int[] years = new int[numbers.size()];
        int[] groups = new int[numbers.size()];
        for (int n = 0; n < years.length; n++) {
            years[n] = numbers.get(n).year();
            groups[n] = groupOf.getOrDefault(numbers.get(n).agencyId(), -1);
        }
        return new SearchIndex.Numbering(years, groups);
    }

    /** The state of an index of these entries, or {@code null} when they are not in a file. */
    private static State state(List<Key> numbers, EntrySpill.Handle[] handles, int shards) {
        long[] offsets = new long[handles.length];
        int[] lengths = new int[handles.length];
        for (int n = 0; n < handles.length; n++) {
            offsets[n] = handles[n] == null ? -1 : handles[n].offset();
            lengths[n] = handles[n] == null ? 0 : handles[n].length();
            if (handles[n] != null && offsets[n] < 0) {
                return null;
            }
        }
        return new State(shards, numbers, offsets, lengths);
    }

    /**
     * Updates the published index in place from {@code before} to {@code handles}: see the class comment. Returns
     * null when done, or why the index must be written whole (then nothing written so far matters: the whole index
     * writes every file again).
     */
    private String update(State before, EntrySpill.Handle[] handles, SearchIndex.Numbering numbering, int shards,
                          OutputSink out, SiteInfo site, Templates templates) throws IOException {
        int size = Math.max(before.size(), handles.length);
        // per number whose entry changed: the new entry, or null when it has none now
        TreeMap<Integer, SearchEntry> changed = new TreeMap<>();
        TreeMap<String, SortedMap<Integer, Integer>> ops = new TreeMap<>();
        int limit = Math.max(32, handles.length / 8);
        for (int n = 0; n < size; n++) {
            EntrySpill.Handle now = n < handles.length ? handles[n] : null;
            boolean had = n < before.size() && before.offsets[n] >= 0;
            if (!had && now == null) {
                continue;
            }
            if (had && now != null && now.offset() == before.offsets[n] && now.length() == before.lengths[n]) {
                continue;
            }
            SearchEntry old = had ? spill.get(spill.at(before.offsets[n], before.lengths[n])) : null;
            SearchEntry entry = now == null ? null : spill.get(now);
            if (old != null && old.equals(entry)) {
                continue;
            }
            if (changed.size() == limit) {
                return "more than " + limit + " reports changed";
            }
            changed.put(n, entry);
            ShardPatch.diff(n, old, entry, ops);
        }
        Map<Integer, TreeMap<String, SortedMap<Integer, Integer>>> byShard = ShardPatch.byShard(ops, shards);
        for (int s = 0; s < shards; s++) {
            String path = SearchIndex.shardPath(s);
            TreeMap<String, SortedMap<Integer, Integer>> change = byShard.get(s);
            if (change == null) {
                if (!out.keep(path)) {
                    return "shard " + s + " of the previous index is missing";
                }
                continue;
            }
            byte[] bytes;
            try {
                bytes = ShardPatch.apply(out.read(path), s, change);
            } catch (NoSuchFileException e) {
                return "shard " + s + " of the previous index is missing";
            } catch (IOException e) {
                return e.getMessage();
            }
            out.write(path, bytes);
        }
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        for (int n = 0; n < handles.length; n++) {
            if (handles[n] == null) {
                continue;
            }
            years.add(numbering.years()[n]);
            String path = SearchIndex.docPath(n);
            if (changed.containsKey(n)) {
                out.write(path, SearchIndex.docFile(n, changed.get(n)));
            } else if (!out.keep(path)) {
                out.write(path, SearchIndex.docFile(n, spill.get(handles[n])));
            }
        }
        out.write(Paths.SEARCH_DATA + "index.js",
                SearchIndex.indexFile(shards, site.groups(), numbering));
        SearchOutput.page(site, out::write, years, templates);
        note = "in place: " + changed.size() + " report(s), " + byShard.size() + " of " + shards + " shards";
        return null;
    }
}
