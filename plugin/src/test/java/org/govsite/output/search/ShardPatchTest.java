package org.govsite.output.search;

import org.govsite.model.Group;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The index patched in place from the changed reports' old and new entries is, byte for byte, the index a full build
 * writes of the new entries: a text changed (tokens gained and lost, signatures moved), a report withdrawn (its number
 * left empty), a report published under an empty number, several at once.
 */
class ShardPatchTest {
    private static final List<Group> GROUPS = List.of(new Group("office", "政府办公室"));
    private static final String HAN = "政府信息公开申请行政复议诉讼主动依法年度报告工作情况办理结果镇街道";

    private static SearchEntry entry(int n, String text) {
        return new SearchEntry("agencies/a" + n + "/2024.html", "a" + n + "年报告", "机构" + n, "office",
                2021 + n % 4, text, List.of("收到申请：" + n));
    }

    private static String text(Random random, int length) {
        StringBuilder t = new StringBuilder();
        for (int k = 0; k < length; k++) {
            t.append(HAN.charAt(random.nextInt(HAN.length())));
            if (random.nextInt(30) == 0) {
                t.append(" w").append(random.nextInt(200)).append(' ');
            }
        }
        return t.toString();
    }

    /** A full index of {@code entries} (null: a number without a report), every number's year from {@link #entry}. */
    private static Map<String, byte[]> index(List<SearchEntry> entries) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        int[] years = new int[entries.size()];
        for (int n = 0; n < years.length; n++) {
            years[n] = 2021 + n % 4;
        }
        SearchIndex index = new SearchIndex(GROUPS, files::put, null, Long.MAX_VALUE,
                new SearchIndex.Numbering(years, new int[years.length]));
        for (int n = 0; n < entries.size(); n++) {
            if (entries.get(n) != null) {
                index.add(n, entries.get(n));
            }
        }
        index.finish();
        return files;
    }

    /** Patches {@code before}'s shards with the changes from {@code old} to {@code now}; the shards only. */
    private static Map<String, byte[]> patched(Map<String, byte[]> before, List<SearchEntry> old,
                                               List<SearchEntry> now) throws IOException {
        TreeMap<String, SortedMap<Integer, Integer>> ops = new TreeMap<>();
        for (int n = 0; n < now.size(); n++) {
            if (!Objects.equals(old.get(n), now.get(n))) {
                ShardPatch.diff(n, old.get(n), now.get(n), ops);
            }
        }
        int shards = SearchIndex.shardCount(now.size());
        Map<String, byte[]> out = new TreeMap<>(before);
        ShardPatch.byShard(ops, shards).forEach((s, change) -> {
            try {
                out.put(SearchIndex.shardPath(s), ShardPatch.apply(before.get(SearchIndex.shardPath(s)), s, change));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }

    private static void assertShardsEqual(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        for (Map.Entry<String, byte[]> f : expected.entrySet()) {
            if (f.getKey().startsWith("search/shard/")) {
                assertArrayEquals(f.getValue(), actual.get(f.getKey()), f.getKey() + ": "
                        + new String(actual.get(f.getKey()), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aPatchedIndexIsTheFullIndexOfTheNewEntries() throws IOException {
        Random random = new Random(3);
        List<SearchEntry> old = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            old.add(n % 17 == 5 ? null : entry(n, text(random, 300)));
        }
        Map<String, byte[]> before = index(old);

        // one report's text edited: a sentence inserted near the start moves every later signature
        List<SearchEntry> edited = new ArrayList<>(old);
        edited.set(40, entry(40, "新增一句话。" + old.get(40).text()));
        assertShardsEqual(index(edited), patched(before, old, edited));

        // a number changed at the end: a word lost and one gained
        List<SearchEntry> figure = new ArrayList<>(old);
        SearchEntry e = old.get(0);
        figure.set(0, new SearchEntry(e.url(), e.title(), e.agencyName(), e.group(), e.year(), e.text(),
                List.of("收到申请：999")));
        assertShardsEqual(index(figure), patched(before, old, figure));

        // withdrawn (the first and the last number), published under an empty number, several edits at once
        List<SearchEntry> many = new ArrayList<>(old);
        many.set(0, null);
        many.set(119, null);
        many.set(5, entry(5, text(random, 200)));
        many.set(22, entry(22, "全新的文字，没有别的词。w7"));
        many.set(60, entry(60, text(random, 500)));
        assertNotEquals(index(old).get("search/shard/0.js").length, 0);
        assertShardsEqual(index(many), patched(before, old, many));

        // every report withdrawn: every shard empty
        List<SearchEntry> none = new ArrayList<>();
        for (int n = 0; n < old.size(); n++) {
            none.add(null);
        }
        assertShardsEqual(index(none), patched(before, old, none));
        assertEquals("govsiteSearch.shard(3,{});\n", new String(patched(before, old, none)
                .get("search/shard/3.js"), StandardCharsets.UTF_8));
    }

    @Test
    void aFileThatIsNotTheShardIsRefused() {
        TreeMap<String, SortedMap<Integer, Integer>> ops = new TreeMap<>(Map.of("行政", new TreeMap<>(Map.of(1, 0))));
        assertThrows(IOException.class, () -> ShardPatch.apply("govsiteSearch.shard(2,{});\n"
                .getBytes(StandardCharsets.UTF_8), 3, ops));
        assertThrows(IOException.class, () -> ShardPatch.apply("govsiteSearch.shard(3,{\"行政\":\"A!\"});\n"
                .getBytes(StandardCharsets.UTF_8), 3, ops));
        assertThrows(IOException.class, () -> ShardPatch.apply("govsiteSearch.shard(3,{\"行政\"});\n"
                .getBytes(StandardCharsets.UTF_8), 3, ops));
    }
}
