package org.govsite.check;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Severity;
import org.govsite.diagnostics.FailOn;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real published reports of {@code src/test/resources/published} (see its INDEX.md and each README.md), built as
 * the published records they are: each gives exactly the table findings its README lists, as warnings, and is
 * archived; the same report as a draft fails with located errors. R8 (the narrative) is pinned elsewhere.
 */
class PublishedCorpusTest {
    private static final String SZFBGT = "shanghai-szfbgt-2019";
    private static final String SZF = "shanghai-szf-2020";
    /** 平潭君山片区 2022 as published: 1.本机关不掌握相关政府信息 3 / 2 / 5 (2021's row) under （七）总计 0. */
    private static final List<String> EXPECTED_2022 = List.of(
            "reports/a/2022/report.yaml:50:15: 警告 [R3] 自然人：（七）总计(0) ≠ （一）(0) + （二）(0) + （三）(0) + （四）(3) + （五）(0) + （六）(0)",
            "reports/a/2022/report.yaml:50:30: 警告 [R3] 其他：（七）总计(0) ≠ （一）(0) + （二）(0) + （三）(0) + （四）(2) + （五）(0) + （六）(0)",
            "reports/a/2022/report.yaml:50:33: 警告 [R3] 总计：（七）总计(0) ≠ （一）(0) + （二）(0) + （三）(0) + （四）(5) + （五）(0) + （六）(0)");
    /** 平潭君山片区 2025 as published: 行政规范性文件 现行有效 0 after 2024's 11, none issued or repealed. */
    private static final List<String> EXPECTED_2025 = List.of(
            "reports/a/2025/report.yaml:12:63: 警告 [R6] “行政规范性文件”一行：2025年“现行有效件数”(0) 应等于 2024年“现行有效件数”(11)"
                    + " + “本年制发件数”(0) − “本年废止件数”(0)（reports/a/2024/report.yaml:11）");

    @TempDir
    Path dir;

    /** A source folder with the one fixture as agency {@code a}'s report of its year. */
    private Path site(String slug, String kind, int year, boolean draft) throws IOException {
        Path fixture = Fixtures.basedir().resolve("src/test/resources/published").resolve(slug);
        Path project = dir.resolve("project");
        Path report = project.resolve("reports/a/" + year);
        Files.createDirectories(report);
        Files.writeString(project.resolve("reports/a/agency.yaml"), "name: 上海市\nkind: " + kind + "\n",
                StandardCharsets.UTF_8);
        String yaml = Files.readString(fixture.resolve("expected.yaml"), StandardCharsets.UTF_8);
        if (draft) {
            assertTrue(yaml.contains("status: published\n"));
            yaml = yaml.replace("status: published\n", "status: draft\n");
        }
        Files.writeString(report.resolve("report.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(fixture.resolve("report.md"), report.resolve("report.md"));
        return project;
    }

    /** The findings of the tables' rules (R1–R7, Y*), as printed. */
    private static List<String> tableFindings(BuildResult r) {
        return r.findings().stream().filter(f -> !f.rule().code().equals("R8") && !f.rule().code().equals("R9"))
                .filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.format(Language.CHINESE)).sorted().toList();
    }

    /** The fixtures whose README says "none from the tables": they build as published records without a finding. */
    @ParameterizedTest
    @CsvSource({"shuyang-fgj-2023, department, 2023", "pingtan-2019, government, 2019",
            "pingtan-2024, government, 2024", "pingtan-junshan-2023, township, 2023"})
    void aReportWhoseTablesAgreeBuildsWithoutATableFinding(String slug, String kind, int year) throws IOException {
        BuildResult r = Fixtures.check(site(slug, kind, year, false));
        assertEquals(List.of(), tableFindings(r));
        assertFalse(r.failed(), r.findings().toString());
    }

    @Test
    void shanghaiOffice2019BuildsAsPublishedWithTheImpliedTotals() throws IOException {
        BuildResult r = Fixtures.check(site(SZFBGT, "department", 2019, false));
        String y = "reports/a/2019/report.yaml";
        // 总计 blank on every outcome row: the applicant cells imply it (README: "Tables: the equations")
        assertEquals(List.of(
                y + ":29:50: 警告 [R2] 本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为 272",
                y + ":30:50: 警告 [R2] 本报告发布时“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”一行“总计”栏为空；按各类申请人之和应为 3",
                y + ":32:55: 警告 [R2] 本报告发布时“1.属于国家秘密”一行“总计”栏为空；按各类申请人之和应为 14",
                y + ":36:55: 警告 [R2] 本报告发布时“5.属于三类内部事务信息”一行“总计”栏为空；按各类申请人之和应为 5",
                y + ":37:55: 警告 [R2] 本报告发布时“6.属于四类过程性信息”一行“总计”栏为空；按各类申请人之和应为 4",
                y + ":39:55: 警告 [R2] 本报告发布时“8.属于行政查询事项”一行“总计”栏为空；按各类申请人之和应为 12",
                y + ":41:52: 警告 [R2] 本报告发布时“1.本机关不掌握相关政府信息”一行“总计”栏为空；按各类申请人之和应为 265",
                y + ":42:52: 警告 [R2] 本报告发布时“2.没有现成信息需要另行制作”一行“总计”栏为空；按各类申请人之和应为 47",
                y + ":43:52: 警告 [R2] 本报告发布时“3.补正后申请内容仍不明确”一行“总计”栏为空；按各类申请人之和应为 25",
                y + ":45:50: 警告 [R2] 本报告发布时“1.信访举报投诉类申请”一行“总计”栏为空；按各类申请人之和应为 149",
                y + ":46:50: 警告 [R2] 本报告发布时“2.重复申请”一行“总计”栏为空；按各类申请人之和应为 9"),
                tableFindings(r));
        assertFalse(r.failed(), "a published record's findings never fail the build under failOn=error");
        assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), r.findings().toString());
        // every other blank is implied 0 by the rest of the table: notes, not warnings
        List<Finding> notes = r.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
        assertFalse(notes.isEmpty());
        assertTrue(notes.stream().allMatch(f -> f.message().contains("空白按 0 计")), notes.toString());
    }

    /**
     * The severities come out the same under every failOn: the disagreements are warnings, the blanks implied 0 are
     * notes; failOn=error and none archive the record, warning fails the build as for any warning.
     */
    @Test
    void aPublishedRecordsSeveritiesUnderEveryFailOn() throws IOException {
        Path source = site(SZFBGT, "department", 2019, false);
        for (FailOn failOn : FailOn.values()) {
            Path out = dir.resolve("out-" + failOn);
            BuildResult r = new GovSite(BuildConfig.builder(source, source).pdf(false).outputDir(out).failOn(failOn).build())
                    .generate();
            assertEquals(0, r.count(Severity.ERROR), failOn + ": " + r.findings());
            assertEquals(11, r.findings().stream().filter(f -> f.severity() == Severity.WARNING
                    && f.rule().code().equals("R2")).count(), failOn.toString());
            assertTrue(r.count(Severity.INFO) > 0, failOn.toString());
            assertEquals(failOn == FailOn.WARNING, r.failed(), failOn.toString());
            assertEquals(failOn != FailOn.WARNING, r.published(), failOn.toString());
            if (r.published()) {
                String page = Files.readString(out.resolve("agencies/a/2019.html"), StandardCharsets.UTF_8);
                assertTrue(page.contains("<section class=\"gs-data-check\" aria-labelledby=\"data-check-title\">"));
                assertTrue(page.contains("<li>本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为 272</li>"));
                // cells as published: 258 in （一）, blanks blank with 空白 for screen readers only
                assertTrue(page.contains(">258</td>"));
                assertTrue(page.contains("><span class=\"gs-vh\">空白</span></td>"));
                String csv = Files.readString(out.resolve("agencies/a/2019.csv"), StandardCharsets.UTF_8);
                assertTrue(csv.contains("科研机构,,,blank\r\n"), "a blank is empty in open data, never 0");
                String json = Files.readString(out.resolve("agencies/a/2019.json"), StandardCharsets.UTF_8);
                assertTrue(json.contains("\"status\" : \"published\""), json.substring(0, 400));
                assertTrue(json.contains("\"message\" : \"本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为 272\""));
            }
        }
    }

    @Test
    void shanghaiOffice2019AsADraftFailsAtEveryBlank() throws IOException {
        BuildResult r = Fixtures.check(site(SZFBGT, "department", 2019, true));
        assertTrue(r.failed());
        List<Finding> blanks = r.findings().stream().filter(f -> f.rule().code().equals("Y4")).toList();
        // 126 of table 三's cells and 9 of table 四's: 100 listed, then how many more
        assertEquals(100 + 1, blanks.size());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("还有 35 处")), r.findings().toString());
        assertTrue(blanks.stream().allMatch(f -> f.severity() == Severity.ERROR && f.line() > 0 && f.column() > 0));
        assertTrue(blanks.get(0).format(Language.CHINESE).startsWith(
                "reports/a/2019/report.yaml:26:30: 错误 [Y4] “一、本年新收政府信息公开申请数量 / 科研机构”为空；草稿中的空白不会按 0 处理"),
                blanks.get(0).format(Language.CHINESE));
        // no rule is decided over a draft's blanks
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().code().matches("R[1-6]")), r.findings().toString());
    }

    @Test
    void shanghaiGovernment2020KeepsItsPublishedErrorsAsWarnings() throws IOException {
        BuildResult r = Fixtures.check(site(SZF, "government", 2020, false));
        String y = "reports/a/2020/report.yaml";
        // README: R2 on 一 (29130 vs 29126), R1 in five columns; R3, R4 and the other rows hold
        assertEquals(List.of(
                y + ":26:20: 警告 [R1] 自然人：一(26954) + 二(1327) ≠ （七）总计(26312) + 四(1902)",
                y + ":26:27: 警告 [R1] 商业企业：一(1718) + 二(69) ≠ （七）总计(1700) + 四(159)",
                y + ":26:33: 警告 [R1] 科研机构：一(13) + 二(0) ≠ （七）总计(12) + 四(0)",
                y + ":26:37: 警告 [R1] 社会公益组织：一(60) + 二(0) ≠ （七）总计(38) + 四(20)",
                y + ":26:41: 警告 [R1] 法律服务机构：一(144) + 二(3) ≠ （七）总计(149) + 四(0)",
                y + ":26:51: 警告 [R2] 一：总计(29130) ≠ 自然人(26954) + 法人或其他组织(2172)"),
                tableFindings(r));
        assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.INFO), "no blanks, no notes");
        assertFalse(r.failed());
    }

    @Test
    void shanghaiGovernment2020AsADraftFailsWithItsErrors() throws IOException {
        BuildResult r = Fixtures.check(site(SZF, "government", 2020, true));
        assertTrue(r.failed());
        assertEquals(6, r.findings().stream().filter(f -> f.rule().code().matches("R[12]")
                && f.severity() == Severity.ERROR).count(), r.findings().toString());
    }

    /**
     * One township-level agency over five years, 平潭君山片区管理局 2021–2025 ({@code published/pingtan-junshan-years}
     * and the full fixture {@code pingtan-junshan-2023}), built together as the published records they are: the year
     * rules R5 (carry-over) and R6 (stock of 规范性文件) are decided across the years, and the two disagreements the
     * pages published are shown, never corrected. The narrative is not under test here: the years other than 2023
     * get a placeholder report.md (six headings) in the temporary project.
     */
    @Test
    void junshanOverFiveYearsKeepsItsPublishedDisagreements() throws IOException {
        Path published = Fixtures.basedir().resolve("src/test/resources/published");
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("reports/a"));
        Files.writeString(project.resolve("reports/a/agency.yaml"), "name: 平潭综合实验区君山片区管理局\nkind: township\n",
                StandardCharsets.UTF_8);
        String placeholder = String.join("\n\n", "## 一、总体情况", "（测试只含表格。）", "## 二、主动公开政府信息情况",
                "## 三、收到和处理政府信息公开申请情况", "## 四、政府信息公开行政复议、行政诉讼情况",
                "## 五、存在的主要问题及改进情况", "（测试只含表格。）", "## 六、其他需要报告的事项", "（测试只含表格。）") + "\n";
        for (int year = 2021; year <= 2025; year++) {
            Path report = Files.createDirectories(project.resolve("reports/a/" + year));
            if (year == 2023) {
                Files.copy(published.resolve("pingtan-junshan-2023/expected.yaml"), report.resolve("report.yaml"));
                Files.copy(published.resolve("pingtan-junshan-2023/report.md"), report.resolve("report.md"));
            } else {
                Files.copy(published.resolve("pingtan-junshan-years/" + year + ".yaml"), report.resolve("report.yaml"));
                Files.writeString(report.resolve("report.md"), placeholder, StandardCharsets.UTF_8);
            }
        }
        BuildResult r = Fixtures.check(project);
        String y2022 = "reports/a/2022/report.yaml";
        String y2025 = "reports/a/2025/report.yaml";
        // README: 2022 repeats 2021's row 1.本机关不掌握相关政府信息 (3 / 2 / 5) under totals of 0; 2025 publishes a stock
        // of 0 规范性文件 after 11 with none issued or repealed. R5 holds every year (nothing carried over).
        assertEquals(List.of(), tableFindings(r).stream().filter(f -> !f.startsWith(y2022) && !f.startsWith(y2025))
                .toList(), r.findings().toString());
        assertEquals(EXPECTED_2022, tableFindings(r).stream().filter(f -> f.startsWith(y2022)).toList());
        assertEquals(EXPECTED_2025, tableFindings(r).stream().filter(f -> f.startsWith(y2025)).toList());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().code().equals("R5")), r.findings().toString());
        assertFalse(r.failed(), r.findings().toString());
        // R5 is decided across these files: had 2022 carried one application forward, 2023's 上年结转 0 would say so
        Path y2022File = project.resolve(y2022);
        String carried = "    carried_forward: [0, 0, 0, 0, 0, 0, 0]\n";
        String yaml = Files.readString(y2022File, StandardCharsets.UTF_8);
        assertTrue(yaml.contains(carried));
        Files.writeString(y2022File, yaml.replace(carried, "    carried_forward: [1, 0, 0, 0, 0, 0, 1]\n"),
                StandardCharsets.UTF_8);
        List<Finding> r5 = Fixtures.check(project).findings().stream().filter(f -> f.rule().code().equals("R5")).toList();
        assertFalse(r5.isEmpty());
        assertTrue(r5.stream().allMatch(f -> f.file().toString().replace('\\', '/').endsWith("2023/report.yaml")), r5.toString());
    }
}
