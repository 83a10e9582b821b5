package org.govsite.output.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govsite.model.Group;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexTest {
    private static final List<Group> GROUPS = List.of(new Group("office", "政府办公室"), new Group("township", "乡镇/街道"));

    /** The files of one index, in memory. */
    private static final class Files {
        final Map<String, byte[]> files = new TreeMap<>();
        SearchIndex.Stats stats;

        SearchReader reader() throws IOException {
            return new SearchReader(files::get);
        }
    }

    private static SearchEntry entry(String id, int year, String group, String text, String... figures) {
        return new SearchEntry("agencies/" + id + "/" + year + ".html", id + year + "年报告", "机构" + id, group, year,
                text, List.of(figures));
    }

    private static Files build(List<SearchEntry> entries) throws IOException {
        return build(entries, null, 0);
    }

    private static Files build(List<SearchEntry> entries, java.nio.file.Path spill, long spillBytes)
            throws IOException {
        Files out = new Files();
        SearchIndex index = new SearchIndex(GROUPS, (path, bytes) -> {
            if (out.files.put(path, bytes) != null) {
                throw new IllegalStateException("written twice: " + path);
            }
        }, spill, spillBytes, SearchIndex.Numbering.of(entries, GROUPS));
        for (SearchEntry e : entries) {
            index.add(e);
        }
        out.stats = index.finish();
        return out;
    }

    private static List<Integer> docs(SearchReader reader, String query) throws IOException {
        return reader.search(query).stream().map(SearchReader.Hit::doc).toList();
    }

    @Test
    void postingsRoundTripWithDocumentsAndGroups() throws IOException {
        Files f = build(List.of(
                entry("a", 2023, "office", "本年度未发生行政复议。"),
                entry("b", 2024, "township", "无。"),
                entry("c", 2024, "", "行政复议1件。")));
        SearchReader r = f.reader();
        assertEquals(3, r.docs());
        assertEquals(Set.of(0, 2), r.postings("复议").keySet());
        assertEquals(Set.of(0, 1, 2), r.postings("年").keySet(), "the title is indexed");
        assertEquals(Set.of(1), r.postings("b").keySet(), "the agency name is indexed");
        assertEquals(Set.of(), r.postings("不在").keySet());
        assertEquals("agencies/c/2024.html", r.doc(2).get("u").asText());
        assertEquals("行政复议1件。", r.doc(2).get("x").asText());
        assertEquals("[0,1,-1]", new String(f.files.get("search/index.js"), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"group\":(\\[[^]]*]).*", "$1"));
        // the signature holds the positions mod 24 of the bigram: "行政复议" at 8 of "a2023年报告\n机构a\n2023\n本年度未发生…"
        int position = "a2023年报告\n机构a\n2023\n本年度未发生行政复议。".indexOf("复议");
        assertEquals(1 << (position % SearchIndex.SIGNATURE_BITS), r.postings("复议").get(0));
    }

    @Test
    void rankByTokensFoundThenPhraseThenNewest() throws IOException {
        Files f = build(List.of(
                entry("phrase-old", 2022, "office", "本年度发生行政复议案件1件。"),
                entry("scattered-new", 2024, "office", "行政机关加强管理；财政复核完成；复议期间依法办理。"),
                entry("phrase-new", 2023, "office", "行政复议案件0件。"),
                entry("partial", 2025, "office", "行政机关依法行政。")));
        SearchReader r = f.reader();
        List<SearchReader.Hit> hits = r.search("行政复议");
        assertEquals(List.of(2, 0, 1), hits.stream().map(SearchReader.Hit::doc).toList(),
                "phrase matches first, newest first among them; a report with only one bigram is no match");
        assertEquals(1, hits.get(0).phrases());
        assertEquals(0, hits.get(2).phrases());
        assertEquals(3, hits.get(2).found());
    }

    @Test
    void aLongQueryToleratesAMissingBigramButRanksItLower() throws IOException {
        Files f = build(List.of(
                entry("all", 2020, "office", "政府信息公开申请"),
                entry("most", 2024, "office", "政府信息公开，申请"),
                entry("few", 2024, "office", "政府信息")));
        // 政府 府信 信息 息公 公开 开申 申请: 7 tokens, 6 needed (3 in 4, rounded up)
        assertEquals(List.of(0, 1), docs(f.reader(), "政府信息公开申请"));
    }

    @Test
    void oneCharacterNumbersAndDigitsWithChinese() throws IOException {
        Files f = build(List.of(
                entry("a", 2023, "township", "大营镇收到申请13件。", "新收申请：13"),
                entry("b", 2024, "office", "收到申请113件，收费13.5万元。"),
                entry("c", 2024, "township", "镇政府2024年收到申请13件。")));
        SearchReader r = f.reader();
        assertEquals(List.of(2, 0), docs(r, "镇"), "one character: every report that has it, newest first");
        assertEquals(List.of(2, 0), docs(r, "13"), "a number matches whole numbers only: not 113, not 13.5");
        assertEquals(List.of(1), docs(r, "13.5"));
        assertEquals(List.of(1), docs(r, "１３.５"), "full-width digits");
        assertEquals(List.of(2), docs(r, "2024年收到"));
        assertEquals(List.of(0), docs(r, "大营镇"));
        assertEquals(List.of(), docs(r, "量子计算"));
        assertEquals(List.of(), docs(r, "，。"));
    }

    @Test
    void shardsAreBalancedAndEveryTokenIsInTheShardItsHashGivesAndTheOutputIsDeterministic()
            throws IOException {
        List<SearchEntry> entries = new ArrayList<>();
        Random random = new Random(14);
        for (int d = 0; d < 500; d++) {
            char[] text = new char[1500];
            for (int i = 0; i < text.length; i++) {
                // 1,500 common characters: many distinct bigrams, so the index needs many shards
                text[i] = (char) ('\u4E00' + random.nextInt(1500));
            }
            entries.add(entry(String.format("a%04d", d), 2021 + d % 4, d % 2 == 0 ? "office" : "township",
                    new String(text)));
        }
        Files f = build(entries);
        assertEquals(64, f.stats.shards(), "500 numbers: 50 shards wanted, the power of two above: " + f.stats);
        int tokens = 0;
        for (int s = 0; s < f.stats.shards(); s++) {
            byte[] shard = f.files.get("search/shard/" + s + ".js");
            String text = new String(shard, StandardCharsets.UTF_8);
            JsonNode lists = new ObjectMapper()
                    .readTree(text.substring(("govsiteSearch.shard(" + s + ",").length(), text.length() - 3));
            List<String> names = new ArrayList<>();
            lists.fieldNames().forEachRemaining(names::add);
            for (String token : names) {
                assertEquals(s, SearchIndex.shardOf(token, f.stats.shards()), token + " is in shard " + s);
            }
            assertEquals(names.stream().sorted().toList(), names, "tokens in order in shard " + s);
            tokens += names.size();
            assertTrue(shard.length <= 2 * f.stats.shardBytes() / f.stats.shards(),
                    "shard " + s + " is " + shard.length + " bytes, under twice the mean: " + f.stats);
        }
        assertEquals(f.stats.tokens(), tokens);
        assertEquals(f.stats.largestShard(), f.files.entrySet().stream().filter(e -> e.getKey().startsWith(
                "search/shard/")).mapToLong(e -> e.getValue().length).max().orElseThrow());
        SearchReader r = f.reader();
        for (String probe : List.of("\u4E00\u4E01", "\u4E05", "\u4E00\u4E00", "\u4F00\u4E10")) {
            Set<Integer> expected = new HashSet<>();
            for (int d = 0; d < entries.size(); d++) {
                if (entries.get(d).text().contains(probe)) {
                    expected.add(d);
                }
            }
            assertEquals(expected, r.postings(probe).keySet(), probe);
        }
        Files again = build(entries);
        assertEquals(f.files.keySet(), again.files.keySet());
        for (String path : f.files.keySet()) {
            assertArrayEquals(f.files.get(path), again.files.get(path), path);
        }
        assertTrue(Arrays.equals(f.files.get("search/index.js"), again.files.get("search/index.js")));
    }

    @Test
    void theShardCountIsAPowerOfTwoThatStepsWithTheNumberOfReports() {
        assertEquals(1, SearchIndex.shardCount(0));
        assertEquals(1, SearchIndex.shardCount(10));
        assertEquals(2, SearchIndex.shardCount(11));
        assertEquals(4, SearchIndex.shardCount(21));
        assertEquals(256, SearchIndex.shardCount(2000));
        assertEquals(256, SearchIndex.shardCount(2560), "the same count up to the next step");
        assertEquals(512, SearchIndex.shardCount(2561));
        assertEquals(2048, SearchIndex.shardCount(20000));
    }

    /** Fixed values, so that a change of the function (which govsite-search.js must follow) is seen. */
    @Test
    void theShardFunctionIsFnv1aWithMurmurMix() {
        assertEquals(0, SearchIndex.shardOf("行政", 1));
        int[] seen = new int[8];
        for (char c = '\u4E00'; c < '\u4E00' + 8000; c++) {
            seen[SearchIndex.shardOf(String.valueOf(c), 8)]++;
        }
        for (int n : seen) {
            assertTrue(n > 900 && n < 1100, "8,000 characters spread over 8 shards: " + Arrays.toString(seen));
        }
        assertEquals(shardOfByHand("行政", 2048), SearchIndex.shardOf("行政", 2048));
        assertEquals(shardOfByHand("icp", 256), SearchIndex.shardOf("icp", 256));
        assertEquals(shardOfByHand("2024", 1 << 30), SearchIndex.shardOf("2024", 1 << 30));
    }

    /** FNV-1a (32 bits) and MurmurHash3's fmix32, in longs, as written in their specifications. */
    private static int shardOfByHand(String token, int shards) {
        long h = 2166136261L;
        for (char c : token.toCharArray()) {
            h = ((h ^ c) * 16777619L) & 0xFFFFFFFFL;
        }
        h ^= h >>> 16;
        h = (h * 0x85EBCA6BL) & 0xFFFFFFFFL;
        h ^= h >>> 13;
        h = (h * 0xC2B2AE35L) & 0xFFFFFFFFL;
        h ^= h >>> 16;
        return (int) (h % shards);
    }

    @Test
    void anEmptyArchiveHasAnIndexAndOneEmptyShard() throws IOException {
        Files f = build(List.of());
        assertEquals(0, f.reader().docs());
        assertEquals("govsiteSearch.shard(0,{});\n", new String(f.files.get("search/shard/0.js"),
                StandardCharsets.UTF_8));
        assertEquals(List.of(), f.reader().search("行政"));
    }

    /**
     * With a spill folder and a small budget the posting lists go to many sorted runs, merged when the shards are
     * written: the files are the same bytes as an index held in memory, and no run is left behind.
     */
    @Test
    void spilledRunsMergeIntoTheSameFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws IOException {
        Random random = new Random(7);
        String han = "政府信息公开申请行政复议诉讼主动依法年度报告工作情况办理结果";
        List<SearchEntry> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 400; k++) {
                text.append(han.charAt(random.nextInt(han.length())));
                if (random.nextInt(40) == 0) {
                    text.append(" word").append(random.nextInt(5000)).append(' ');
                }
            }
            entries.add(entry("a" + i, 2020 + i % 5, i % 3 == 0 ? "office" : "township", text.toString(),
                    "收到申请：" + i));
        }
        Files memory = build(entries);
        Files spilled = build(entries, tmp, 16 * 1024);
        assertEquals(memory.files.keySet(), spilled.files.keySet());
        for (Map.Entry<String, byte[]> f : memory.files.entrySet()) {
            assertArrayEquals(f.getValue(), spilled.files.get(f.getKey()), f.getKey());
        }
        assertEquals(memory.stats, spilled.stats);
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(tmp)) {
            assertEquals(0, left.count(), "the runs are deleted");
        }
    }
}
