package org.govsite.output.search;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.govsite.model.Group;
import org.govsite.output.Paths;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The full-text index of the archive, built one report at a time and written as small scripts that the search page
 * loads on demand, from {@code file://} as from any web server.
 *
 * <ul>
 *   <li>{@code search/doc/<n>.js}: one per report, written as it is added: its URL, title, agency, year and text, for
 *   the result list and its snippets ({@code govsiteSearch.doc(n, {...})}).</li>
 *   <li>{@code search/shard/<i>.js}: the posting lists of the tokens whose {@linkplain #shardOf shard function}
 *   gives {@code i}, in token order ({@code govsiteSearch.shard(i, {token: postings, ...})}). The number of shards is
 *   a power of two that depends only on the number of report numbers ({@link #shardCount}), so a token's shard does
 *   not move when other reports change, and a change to one report touches only the shards of its own tokens. A
 *   query loads only the shards of its tokens.</li>
 *   <li>{@code search/index.js}: the number of shards, and per report number its year and group, for the filters
 *   and the ranking ({@code govsiteSearch.index({...})}).</li>
 * </ul>
 *
 * <p>Report numbers are given by the caller ({@link Numbering}): the pipeline numbers every report folder of the
 * site, year by year and agency by agency, published or not, so that a number does not change when another report
 * is published, withdrawn or changed.
 *
 * <p>A posting list is a string of base-64 digits: for each report, the difference to the previous report number as
 * a variable-length number (5 bits a digit, digits of 32 and above continue), and, for a bigram, a 24-bit signature
 * of its positions ({@code position mod 24}, four digits), with which the page tells a phrase from scattered bigrams.
 *
 * <p>Memory: the posting lists stay in memory until {@link #finish}, about 5 bytes per distinct bigram per report
 * and 1 byte per distinct character or word; with a spill folder, at most about {@value #SPILL_BYTES} bytes of them:
 * beyond that they are written to sorted run files, merged by token when the shards are written. Not thread-safe: reports are added from one thread, in a fixed order,
 * so that the output is byte-identical for identical input.
 */
public final class SearchIndex {
    /**
     * Report numbers per shard: the shard count is the power of two at or above the numbers divided by this, about
     * 50 KiB of lists a shard on average (a report's lists are about 5 KiB).
     */
    public static final int NUMBERS_PER_SHARD = 10;
    /** Positions are kept modulo this many bits. */
    public static final int SIGNATURE_BITS = 24;
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final JsonFactory JSON = new JsonFactory();
    private static final int PRESENT = 1 << 30;

    /** How many bytes of posting lists are held before they are spilled to a run file (with a spill folder). */
    static final long SPILL_BYTES = 48L << 20;

    private final SearchSink sink;
    private final List<Group> groups;
    private final Path spillFolder;
    private final long spillBytes;
    private final List<Path> runs = new ArrayList<>();
    private long held;
    private final IntMap han = new IntMap(1 << 16);
    private final Map<String, Integer> words = new HashMap<>();
    private final List<PostingList> postings = new ArrayList<>();
    private final IntMap docHan = new IntMap(4096);
    private final Set<String> docWords = new HashSet<>();
    private final Numbering numbering;
    private final int shardCount;
    private int docs;
    private int next;

    /** @param groups the portal's agency groups, in its order (site.yaml) */
    public SearchIndex(List<Group> groups, SearchSink sink, Numbering numbering) {
        this(groups, sink, null, SPILL_BYTES, numbering);
    }

    /**
     * @param spillFolder where posting lists go once {@code spillBytes} of them are held, in sorted runs merged by
     *                    {@link #finish}; {@code null} to hold them all in memory
     */
    public SearchIndex(List<Group> groups, SearchSink sink, Path spillFolder, long spillBytes, Numbering numbering) {
        this.groups = List.copyOf(groups);
        this.sink = sink;
        this.spillFolder = spillFolder;
        this.spillBytes = spillBytes;
        this.numbering = numbering;
        this.shardCount = shardCount(numbering.size());
    }

    /**
     * Every number a report may have, with its year and its agency's group (an index into site.yaml's groups, or -1),
     * whether the report is indexed or not: what {@code index.js} lists for the filters.
     */
    public record Numbering(int[] years, int[] groups) {
        public Numbering {
            if (years.length != groups.length) {
                throw new IllegalArgumentException("a year and a group for every number");
            }
        }

        public int size() {
            return years.length;
        }

        /** Numbers for these entries, in their order (for tests and the benchmark). */
        public static Numbering of(List<SearchEntry> entries, List<Group> groups) {
            int[] y = new int[entries.size()];
            int[] g = new int[entries.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = entries.get(i).year();
                g[i] = groupIndex(groups, entries.get(i).group());
            }
            return new Numbering(y, g);
        }
    }

    /** How many shards an index of {@code numbers} report numbers has: a power of two, so it changes rarely. */
    public static int shardCount(int numbers) {
        int wanted = Math.max(1, (numbers + NUMBERS_PER_SHARD - 1) / NUMBERS_PER_SHARD);
        return wanted == 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1;
    }

    /**
     * The shard of a token: FNV-1a over its UTF-16 code units, finished with MurmurHash3's mix, modulo the shard count.
     * govsite-search.js computes the same (a browser test compares them).
     */
    public static int shardOf(String token, int shards) {
        int h = 0x811C9DC5;
        for (int i = 0; i < token.length(); i++) {
            h = (h ^ token.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return (int) Long.remainderUnsigned(h & 0xFFFFFFFFL, shards);
    }

    /** What was written, for tests and the benchmark. */
    public record Stats(int docs, int tokens, int shards, long largestShard, long shardBytes, long indexBytes) {
    }

    /** Adds a report as the next number after the last one added. */
    public void add(SearchEntry entry) throws IOException {
        add(next, entry);
    }

    /** Adds a report under its number (numbers ascending): indexes its text and writes its document file. */
    public void add(int doc, SearchEntry entry) throws IOException {
        if (doc < next || doc >= numbering.size()) {
            throw new IllegalArgumentException("report number " + doc + " out of order or beyond the numbering");
        }
        next = doc + 1;
        docs++;
        scan(entry, docHan, docWords);
        docHan.forEach((key, value) -> {
            int p = han.get(key, -1);
            if (p < 0) {
                p = postings.size();
                postings.add(new PostingList());
                han.put(key, p);
            }
            held += postings.get(p).add(doc, (key & 0xFFFF) != 0, value & ~PRESENT);
        });
        for (String w : docWords) {
            Integer p = words.get(w);
            if (p == null) {
                p = postings.size();
                postings.add(new PostingList());
                words.put(w, p);
            }
            held += postings.get(p).add(doc, false, 0);
        }
        sink.write(docPath(doc), docFile(doc, entry));
        if (spillFolder != null && held + 64L * postings.size() > spillBytes) {
            spill();
        }
    }

    /**
     * A report's tokens: per Han character ({@code c << 16}) or bigram ({@code first << 16 | second}) a value with
     * {@link #PRESENT} set and, for a bigram, its positions mod {@value #SIGNATURE_BITS}; and its words.
     */
    static void scan(SearchEntry entry, IntMap docHan, Set<String> docWords) {
        docHan.clear();
        docWords.clear();
        String indexed = entry.title() + "\n" + entry.agencyName() + "\n" + entry.year() + "\n" + entry.body();
        Tokenizer.scan(indexed, new Tokenizer.Sink() {
            @Override
            public void unigram(char c, int position) {
                docHan.put(c << 16, PRESENT);
            }

            @Override
            public void bigram(char first, char second, int position) {
                int key = first << 16 | second;
                docHan.put(key, docHan.get(key, PRESENT) | 1 << (position % SIGNATURE_BITS));
            }

            @Override
            public void word(String word, int position) {
                docWords.add(word);
            }
        });
    }

    /** A report's tokens with their signatures (0 for a token without one), for an update of the index in place. */
    static TreeMap<String, Integer> tokens(SearchEntry entry) {
        IntMap docHan = new IntMap(4096);
        Set<String> docWords = new HashSet<>();
        scan(entry, docHan, docWords);
        TreeMap<String, Integer> out = new TreeMap<>();
        docHan.forEach((key, value) -> out.put(tokenText(key), value & ~PRESENT));
        for (String w : docWords) {
            out.put(w, 0);
        }
        return out;
    }

    private static String tokenText(int key) {
        char second = (char) (key & 0xFFFF);
        return second == 0 ? String.valueOf((char) (key >>> 16)) : new String(new char[] {(char) (key >>> 16), second});
    }

    /** The tokens held now, sorted by shard, then by text. */
    private List<Token> heldTokens() {
        List<Token> tokens = new ArrayList<>(han.size() + words.size());
        han.forEach((key, p) -> {
            String t = tokenText(key);
            tokens.add(new Token(t, shardOf(t, shardCount), p));
        });
        words.forEach((w, p) -> tokens.add(new Token(w, shardOf(w, shardCount), p)));
        tokens.sort(TOKEN_ORDER);
        return tokens;
    }

    private static final Comparator<Token> TOKEN_ORDER = Comparator.comparingInt(Token::shard)
            .thenComparing(Token::text);

    /** Writes the posting lists held to a run file, sorted by token, and forgets them. */
    private void spill() throws IOException {
        List<Token> tokens = heldTokens();
        Path run = Files.createTempFile(spillFolder, "postings-", ".run");
        runs.add(run);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                1 << 16))) {
            out.writeInt(tokens.size());
            for (Token t : tokens) {
                PostingList list = postings.get(t.posting());
                byte[] text = t.text().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                out.writeInt(t.shard());
                out.writeInt(list.first);
                out.writeInt(list.last);
                out.writeInt(list.size);
                out.write(list.data, 0, list.size);
            }
        }
        han.clear();
        words.clear();
        postings.clear();
        held = 0;
    }

    /** One token's list as the shards take it: the token, its shard, and its postings in the published encoding. */
    private record Merged(String text, int shard, byte[] data, int size) {
    }

    /** A run file read token by token. */
    private static final class Run implements AutoCloseable {
        final DataInputStream in;
        int left;
        String text;
        int shard;
        int first;
        int last;
        byte[] data;

        Run(Path file) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            left = in.readInt();
            next();
        }

        /** Reads the next token; {@code text} is null at the end. */
        void next() throws IOException {
            if (left == 0) {
                text = null;
                return;
            }
            left--;
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            text = new String(b, StandardCharsets.UTF_8);
            shard = in.readInt();
            first = in.readInt();
            last = in.readInt();
            data = new byte[in.readInt()];
            in.readFully(data);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Merges the runs in token order. A token's lists from several runs are joined: runs hold ascending documents, so
     * only the first document of each later list is encoded again, as the difference to the previous list's last.
     */
    private void merge(Consumer<Merged> to) throws IOException {
        List<Run> open = new ArrayList<>();
        try {
            for (Path r : runs) {
                open.add(new Run(r));
            }
            PriorityQueue<Run> queue = new PriorityQueue<>(
                    Comparator.comparingInt((Run r) -> r.shard).thenComparing((Run r) -> r.text)
                            .thenComparingInt(r -> r.first));
            for (Run r : open) {
                if (r.text != null) {
                    queue.add(r);
                }
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            while (!queue.isEmpty()) {
                String text = queue.peek().text;
                int shard = queue.peek().shard;
                joined.reset();
                int last = -1;
                while (!queue.isEmpty() && queue.peek().text.equals(text)) {
                    Run r = queue.poll();
                    int skip = 0; // the first document's delta, from -1, as written in the run
                    while (ALPHABET.indexOf(r.data[skip]) >= 32) {
                        skip++;
                    }
                    skip++;
                    int delta = r.first - last;
                    while (delta >= 32) {
                        joined.write(ALPHABET.charAt(32 + (delta & 31)));
                        delta >>>= 5;
                    }
                    joined.write(ALPHABET.charAt(delta));
                    joined.write(r.data, skip, r.data.length - skip);
                    last = r.last;
                    r.next();
                    if (r.text != null) {
                        queue.add(r);
                    }
                }
                to.accept(new Merged(text, shard, joined.toByteArray(), joined.size()));
            }
        } finally {
            for (Run r : open) {
                r.close();
            }
            for (Path r : runs) {
                Files.deleteIfExists(r);
            }
        }
    }

    /** Writes the shards and the index file. */
    public Stats finish() throws IOException {
        List<Merged> all = new ArrayList<>();
        if (runs.isEmpty()) {
            for (Token t : heldTokens()) {
                PostingList list = postings.get(t.posting());
                all.add(new Merged(t.text(), t.shard(), list.data, list.size));
            }
            Shards shards = new Shards();
            for (Merged m : all) {
                shards.add(m);
            }
            return shards.finish();
        }
        spill();
        Shards shards = new Shards();
        try {
            merge(m -> {
                try {
                    shards.add(m);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return shards.finish();
    }

    /** The shard files, filled token by token in shard and token order; a shard without tokens is written empty. */
    private final class Shards {
        final ByteArrayOutputStream shard = new ByteArrayOutputStream(1 << 16);
        int current = -1;
        long largest;
        long total;
        int tokens;

        void add(Merged t) throws IOException {
            tokens++;
            while (current < t.shard()) {
                next();
            }
            if (shard.size() > shardPrefix(current).length) {
                shard.write(',');
            }
            shard.write('"');
            shard.writeBytes(t.text().getBytes(StandardCharsets.UTF_8));
            shard.write('"');
            shard.write(':');
            shard.write('"');
            shard.write(t.data(), 0, t.size());
            shard.write('"');
        }

        /** Closes the current shard, if any, and starts the next. */
        private void next() throws IOException {
            if (current >= 0) {
                shard.writeBytes(SHARD_END);
                sink.write(shardPath(current), shard.toByteArray());
                total += shard.size();
                largest = Math.max(largest, shard.size());
                shard.reset();
            }
            current++;
            if (current < shardCount) {
                shard.writeBytes(shardPrefix(current));
            }
        }

        Stats finish() throws IOException {
            while (current < shardCount) {
                next();
            }
            byte[] index = indexFile(shardCount, groups, numbering);
            sink.write(Paths.SEARCH_DATA + "index.js", index);
            return new Stats(docs, tokens, shardCount, largest, total, index.length);
        }
    }

    static final byte[] SHARD_END = "});\n".getBytes(StandardCharsets.UTF_8);

    static byte[] shardPrefix(int number) {
        return ("govsiteSearch.shard(" + number + ",{").getBytes(StandardCharsets.UTF_8);
    }

    static String shardPath(int number) {
        return Paths.SEARCH_DATA + "shard/" + number + ".js";
    }

    static String docPath(int doc) {
        return Paths.SEARCH_DATA + "doc/" + doc + ".js";
    }

    static int groupIndex(List<Group> groups, String key) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    static byte[] docFile(int doc, SearchEntry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entry.text().length() * 3 + 256);
        out.writeBytes(("govsiteSearch.doc(" + doc + ",").getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("u", entry.url());
            g.writeStringField("t", entry.title());
            g.writeStringField("a", entry.agencyName());
            g.writeNumberField("y", entry.year());
            g.writeStringField("x", entry.body());
            g.writeEndObject();
        }
        out.writeBytes(");\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * {@code index.js}: how many report numbers there are, the signature's bits, the shard count, the groups, and
     * per number its year and group.
     */
    static byte[] indexFile(int shards, List<Group> groups, Numbering numbering) throws IOException {
        int docs = numbering.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(docs * 8 + 1024);
        out.writeBytes("govsiteSearch.index(".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("docs", docs);
            g.writeNumberField("bits", SIGNATURE_BITS);
            g.writeNumberField("shards", shards);
            g.writeArrayFieldStart("groups");
            for (Group group : groups) {
                g.writeStartArray();
                g.writeString(group.key());
                g.writeString(group.label());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeFieldName("year");
            g.writeArray(numbering.years(), 0, docs);
            g.writeFieldName("group");
            g.writeArray(numbering.groups(), 0, docs);
            g.writeEndObject();
        }
        out.writeBytes(");\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private record Token(String text, int shard, int posting) {
    }

    /** One token's postings, already in the published encoding (ASCII). */
    private static final class PostingList {
        private byte[] data = new byte[8];
        private int size;
        private int first = -1;
        private int last = -1;

        /** Adds a document; returns the bytes the list grew by. */
        int add(int doc, boolean signed, int signature) {
            int before = size;
            if (first < 0) {
                first = doc;
            }
            if (size + 12 > data.length) {
                data = Arrays.copyOf(data, data.length + (data.length >> 1) + 12);
            }
            int delta = doc - last;
            last = doc;
            while (delta >= 32) {
                data[size++] = (byte) ALPHABET.charAt(32 + (delta & 31));
                delta >>>= 5;
            }
            data[size++] = (byte) ALPHABET.charAt(delta);
            if (signed) {
                for (int shift = 18; shift >= 0; shift -= 6) {
                    data[size++] = (byte) ALPHABET.charAt((signature >>> shift) & 63);
                }
            }
            return size - before;
        }
    }
}
