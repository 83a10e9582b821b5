package org.govsite.output.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Changes the posting lists of one published shard file in place: for some tokens, some report numbers are removed
 * or set (with their signature). The result is the bytes {@link SearchIndex} writes for the changed lists: tokens in
 * the same order, each list encoded as a full build encodes it, a list that becomes empty left out. Pure: bytes in,
 * bytes out.
 */
final class ShardPatch {
    /** An operation's value that removes the report number from the token's list. */
    static final int REMOVE = -1;

    private static final byte[] DIGIT = new byte[128];

    static {
        Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < SearchIndex.ALPHABET.length(); i++) {
            DIGIT[SearchIndex.ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private ShardPatch() {
    }

    /**
     * Adds to {@code ops} what changes in the lists when report number {@code n}'s entry changes from {@code old} to
     * {@code now} (either may be null: no report under that number): the tokens it loses, and those it gains or
     * whose signature changes.
     */
    static void diff(int n, SearchEntry old, SearchEntry now, SortedMap<String, SortedMap<Integer, Integer>> ops) {
        Map<String, Integer> was = old == null ? Map.of() : SearchIndex.tokens(old);
        Map<String, Integer> is = now == null ? Map.of() : SearchIndex.tokens(now);
        for (Map.Entry<String, Integer> t : was.entrySet()) {
            if (!is.containsKey(t.getKey())) {
                ops.computeIfAbsent(t.getKey(), k -> new TreeMap<>()).put(n, REMOVE);
            }
        }
        for (Map.Entry<String, Integer> t : is.entrySet()) {
            if (!t.getValue().equals(was.get(t.getKey()))) {
                ops.computeIfAbsent(t.getKey(), k -> new TreeMap<>()).put(n, t.getValue());
            }
        }
    }

    /** The operations grouped by the shard of their token. */
    static TreeMap<Integer, TreeMap<String, SortedMap<Integer, Integer>>> byShard(
            SortedMap<String, SortedMap<Integer, Integer>> ops, int shards) {
        TreeMap<Integer, TreeMap<String, SortedMap<Integer, Integer>>> out = new TreeMap<>();
        ops.forEach((token, change) -> out.computeIfAbsent(SearchIndex.shardOf(token, shards), s -> new TreeMap<>())
                .put(token, change));
        return out;
    }

    /**
     * @param shard  the shard file's bytes ({@code govsiteSearch.shard(n,{"token":"list",...});})
     * @param number the shard's number
     * @param ops    per token of this shard, per report number, its new signature (0 for a token without one) or
     *               {@link #REMOVE}
     * @throws IOException when the file is not a shard file as {@link SearchIndex} writes them
     */
    static byte[] apply(byte[] shard, int number, SortedMap<String, ? extends SortedMap<Integer, Integer>> ops)
            throws IOException {
        byte[] prefix = SearchIndex.shardPrefix(number);
        byte[] end = SearchIndex.SHARD_END;
        if (shard.length < prefix.length + end.length
                || !Arrays.equals(shard, 0, prefix.length, prefix, 0, prefix.length)
                || !Arrays.equals(shard, shard.length - end.length, shard.length, end, 0, end.length)) {
            throw new IOException("not shard file " + number);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(shard.length + 1024);
        out.writeBytes(prefix);
        TreeMap<String, SortedMap<Integer, Integer>> left = new TreeMap<>(ops);
        boolean first = true;
        int i = prefix.length;
        int stop = shard.length - end.length;
        while (i < stop) {
            if (!first) {
                if (shard[i] != ',') {
                    throw new IOException("shard file " + number + " is corrupt at " + i);
                }
                i++;
            }
            int tokenStart = expect(shard, i, number) + 1;
            int tokenEnd = quote(shard, tokenStart, stop, number);
            if (shard[tokenEnd + 1] != ':') {
                throw new IOException("shard file " + number + " is corrupt at " + (tokenEnd + 1));
            }
            int listStart = expect(shard, tokenEnd + 2, number) + 1;
            int listEnd = quote(shard, listStart, stop, number);
            i = listEnd + 1;
            first = false;
            String token = new String(shard, tokenStart, tokenEnd - tokenStart, StandardCharsets.UTF_8);
            // the tokens to add before this one
            while (!left.isEmpty() && left.firstKey().compareTo(token) < 0) {
                Map.Entry<String, SortedMap<Integer, Integer>> add = left.pollFirstEntry();
                entry(out, prefix.length, add.getKey(), added(add.getKey(), add.getValue()));
            }
            SortedMap<Integer, Integer> change = left.remove(token);
            if (change == null) {
                separate(out, prefix.length);
                out.write(shard, tokenStart - 1, listEnd + 1 - (tokenStart - 1));
            } else {
                entry(out, prefix.length, token, patch(shard, listStart, listEnd, signed(token), change));
            }
        }
        for (Map.Entry<String, SortedMap<Integer, Integer>> add : left.entrySet()) {
            entry(out, prefix.length, add.getKey(), added(add.getKey(), add.getValue()));
        }
        out.writeBytes(end);
        return out.toByteArray();
    }

    private static int expect(byte[] b, int i, int number) throws IOException {
        if (i >= b.length || b[i] != '"') {
            throw new IOException("shard file " + number + " is corrupt at " + i);
        }
        return i;
    }

    private static int quote(byte[] b, int from, int stop, int number) throws IOException {
        for (int i = from; i < stop; i++) {
            if (b[i] == '"') {
                return i;
            }
        }
        throw new IOException("shard file " + number + " ends in a string");
    }

    private static void separate(ByteArrayOutputStream out, int prefix) {
        if (out.size() > prefix) {
            out.write(',');
        }
    }

    /** Writes {@code "token":"list"} after the prefix of {@code prefix} bytes, unless the list is empty. */
    private static void entry(ByteArrayOutputStream out, int prefix, String token, byte[] list) {
        if (list.length == 0) {
            return;
        }
        separate(out, prefix);
        out.write('"');
        out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
        out.write('"');
        out.write(':');
        out.write('"');
        out.writeBytes(list);
        out.write('"');
    }

    private static byte[] added(String token, SortedMap<Integer, Integer> change) throws IOException {
        return patch(new byte[0], 0, 0, signed(token), change);
    }

    static boolean signed(String token) {
        return token.length() == 2 && Tokenizer.isHan(token.charAt(0)) && Tokenizer.isHan(token.charAt(1));
    }

    /** The list {@code b[from, to)} with the changes made, encoded as {@link SearchIndex} encodes lists. */
    static byte[] patch(byte[] b, int from, int to, boolean signed, SortedMap<Integer, Integer> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 16);
        int i = from;
        int doc = -1;
        int last = -1;
        Iterator<Map.Entry<Integer, Integer>> ops = change.entrySet().iterator();
        Map.Entry<Integer, Integer> op = ops.hasNext() ? ops.next() : null;
        while (i < to) {
            int value = 0;
            int shift = 0;
            int d = digit(b[i++]);
            while (d >= 32) {
                value |= (d - 32) << shift;
                shift += 5;
                d = digit(b[i++]);
            }
            doc += value | d << shift;
            int signature = 0;
            if (signed) {
                for (int k = 0; k < 4; k++) {
                    signature = signature << 6 | digit(b[i++]);
                }
            }
            while (op != null && op.getKey() < doc) {
                last = put(out, last, op.getKey(), op.getValue(), signed);
                op = ops.hasNext() ? ops.next() : null;
            }
            if (op != null && op.getKey() == doc) {
                last = put(out, last, doc, op.getValue(), signed);
                op = ops.hasNext() ? ops.next() : null;
            } else {
                last = put(out, last, doc, signature, signed);
            }
        }
        while (op != null) {
            last = put(out, last, op.getKey(), op.getValue(), signed);
            op = ops.hasNext() ? ops.next() : null;
        }
        return out.toByteArray();
    }

    private static int digit(byte b) throws IOException {
        int d = b >= 0 ? DIGIT[b] : -1;
        if (d < 0) {
            throw new IOException("a posting list holds '" + (char) (b & 0xFF) + "'");
        }
        return d;
    }

    /** Appends a report number with its signature (or nothing, for {@link #REMOVE}); returns the last number. */
    private static int put(ByteArrayOutputStream out, int last, int doc, int signature, boolean signed) {
        if (signature == REMOVE) {
            return last;
        }
        int delta = doc - last;
        while (delta >= 32) {
            out.write(SearchIndex.ALPHABET.charAt(32 + (delta & 31)));
            delta >>>= 5;
        }
        out.write(SearchIndex.ALPHABET.charAt(delta));
        if (signed) {
            for (int shift = 18; shift >= 0; shift -= 6) {
                out.write(SearchIndex.ALPHABET.charAt((signature >>> shift) & 63));
            }
        }
        return doc;
    }
}
