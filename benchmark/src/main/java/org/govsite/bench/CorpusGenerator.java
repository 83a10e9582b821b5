package org.govsite.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes a province-scale corpus twice: as a govsite portal project (2021-format {@code report.yaml} tables that
 * satisfy R1–R6 with carry-over, a {@code report.md} of six sections and about 3,000 CJK characters, a few
 * attachments) and as a Hugo site with the same narrative, tables 二/三/四 as Markdown tables and the taxonomies
 * {@code agency} and {@code year}. Plus an empty Maven project, to measure Maven's own start.
 *
 * <p>Deterministic: the same arguments give the same bytes. JDK only, so that it runs from a fresh clone with
 * {@code java -cp benchmark/target/classes org.govsite.bench.CorpusGenerator --reports 2000 --out DIR}.
 *
 * <pre>
 * DIR/govsite/pom.xml, DIR/govsite/src/govsite/…   the portal project (mvn govsite:generate)
 * DIR/hugo/config.toml, content/, layouts/, static/  the Hugo site (hugo -s DIR/hugo)
 * DIR/empty/pom.xml                                  an empty project (mvn validate: Maven's start)
 * DIR/corpus.properties                              what was generated
 * </pre>
 *
 * {@code --change DIR} changes one number (行政许可's 本年处理决定数量) in one report, in both copies: the input of a
 * one-report rebuild.
 */
public final class CorpusGenerator {
    static final int FIRST_YEAR = 2021;

    static final String[] APPLICANT_LABELS = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};

    /** The leaves of 三、本年度办理结果 in the 2021 format: YAML group (or null), key, label for the Hugo table. */
    record Leaf(String group, String key, String label, int weight) {
    }

    static final List<Leaf> LEAVES = List.of(
            new Leaf(null, "granted", "（一）予以公开", 40),
            new Leaf(null, "partly_granted", "（二）部分公开", 8),
            new Leaf("refused", "state_secret", "（三）不予公开 1.属于国家秘密", 1),
            new Leaf("refused", "prohibited_by_law", "（三）不予公开 2.其他法律行政法规禁止公开", 1),
            new Leaf("refused", "security_stability", "（三）不予公开 3.危及“三安全一稳定”", 1),
            new Leaf("refused", "third_party", "（三）不予公开 4.保护第三方合法权益", 2),
            new Leaf("refused", "internal_affairs", "（三）不予公开 5.属于三类内部事务信息", 2),
            new Leaf("refused", "process_info", "（三）不予公开 6.属于四类过程性信息", 2),
            new Leaf("refused", "enforcement_files", "（三）不予公开 7.属于行政执法案卷", 1),
            new Leaf("refused", "inquiry_matters", "（三）不予公开 8.属于行政查询事项", 1),
            new Leaf("unable", "not_held", "（四）无法提供 1.本机关不掌握相关政府信息", 15),
            new Leaf("unable", "needs_creation", "（四）无法提供 2.没有现成信息需要另行制作", 3),
            new Leaf("unable", "still_unclear", "（四）无法提供 3.补正后申请内容仍不明确", 2),
            new Leaf("not_processed", "complaints", "（五）不予处理 1.信访举报投诉类申请", 4),
            new Leaf("not_processed", "repeated", "（五）不予处理 2.重复申请", 3),
            new Leaf("not_processed", "publications", "（五）不予处理 3.要求提供公开出版物", 1),
            new Leaf("not_processed", "excessive", "（五）不予处理 4.无正当理由大量反复申请", 1),
            new Leaf("not_processed", "confirmation", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", 1),
            new Leaf("other", "no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正", 3),
            new Leaf("other", "unpaid_fees", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", 1),
            new Leaf("other", "other", "（六）其他处理 3.其他", 4));

    static final String[] REVIEW_ROWS = {"行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"};
    static final String[] SECTIONS = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

    static final String[] DEPARTMENTS = {"人民政府办公室", "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局",
        "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
        "交通运输局", "水利局", "农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局",
        "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局"};

    /** One report's numbers; arrays by applicant column (six), totals are computed when written. */
    record Report(String agencyId, String agencyName, int year, LocalDate published,
                  int[] fresh, int[] carriedOver, int[][] results, int[] carriedForward,
                  int[][] review, int[][] item1, int licensing, int punishment, int coercion, String fees,
                  boolean attachments) {
        int total(int[] row) {
            int sum = 0;
            for (int v : row) {
                sum += v;
            }
            return sum;
        }

        int resultsTotal(int column) {
            int sum = 0;
            for (int[] leaf : results) {
                sum += leaf[column];
            }
            return sum;
        }

        int groupTotal(String group) {
            int sum = 0;
            for (int i = 0; i < LEAVES.size(); i++) {
                Leaf leaf = LEAVES.get(i);
                if (group.equals(leaf.group() == null ? leaf.key() : leaf.group())) {
                    sum += total(results[i]);
                }
            }
            return sum;
        }
    }

    private final Path out;
    private final int agencies;
    private final int years;
    private final long seed;
    private final String pluginVersion;

    CorpusGenerator(Path out, int agencies, int years, long seed, String pluginVersion) {
        this.out = out;
        this.agencies = agencies;
        this.years = years;
        this.seed = seed;
        this.pluginVersion = pluginVersion;
    }

    public static void main(String[] args) throws IOException {
        int reports = 2000;
        int years = 4;
        long seed = 12;
        Path out = null;
        Path change = null;
        String version = "0.1.0-SNAPSHOT";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reports" -> reports = Integer.parseInt(args[++i]);
                case "--years" -> years = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--plugin-version" -> version = args[++i];
                case "--change" -> change = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]
                        + "\nusage: CorpusGenerator --reports N [--years 4] [--seed 12] [--plugin-version V] --out DIR"
                        + "\n       CorpusGenerator --change DIR");
            }
        }
        if (change != null) {
            System.out.println(changeOneNumber(change));
            return;
        }
        if (out == null || reports < years || years < 1) {
            throw new IllegalArgumentException("--out DIR is required, and --reports at least --years");
        }
        int agencies = reports / years;
        new CorpusGenerator(out, agencies, years, seed, version).write();
        System.out.printf(Locale.ROOT, "%d reports (%d agencies × %d years, %d–%d) in %s%n", agencies * years,
                agencies, years, FIRST_YEAR, FIRST_YEAR + years - 1, out);
    }

    void write() throws IOException {
        Path portal = out.resolve("govsite");
        Path source = portal.resolve("src/govsite");
        Path hugo = out.resolve("hugo");
        Files.createDirectories(source.resolve("reports"));
        Files.createDirectories(hugo.resolve("content/agencies"));
        write(portal.resolve("pom.xml"), resource("portal-pom.xml").replace("@VERSION@", pluginVersion));
        write(out.resolve("empty/pom.xml"), resource("empty-pom.xml"));
        write(source.resolve("site.yaml"), """
                title: 示例省政府信息公开工作年度报告（基准测试）
                groups:
                  - {key: office, label: 政府办公室}
                  - {key: department, label: 部门}
                  - {key: township, label: 乡镇/街道}
                """);
        write(hugo.resolve("config.toml"), resource("hugo/config.toml"));
        for (String layout : List.of("_default/baseof.html", "_default/single.html", "_default/list.html",
                "_default/terms.html", "_default/term.html")) {
            write(hugo.resolve("layouts/" + layout), resource("hugo/layouts/" + layout.replace('/', '-')));
        }
        write(hugo.resolve("static/css/site.css"), resource("hugo/site.css"));
        byte[] pdf = pdf();
        byte[] png = png();
        for (int a = 0; a < agencies; a++) {
            String id = String.format(Locale.ROOT, "a%05d", a);
            String name = agencyName(a);
            String kind = a % 25 == 0 ? "government" : a % 5 == 4 ? "township" : "department";
            String group = a % 25 == 0 ? "office" : a % 5 == 4 ? "township" : "department";
            Path agencyDir = source.resolve("reports").resolve(id);
            write(agencyDir.resolve("agency.yaml"), String.format(Locale.ROOT,
                    "name: %s\nkind: %s\ngroup: %s\norder: %d\n", name, kind, group, a));
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + a);
            Report previous = null;
            for (int y = FIRST_YEAR; y < FIRST_YEAR + years; y++) {
                Report report = report(random, id, name, y, previous, (a + y) % 10 == 0);
                Narrative narrative = new Narrative(random.nextLong(), report);
                Path dir = agencyDir.resolve(String.valueOf(y));
                write(dir.resolve("report.yaml"), yaml(report));
                write(dir.resolve("report.md"), narrative.markdown(null));
                Path bundle = hugo.resolve("content/agencies").resolve(id).resolve(String.valueOf(y));
                write(bundle.resolve("index.md"), hugoFrontMatter(report) + narrative.markdown(report));
                if (report.attachments()) {
                    for (Path target : List.of(dir, bundle)) {
                        Files.createDirectories(target.resolve("img"));
                        Files.write(target.resolve("附件1.pdf"), pdf);
                        Files.write(target.resolve("img/chart.png"), png);
                    }
                }
                previous = report;
            }
        }
        write(out.resolve("corpus.properties"), String.format(Locale.ROOT, """
                reports=%d
                agencies=%d
                years=%d-%d
                seed=%d
                plugin.version=%s
                change.report=govsite/src/govsite/reports/%s/%d/report.yaml
                change.hugo=hugo/content/agencies/%s/%d/index.md
                """, agencies * years, agencies, FIRST_YEAR, FIRST_YEAR + years - 1, seed, pluginVersion,
                changedAgency(agencies), FIRST_YEAR + years - 1, changedAgency(agencies), FIRST_YEAR + years - 1));
    }

    static String changedAgency(int agencies) {
        return String.format(Locale.ROOT, "a%05d", agencies / 2 == 0 ? 1 : agencies / 2 + 1);
    }

    static String agencyName(int a) {
        int district = a / DEPARTMENTS.length + 1;
        String place = String.format(Locale.ROOT, "示例市第%d区", district);
        if (a % 25 == 0) {
            return place + "人民政府";
        }
        if (a % 5 == 4) {
            return place + "第" + (a % DEPARTMENTS.length) + "街道办事处";
        }
        return place + DEPARTMENTS[a % DEPARTMENTS.length];
    }

    /** A report whose tables add up (R1–R4) and carry over from {@code previous} (R5, R6). */
    static Report report(SplittableRandom r, String id, String name, int year, Report previous, boolean attachments) {
        int[] fresh = new int[6];
        int[] carriedOver = new int[6];
        int[] carriedForward = new int[6];
        int[][] results = new int[LEAVES.size()][6];
        int weights = LEAVES.stream().mapToInt(Leaf::weight).sum();
        int[] scale = {40, 8, 2, 2, 3, 3};
        for (int c = 0; c < 6; c++) {
            fresh[c] = r.nextInt(scale[c] + 1) * (c == 0 || r.nextInt(3) == 0 ? 1 : 0);
            carriedOver[c] = previous == null ? (c == 0 ? r.nextInt(3) : 0) : previous.carriedForward()[c];
            int available = fresh[c] + carriedOver[c];
            carriedForward[c] = Math.min(available, r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0);
            for (int n = available - carriedForward[c]; n > 0; n--) {
                int pick = r.nextInt(weights);
                int i = 0;
                while (pick >= LEAVES.get(i).weight()) {
                    pick -= LEAVES.get(i).weight();
                    i++;
                }
                results[i][c]++;
            }
        }
        int[][] review = new int[3][4];
        for (int[] row : review) {
            if (r.nextInt(4) == 0) {
                row[0] = r.nextInt(3);
                row[1] = r.nextInt(5) == 0 ? 1 : 0;
                row[2] = r.nextInt(4) == 0 ? 1 : 0;
                row[3] = r.nextInt(3) == 0 ? 1 : 0;
            }
        }
        int[][] item1 = new int[2][3];
        for (int row = 0; row < 2; row++) {
            int before = previous == null ? r.nextInt(row == 0 ? 3 : 30) : previous.item1()[row][2];
            int issued = r.nextInt(row == 0 ? 2 : 6);
            int repealed = r.nextInt(Math.min(before + issued, row == 0 ? 1 : 4) + 1);
            item1[row] = new int[] {issued, repealed, before + issued - repealed};
        }
        String fees = r.nextInt(10) == 0 ? String.format(Locale.ROOT, "%d.%d", r.nextInt(20), r.nextInt(10)) : "0";
        return new Report(id, name, year, LocalDate.of(year + 1, 1, 8 + r.nextInt(20)), fresh, carriedOver, results,
                carriedForward, review, item1, r.nextInt(3000), r.nextInt(300), r.nextInt(20), fees, attachments);
    }

    static String yaml(Report report) {
        StringBuilder y = new StringBuilder(4096);
        y.append("year: ").append(report.year()).append('\n');
        y.append("format: \"2021\"\n");
        y.append("published: ").append(report.published()).append('\n');
        y.append("tables:\n  active:\n    item1:\n");
        y.append(String.format(Locale.ROOT, "      regulations:         {issued: %d, repealed: %d, in_force: %d}%n",
                report.item1()[0][0], report.item1()[0][1], report.item1()[0][2]));
        y.append(String.format(Locale.ROOT, "      normative_documents: {issued: %d, repealed: %d, in_force: %d}%n",
                report.item1()[1][0], report.item1()[1][1], report.item1()[1][2]));
        y.append("    item5:\n      licensing: {decisions: ").append(report.licensing()).append("}\n");
        y.append("    item6:\n      punishment: {decisions: ").append(report.punishment()).append("}\n");
        y.append("      coercion:   {decisions: ").append(report.coercion()).append("}\n");
        y.append("    item8:\n      fees: {amount: ").append(report.fees()).append("}\n");
        y.append("  applications:\n");
        y.append("    new:          ").append(row(report.fresh())).append('\n');
        y.append("    carried_over: ").append(row(report.carriedOver())).append('\n');
        y.append("    results:\n");
        String group = null;
        for (int i = 0; i < LEAVES.size(); i++) {
            Leaf leaf = LEAVES.get(i);
            if (leaf.group() == null) {
                y.append("      ").append(leaf.key()).append(": ").append(row(report.results()[i])).append('\n');
                continue;
            }
            if (!leaf.group().equals(group)) {
                group = leaf.group();
                y.append("      ").append(group).append(":\n");
            }
            y.append("        ").append(leaf.key()).append(": ").append(row(report.results()[i])).append('\n');
        }
        int[] total = new int[6];
        for (int c = 0; c < 6; c++) {
            total[c] = report.resultsTotal(c);
        }
        y.append("      total: ").append(row(total)).append('\n');
        y.append("    carried_forward: ").append(row(report.carriedForward())).append('\n');
        y.append("  review_litigation:\n");
        y.append("    review: ").append(row(report.review()[0])).append('\n');
        y.append("    litigation:\n");
        y.append("      direct:       ").append(row(report.review()[1])).append('\n');
        y.append("      after_review: ").append(row(report.review()[2])).append('\n');
        return y.toString();
    }

    /** A flow sequence with its total as the last value. */
    static String row(int[] values) {
        StringBuilder s = new StringBuilder("[");
        int sum = 0;
        for (int v : values) {
            s.append(v).append(", ");
            sum += v;
        }
        return s.append(sum).append(']').toString();
    }

    static String hugoFrontMatter(Report report) {
        int litigation = report.total(report.review()[1]) + report.total(report.review()[2]);
        return String.format(Locale.ROOT, """
                ---
                title: "%s%d年政府信息公开工作年度报告"
                date: %s
                agency: ["%s"]
                year: ["%d"]
                figures: {new: %d, granted: %d, refused: %d, unable: %d, review: %d, litigation: %d, corrected: %d}
                ---

                """, report.agencyName(), report.year(), report.published(), report.agencyName(), report.year(),
                report.total(report.fresh()), report.groupTotal("granted"), report.groupTotal("refused"),
                report.groupTotal("unable"), report.total(report.review()[0]), litigation, report.review()[0][1]);
    }

    /** Tables 二, 三 and 四 as Markdown tables, for Hugo. */
    static String table(Report report, int section) {
        StringBuilder t = new StringBuilder(4096);
        switch (section) {
            case 2 -> {
                t.append("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---:|---:|---:|\n");
                String[] labels = {"规章", "行政规范性文件"};
                for (int row = 0; row < 2; row++) {
                    t.append("| ").append(labels[row]);
                    for (int v : report.item1()[row]) {
                        t.append(" | ").append(v);
                    }
                    t.append(" |\n");
                }
                t.append("\n| 信息内容 | 本年处理决定数量 |\n|---|---:|\n");
                t.append("| 行政许可 | ").append(report.licensing()).append(" |\n");
                t.append("| 行政处罚 | ").append(report.punishment()).append(" |\n");
                t.append("| 行政强制 | ").append(report.coercion()).append(" |\n");
                t.append("\n| 信息内容 | 本年收费金额（单位：万元） |\n|---|---:|\n");
                t.append("| 行政事业性收费 | ").append(report.fees()).append(" |\n");
            }
            case 3 -> {
                t.append("| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和");
                for (String label : APPLICANT_LABELS) {
                    t.append(" | ").append(label);
                }
                t.append(" | 总计 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
                tableRow(t, "一、本年新收政府信息公开申请数量", report.fresh());
                tableRow(t, "二、上年结转政府信息公开申请数量", report.carriedOver());
                for (int i = 0; i < LEAVES.size(); i++) {
                    tableRow(t, "三、本年度办理结果 " + LEAVES.get(i).label(), report.results()[i]);
                }
                int[] total = new int[6];
                for (int c = 0; c < 6; c++) {
                    total[c] = report.resultsTotal(c);
                }
                tableRow(t, "三、本年度办理结果 （七）总计", total);
                tableRow(t, "四、结转下年度继续办理", report.carriedForward());
            }
            case 4 -> {
                t.append("| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---:|---:|---:|---:|---:|\n");
                for (int row = 0; row < 3; row++) {
                    tableRow(t, REVIEW_ROWS[row], report.review()[row]);
                }
            }
            default -> throw new IllegalArgumentException("no table in section " + section);
        }
        return t.append('\n').toString();
    }

    private static void tableRow(StringBuilder t, String label, int[] values) {
        t.append("| ").append(label);
        int sum = 0;
        for (int v : values) {
            t.append(" | ").append(v);
            sum += v;
        }
        t.append(" | ").append(sum).append(" |\n");
    }

    /** Adds 1 to 行政许可's 本年处理决定数量 of one report, in the portal and in the Hugo site. */
    static String changeOneNumber(Path dir) throws IOException {
        Properties corpus = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("corpus.properties"), StandardCharsets.UTF_8)) {
            corpus.load(in);
        }
        Path yaml = dir.resolve(corpus.getProperty("change.report"));
        Path hugo = dir.resolve(corpus.getProperty("change.hugo"));
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        var m = Pattern.compile("licensing: \\{decisions: (\\d+)}").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no licensing row in " + yaml);
        }
        int before = Integer.parseInt(m.group(1));
        write(yaml, text.replace(m.group(), "licensing: {decisions: " + (before + 1) + "}"));
        String changed = "changed 行政许可 " + before + " → " + (before + 1) + " in " + yaml;
        if (!Files.exists(hugo)) {
            return changed + " (no Hugo copy of this corpus: " + hugo + ")";
        }
        write(hugo, Files.readString(hugo, StandardCharsets.UTF_8)
                .replace("| 行政许可 | " + before + " |", "| 行政许可 | " + (before + 1) + " |"));
        return changed + " and in " + hugo;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small but well-formed one-page PDF, padded to about 2 KB. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                + "%" + "0".repeat(1800) + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 1×1 grey PNG. */
    static byte[] png() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==");
    }

    /** The six sections, about 3,000 CJK characters, varied per report, with the R8 statements true to the tables. */
    static final class Narrative {
        private static final String[] SUBJECTS = {"我单位", "本机关", "各科室", "办公室", "信息公开工作领导小组",
            "政务公开专班", "各股室", "机关各部门", "分管领导", "政务公开工作人员"};
        private static final String[] ACTIONS = {"认真贯彻落实", "严格执行", "持续深化", "扎实推进", "全面落实",
            "不断完善", "进一步规范", "积极探索", "系统梳理", "统筹推进"};
        private static final String[] OBJECTS = {"《中华人民共和国政府信息公开条例》", "年度政务公开工作要点",
            "主动公开基本目录", "依申请公开办理流程", "政策解读工作机制", "政府信息管理制度", "政务新媒体管理办法",
            "信息发布保密审查制度", "公开属性源头认定机制", "政府网站集约化建设要求", "基层政务公开标准目录",
            "重大行政决策预公开制度", "政务公开考核评议办法"};
        private static final String[] PURPOSES = {"切实保障人民群众的知情权、参与权、表达权和监督权",
            "不断提升政务公开的质量和实效", "推动政务公开工作规范化、标准化", "增强政府工作的透明度和公信力",
            "更好地服务经济社会高质量发展", "为群众办事创业提供便利", "营造公开透明的营商环境",
            "让权力在阳光下运行", "及时回应社会关切", "提高政策知晓度和执行力"};
        private static final String[] DETAILS = {"全年通过门户网站发布各类信息%d条", "通过政务新媒体推送信息%d条",
            "组织开展业务培训%d场次，参训人员%d人次", "召开新闻发布会%d场", "发布政策解读材料%d篇",
            "更新主动公开目录%d项", "办理网民留言%d条", "开展专项检查%d次", "收集意见建议%d条",
            "清理过期失效内容%d条，修正错误链接%d处"};
        private static final String[] SUBHEADINGS_ONE = {"（一）主动公开", "（二）依申请公开", "（三）政府信息管理",
            "（四）政府信息公开平台建设", "（五）监督保障"};
        private static final String[] PROBLEMS = {"公开内容的全面性和及时性还有差距", "政策解读的形式不够丰富",
            "基层工作人员业务能力有待加强", "信息发布的审核流程仍需规范", "公众参与的渠道有待拓宽",
            "政务新媒体的互动性不强"};

        private final long seed;
        private final Report report;
        private SplittableRandom r;

        Narrative(long seed, Report report) {
            this.seed = seed;
            this.report = report;
        }

        /**
         * The narrative, the same text on every call; with {@code tables}, the Markdown tables follow the text of
         * sections 二, 三 and 四.
         */
        String markdown(Report tables) {
            r = new SplittableRandom(seed);
            StringBuilder md = new StringBuilder(12_000);
            int y = report.year();
            md.append("## ").append(SECTIONS[0]).append("\n\n");
            md.append("本报告所列数据的统计期限自").append(y).append("年1月1日起至").append(y)
                    .append("年12月31日止。").append(sentences(160)).append("\n\n");
            for (String heading : SUBHEADINGS_ONE) {
                md.append("### ").append(heading).append("\n\n");
                for (int p = 1; p <= 2; p++) {
                    md.append(p).append(". ").append(sentences(120)).append("\n\n");
                }
            }
            md.append("## ").append(SECTIONS[1]).append("\n\n").append(sentences(180)).append("\n\n");
            if (tables != null) {
                md.append(table(tables, 2));
            }
            int litigation = report.total(report.review()[1]) + report.total(report.review()[2]);
            md.append("## ").append(SECTIONS[2]).append("\n\n")
                    .append("本年度新收政府信息公开申请").append(report.total(report.fresh()))
                    .append("件，上年结转政府信息公开申请").append(report.total(report.carriedOver()))
                    .append("件。其中予以公开").append(report.groupTotal("granted"))
                    .append("件，不予公开").append(report.groupTotal("refused"))
                    .append("件，无法提供").append(report.groupTotal("unable"))
                    .append("件；结转下年度继续办理").append(report.total(report.carriedForward())).append("件。")
                    .append(sentences(200)).append("\n\n");
            if (tables != null) {
                md.append(table(tables, 3));
            }
            md.append("## ").append(SECTIONS[3]).append("\n\n")
                    .append("本年度发生政府信息公开行政复议").append(report.total(report.review()[0]))
                    .append("件，行政诉讼").append(litigation).append("件。").append(sentences(120)).append("\n\n");
            if (tables != null) {
                md.append(table(tables, 4));
            }
            md.append("## ").append(SECTIONS[4]).append("\n\n**（一）存在的主要问题**\n\n");
            for (int i = 1; i <= 3; i++) {
                md.append(i).append(". ").append(PROBLEMS[r.nextInt(PROBLEMS.length)]).append("。")
                        .append(sentences(60)).append("\n\n");
            }
            md.append("**（二）改进情况**\n\n").append(sentences(260)).append("\n\n");
            md.append("## ").append(SECTIONS[5]).append("\n\n").append(sentences(160)).append("\n\n");
            if (report.attachments()) {
                md.append("本年度工作情况统计见[附件1](附件1.pdf)。\n\n![图表：申请办理情况](img/chart.png)\n");
            }
            return md.toString();
        }

        /** Sentences until about {@code han} CJK characters; never a statement that R8 reads. */
        private String sentences(int han) {
            StringBuilder s = new StringBuilder(han * 2);
            int count = 0;
            while (count < han) {
                String sentence = switch (r.nextInt(3)) {
                    case 0 -> pick(SUBJECTS) + pick(ACTIONS) + pick(OBJECTS) + "，" + pick(PURPOSES) + "。";
                    case 1 -> String.format(Locale.ROOT, pick(DETAILS), 10 + r.nextInt(900), 10 + r.nextInt(90))
                            + "，" + pick(PURPOSES) + "。";
                    default -> pick(SUBJECTS) + pick(ACTIONS) + pick(OBJECTS) + "，"
                            + String.format(Locale.ROOT, pick(DETAILS), 10 + r.nextInt(900), 10 + r.nextInt(90))
                            + "，" + pick(PURPOSES) + "。";
                };
                s.append(sentence);
                count += han(sentence);
            }
            return s.toString();
        }

        private String pick(String[] words) {
            return words[r.nextInt(words.length)];
        }

        static int han(String text) {
            return (int) text.codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        }
    }
}
