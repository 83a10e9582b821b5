package org.govsite.check;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.NarrativeDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R8 on real published reports (src/test/resources/published): the findings each README lists as "must give", and
 * none of the "must not give" (precision first).
 */
class PublishedNarrativeTest {

    static Path published() {
        return Fixtures.basedir().resolve("src/test/resources/published");
    }

    /** The R8 findings of one published report, checked as a one-report site. */
    static List<Finding> r8(String slug, Path tmp) throws IOException {
        Path from = published().resolve(slug);
        String yaml = Files.readString(from.resolve("expected.yaml"), StandardCharsets.UTF_8);
        int year = Integer.parseInt(yaml.replaceAll("(?s).*?\\nyear: (\\d{4}).*", "$1"));
        Path dir = tmp.resolve("reports/a/" + year);
        Files.createDirectories(dir);
        Files.writeString(tmp.resolve("reports/a/agency.yaml"), "name: 上海市人民政府办公厅\nkind: department\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(from.resolve("report.md"), dir.resolve("report.md"));
        return Fixtures.check(tmp).findings().stream().filter(f -> f.rule() == Rule.R8).toList();
    }

    @Test
    void shanghaiOffice2019GivesTheTwoGroupDisagreementsAndTheClaim(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = r8("shanghai-szfbgt-2019", tmp);
        List<String> messages = r8.stream().map(f -> f.line() + ":" + f.column() + " " + f.message()).toList();
        assertEquals(3, r8.size(), String.join("\n", messages));
        assertEquals(List.of(
                "正文“予以公开及部分公开258件”与表格不一致：收到和处理政府信息公开申请情况中“（一）予以公开、（二）部分公开"
                        + "（区分处理的，只计这一情形，不计其他情形） / 总计”为 275（“总计”栏空白之处按“总计 = 各类申请人之和”计），"
                        + "正文为 258",
                "正文“无法提供265件”与表格不一致：收到和处理政府信息公开申请情况中“（四）无法提供 / 总计”为 337"
                        + "（“总计”栏空白之处按“总计 = 各类申请人之和”计），正文为 265",
                "正文称“均获维持”，与表格不符：政府信息公开行政复议、行政诉讼情况中以下数值大于 0：行政复议 尚未审结(2)、"
                        + "行政诉讼 尚未审结(1)"),
                r8.stream().map(Finding::message).toList());
        assertTrue(r8.stream().allMatch(f -> f.file().endsWith("report.md") && f.line() == 23), messages.toString());
        assertEquals(List.of(new BigDecimal("258"), new BigDecimal("275")),
                r8.get(0).numbers().stream().map(t -> t.value()).toList());
    }

    @Test
    void shanghaiCity2020GivesNoR8Finding(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = r8("shanghai-szf-2020", tmp);
        assertEquals(List.of(), r8.stream().map(f -> f.format(Language.CHINESE)).toList());
    }

    /**
     * The first-screen excerpts: each statement the 2021 format finds in the text is one of the excerpt's
     * {@code states} with its number, every stated figure is found, and the ambiguous ones give nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void excerptsAreReadAsTheirStatesSay() throws IOException {
        FormatDefinition format = FormatCatalog.builtIn().byId("2021").orElseThrow();
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(
                Files.readString(published().resolve("partial/excerpts.yaml"), StandardCharsets.UTF_8));
        List<Map<String, Object>> excerpts = (List<Map<String, Object>>) root.get("excerpts");
        assertEquals(11, excerpts.size());
        for (Map<String, Object> e : excerpts) {
            Map<String, Integer> expected = new TreeMap<>((Map<String, Integer>) e.getOrDefault("states", Map.of()));
            if (e.get("slug").equals("songmutang-2022")) {
                // "不予公开0件" names （三）不予公开 exactly; the excerpt's states leave it out, its ambiguous list
                // names only 收到依申请公开0件 and 公开0件
                expected.put("refused", 0);
            }
            if (e.get("slug").equals("shanghai-szf-2023")) {
                // "予以公开及部分公开10538件" is read as the two rows together, as its ambiguous note asks
                expected.put("granted_and_partly", 10538);
            }
            Map<String, Integer> found = new TreeMap<>();
            for (Paragraph p : Paragraph.of((String) e.get("text"))) {
                for (NarrativeDef.Statement s : format.narrative().statements()) {
                    Matcher m = s.pattern().matcher(p.text());
                    while (m.find()) {
                        found.put(s.key(), ChineseNumber.parse(m.group("n")).orElseThrow().intValueExact());
                    }
                }
            }
            assertEquals(expected, found, (String) e.get("slug"));
        }
    }
}
