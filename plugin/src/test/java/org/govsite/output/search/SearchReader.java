package org.govsite.output.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A reference reader of the published index, in Java, for tests: it decodes the files exactly as
 * {@code govsite-search.js} does and ranks by the same rules, so that the browser's result list can be compared with
 * it and the ranking rules can be tested without a browser.
 */
public final class SearchReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, byte[]> files;
    private final JsonNode index;
    private final Map<Integer, JsonNode> shards = new HashMap<>();
    /** The bytes of every file read, for the "what a query loads" figures. */
    private long bytesRead;

    /** @param files a site-relative path to the file's bytes */
    public SearchReader(Function<String, byte[]> files) throws IOException {
        this.files = files;
        this.index = script("search/index.js", "govsiteSearch.index(");
    }

    /** One ranked report. */
    public record Hit(int doc, int found, int phrases, int pairs, int year) {
    }

    public int docs() {
        return index.get("docs").asInt();
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** How many shard files the index has. */
    public int shards() {
        return index.get("shards").asInt();
    }

    int shardOf(String token) {
        return SearchIndex.shardOf(token, shards());
    }

    /** A token's postings: report number → signature (0 for a token without one). */
    public Map<Integer, Integer> postings(String token) throws IOException {
        int s = shardOf(token);
        JsonNode shard = shards.get(s);
        if (shard == null) {
            shard = script("search/shard/" + s + ".js", "govsiteSearch.shard(" + s + ",");
            shards.put(s, shard);
        }
        Map<Integer, Integer> out = new HashMap<>();
        JsonNode list = shard.get(token);
        if (list == null) {
            return out;
        }
        String text = list.asText();
        boolean signed = token.length() == 2 && Tokenizer.isHan(token.charAt(0)) && Tokenizer.isHan(token.charAt(1));
        int doc = -1;
        int i = 0;
        while (i < text.length()) {
            long value = 0;
            long scale = 1;
            int d = SearchIndex.ALPHABET.indexOf(text.charAt(i++));
            while (d >= 32) {
                value += (d - 32) * scale;
                scale *= 32;
                d = SearchIndex.ALPHABET.indexOf(text.charAt(i++));
            }
            doc += (int) (value + d * scale);
            int sig = 0;
            if (signed) {
                for (int k = 0; k < 4; k++) {
                    sig = sig << 6 | SearchIndex.ALPHABET.indexOf(text.charAt(i++));
                }
            }
            out.put(doc, sig);
        }
        return out;
    }

    /** The reports matching {@code query}, best first, by the rules of govsite-search.js. */
    public List<Hit> search(String query) throws IOException {
        List<List<String>> runs = Tokenizer.queryRuns(query);
        List<String> tokens = Tokenizer.queryTokens(query);
        if (tokens.isEmpty()) {
            return List.of();
        }
        Map<String, Map<Integer, Integer>> lists = new HashMap<>();
        Map<Integer, Integer> count = new HashMap<>();
        for (String t : tokens) {
            Map<Integer, Integer> p = postings(t);
            lists.put(t, p);
            p.keySet().forEach(doc -> count.merge(doc, 1, Integer::sum));
        }
        int bits = index.get("bits").asInt();
        int need = tokens.size() <= 3 ? tokens.size() : (tokens.size() * 3 + 3) / 4;
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            if (e.getValue() < need) {
                continue;
            }
            int doc = e.getKey();
            int phrases = 0;
            int pairs = 0;
            for (List<String> run : runs) {
                boolean han = Tokenizer.isHan(run.get(0).charAt(0));
                if (!han || run.size() < 2) {
                    continue;
                }
                int all = -1;
                for (int k = 0; k < run.size(); k++) {
                    int s = lists.get(run.get(k)).getOrDefault(doc, 0);
                    all &= rotate(s, k, bits);
                    if (k > 0 && (lists.get(run.get(k - 1)).getOrDefault(doc, 0) & rotate(s, 1, bits)) != 0) {
                        pairs++;
                    }
                }
                if (all != 0) {
                    phrases++;
                }
            }
            hits.add(new Hit(doc, e.getValue(), phrases, pairs, index.get("year").get(doc).asInt()));
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.found()).thenComparingInt(h -> -h.phrases())
                .thenComparingInt(h -> -h.pairs()).thenComparingInt(h -> -h.year()).thenComparingInt(Hit::doc));
        return hits;
    }

    /** A report's document file: u, t, a, y, x. */
    public JsonNode doc(int doc) throws IOException {
        return script("search/doc/" + doc + ".js", "govsiteSearch.doc(" + doc + ",");
    }

    private static int rotate(int s, int k, int bits) {
        k %= bits;
        int mask = bits == 32 ? -1 : (1 << bits) - 1;
        return k == 0 ? s : ((s >>> k) | (s << (bits - k))) & mask;
    }

    private JsonNode script(String path, String prefix) throws IOException {
        byte[] bytes = files.apply(path);
        if (bytes == null) {
            throw new IOException("no file " + path);
        }
        bytesRead += bytes.length;
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith(prefix) || !text.endsWith(");\n")) {
            throw new IOException(path + " is not a " + prefix + "…); script");
        }
        return JSON.readTree(text.substring(prefix.length(), text.length() - 3));
    }
}
