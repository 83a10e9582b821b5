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

/**
 * The full-text index of the archive, built one report at a time and written as small scripts that the search page
 * loads on demand, from {@code file://} as from any web server.
 *
 * <ul>
 *   <li>{@code search/doc/<n>.js}: one per report, written as it is added: its URL, title, agency, year and text, for
 *   the result list and its snippets ({@code govsiteSearch.doc(n, {...})}).</li>
 *   <li>{@code search/shard/<i>.js}: the posting lists of a range of tokens, in token order, each file about
 *   {@value #SHARD_TARGET} bytes ({@code govsiteSearch.shard(i, {token: postings, ...})}). A query loads only the
 *   shards of its tokens.</li>
 *   <li>{@code search/index.js}: the first token of every shard, and per report its year and group, for the filters
 *   and the ranking ({@code govsiteSearch.index({...})}).</li>
 * </ul>
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
    /** The size a shard is filled to; a shard exceeds it only by one token's list. */
    public static final int SHARD_TARGET = 256 * 1024;
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
    private int[] years = new int[64];
    private int[] groupOf = new int[64];
    private int docs;

    /** @param groups the portal's agency groups, in its order (site.yaml) */
    public SearchIndex(List<Group> groups, SearchSink sink) {
        this(groups, sink, null, SPILL_BYTES);
    }

    /**
     * @param spillFolder where posting lists go once {@code spillBytes} of them are held, in sorted runs merged by
     *                    {@link #finish}; {@code null} to hold them all in memory
     */
    public SearchIndex(List<Group> groups, SearchSink sink, Path spillFolder, long spillBytes) {
        this.groups = List.copyOf(groups);
        this.sink = sink;
        this.spillFolder = spillFolder;
        this.spillBytes = spillBytes;
    }

    /** What was written, for tests and the benchmark. */
    public record Stats(int docs, int tokens, int shards, long largestShard, long shardBytes, long indexBytes) {
    }

    /** Adds a report: indexes its text and writes its document file. */
    public void add(SearchEntry entry) throws IOException {
        int doc = docs++;
        if (doc == years.length) {
            years = Arrays.copyOf(years, doc * 2);
            groupOf = Arrays.copyOf(groupOf, doc * 2);
        }
        years[doc] = entry.year();
        groupOf[doc] = groupIndex(entry.group());
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

    /** The tokens held now, sorted by text. */
    private List<Token> heldTokens() {
        List<Token> tokens = new ArrayList<>(han.size() + words.size());
        han.forEach((key, p) -> {
            char second = (char) (key & 0xFFFF);
            String t = second == 0 ? String.valueOf((char) (key >>> 16)) : new String(new char[] {(char) (key >>> 16),
                    second});
            tokens.add(new Token(t, p));
        });
        words.forEach((w, p) -> tokens.add(new Token(w, p)));
        tokens.sort(Comparator.comparing(Token::text));
        return tokens;
    }

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

    /** One token's list as the shards take it: the token, and its postings in the published encoding. */
    private record Merged(String text, byte[] data, int size) {
    }

    /** A run file read token by token. */
    private static final class Run implements AutoCloseable {
        final DataInputStream in;
        int left;
        String text;
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
    private void merge(java.util.function.Consumer<Merged> to) throws IOException {
        List<Run> open = new ArrayList<>();
        try {
            for (Path r : runs) {
                open.add(new Run(r));
            }
            java.util.PriorityQueue<Run> queue = new java.util.PriorityQueue<>(
                    Comparator.comparing((Run r) -> r.text).thenComparingInt(r -> r.first));
            for (Run r : open) {
                if (r.text != null) {
                    queue.add(r);
                }
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            while (!queue.isEmpty()) {
                String text = queue.peek().text;
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
                to.accept(new Merged(text, joined.toByteArray(), joined.size()));
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
                all.add(new Merged(t.text(), list.data, list.size));
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

    /** The shard files, filled token by token in token order. */
    private final class Shards {
        final List<String> firsts = new ArrayList<>();
        final ByteArrayOutputStream shard = new ByteArrayOutputStream(SHARD_TARGET + (SHARD_TARGET >> 2));
        long largest;
        long total;
        int tokens;

        void add(Merged t) throws IOException {
            tokens++;
            byte[] text = t.text().getBytes(StandardCharsets.UTF_8);
            if (shard.size() > 0 && shard.size() + text.length + t.size() + 8 > SHARD_TARGET) {
                total += closeShard(firsts.size() - 1, shard);
                largest = Math.max(largest, shard.size());
                shard.reset();
            }
            if (shard.size() == 0) {
                firsts.add(firsts.isEmpty() ? "" : t.text());
                shard.writeBytes(("govsiteSearch.shard(" + (firsts.size() - 1) + ",{").getBytes(StandardCharsets.UTF_8));
            } else {
                shard.write(',');
            }
            shard.write('"');
            shard.writeBytes(text);
            shard.write('"');
            shard.write(':');
            shard.write('"');
            shard.write(t.data(), 0, t.size());
            shard.write('"');
        }

        Stats finish() throws IOException {
            if (shard.size() > 0 || firsts.isEmpty()) {
                if (firsts.isEmpty()) {
                    firsts.add("");
                    shard.writeBytes("govsiteSearch.shard(0,{".getBytes(StandardCharsets.UTF_8));
                }
                total += closeShard(firsts.size() - 1, shard);
                largest = Math.max(largest, shard.size());
            }
            byte[] index = indexFile(firsts);
            sink.write(Paths.SEARCH_DATA + "index.js", index);
            return new Stats(docs, tokens, firsts.size(), largest, total, index.length);
        }
    }

    private long closeShard(int number, ByteArrayOutputStream shard) throws IOException {
        shard.writeBytes("});\n".getBytes(StandardCharsets.UTF_8));
        sink.write(shardPath(number), shard.toByteArray());
        return shard.size();
    }

    static String shardPath(int number) {
        return Paths.SEARCH_DATA + "shard/" + number + ".js";
    }

    static String docPath(int doc) {
        return Paths.SEARCH_DATA + "doc/" + doc + ".js";
    }

    private int groupIndex(String key) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private byte[] docFile(int doc, SearchEntry entry) throws IOException {
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

    private byte[] indexFile(List<String> firsts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docs * 8 + 1024);
        out.writeBytes("govsiteSearch.index(".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("docs", docs);
            g.writeNumberField("bits", SIGNATURE_BITS);
            g.writeArrayFieldStart("shards");
            for (String f : firsts) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("groups");
            for (Group group : groups) {
                g.writeStartArray();
                g.writeString(group.key());
                g.writeString(group.label());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeFieldName("year");
            g.writeArray(years, 0, docs);
            g.writeFieldName("group");
            g.writeArray(groupOf, 0, docs);
            g.writeEndObject();
        }
        out.writeBytes(");\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private record Token(String text, int posting) {
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
