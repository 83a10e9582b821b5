package org.govsite.diagnostics;

import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.FormatDefinitionException;
import org.govsite.format.RuleCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rule code a finding carries, with its severity and title. The equations' codes (R1–R6 in the official formats,
 * a portal's own codes in its format) come from the format definitions; the checker's own codes are the constants
 * here. The meaning of each code never changes once published.
 *
 * @param chinese its title in Chinese, as report pages show it
 * @param english its title in English
 */
public record Rule(String code, Severity severity, String chinese, String english) {
    public static final Rule R7 = new Rule("R7", Severity.ERROR, "数值类型", "value kind");
    public static final Rule R8 = new Rule("R8", Severity.WARNING, "正文数字与表格一致",
            "narrative numbers match the tables");
    public static final Rule R9 = new Rule("R9", Severity.ERROR, "六个部分齐全且顺序正确", "all six sections, in order");
    public static final Rule R10 = new Rule("R10", Severity.WARNING, "按期发布", "published by the deadline");
    /** YAML syntax error. */
    public static final Rule Y1 = new Rule("Y1", Severity.ERROR, "YAML 语法", "YAML syntax");
    /** The same key twice in one mapping. */
    public static final Rule Y2 = new Rule("Y2", Severity.ERROR, "重复的键", "duplicate key");
    /** A key the format does not know. */
    public static final Rule Y3 = new Rule("Y3", Severity.ERROR, "未知的键", "unknown key");
    /** A cell, row or table that is missing or blank. */
    public static final Rule Y4 = new Rule("Y4", Severity.ERROR, "缺少数据", "missing value");
    /** A file that is not UTF-8. */
    public static final Rule Y5 = new Rule("Y5", Severity.ERROR, "文件编码", "file encoding");
    /** Metadata missing or invalid: agency.yaml, report.yaml fields, format, folder names. */
    public static final Rule M1 = new Rule("M1", Severity.ERROR, "元数据", "metadata");
    /** A folder's year that disagrees with the report's metadata. */
    public static final Rule M2 = new Rule("M2", Severity.ERROR, "年份不一致", "year mismatch");
    /** A link, fragment or asset reference in the generated site that points nowhere. */
    public static final Rule L1 = new Rule("L1", Severity.ERROR, "站内链接", "internal link");
    /** A build parameter that leaves an output out (no baseUrl: no sitemap.xml, no atom.xml). */
    public static final Rule P1 = new Rule("P1", Severity.INFO, "构建参数", "build parameter");

    /** The source folder's Git history cannot be read: the pages show no revisions. */
    public static final Rule G1 = new Rule("G1", Severity.WARNING, "修订记录", "revision history");

    /** The importer's: what it cannot read or place without guessing (the file is not imported). */
    public static final Rule I1 = new Rule("I1", Severity.ERROR, "导入", "import");
    /** The importer's: what it changed in form only, and says so (full-width digits). */
    public static final Rule I2 = new Rule("I2", Severity.INFO, "导入时转换", "converted on import");

    /** The checker's own codes, in their published order. */
    public static final List<Rule> FIXED = List.of(R7, R8, R9, R10, Y1, Y2, Y3, Y4, Y5, M1, M2, L1, P1, G1);
    /** The importer's codes: not the checker's (a build never reports them), but no format may take them either. */
    public static final List<Rule> IMPORT = List.of(I1, I2);

    /**
     * The published order of codes: R1, R2 … R10 by number, then the checker's other codes as {@link #FIXED} lists
     * them, then the importer's ({@link #IMPORT}), then a portal's own codes by name.
     */
    public static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::rank)
            .thenComparingInt(Rule::number).thenComparing(Rule::code);

    private int rank() {
        if (digitsAfterR(code) > 0) {
            return 0;
        }
        int fixed = FIXED.indexOf(this);
        if (fixed >= 0) {
            return 1 + fixed;
        }
        int imported = IMPORT.indexOf(this);
        return imported >= 0 ? 1 + FIXED.size() + imported : 1 + FIXED.size() + IMPORT.size();
    }

    private int number() {
        int digits = digitsAfterR(code);
        return digits > 0 && digits <= 9 ? Integer.parseInt(code.substring(1)) : 0;
    }

    /** The number of digits after the R of a code "R" + digits, or 0 (findings are sorted often: no regex here). */
    private static int digitsAfterR(String code) {
        if (code.length() < 2 || code.charAt(0) != 'R') {
            return 0;
        }
        for (int i = 1; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return 0;
            }
        }
        return code.length() - 1;
    }

    public Severity severity() {
        return severity;
    }

    public String title(Locale locale) {
        return Language.isEnglish(locale) ? english : chinese;
    }

    /** A code a format defines. */
    public static Rule of(RuleCode code) {
        return new Rule(code.code(), Severity.valueOf(code.severity().toUpperCase(Locale.ROOT)), code.title(),
                code.titleEn());
    }

    /** The rule a format's equation carries: its code, as the format defines it. */
    public static Rule of(FormatDefinition format, String code) {
        return of(format.code(code).orElseThrow(() -> new IllegalStateException(format.id() + ": no code " + code)));
    }

    /** One of the checker's own codes. */
    public static Optional<Rule> fixed(String code) {
        return FIXED.stream().filter(r -> r.code.equals(code)).findFirst();
    }

    /** One of the codes no format may define: the checker's own and the importer's. */
    public static Optional<Rule> reserved(String code) {
        return fixed(code).or(() -> IMPORT.stream().filter(r -> r.code.equals(code)).findFirst());
    }

    /**
     * Every code a build can report: the checker's own and those of its formats, in {@link #ORDER}. A format may not
     * take one of the checker's codes, nor give a code another format also defines a different meaning.
     *
     * @throws FormatDefinitionException when a format's code clashes
     */
    public static List<Rule> known(FormatCatalog formats) {
        List<Rule> all = new ArrayList<>(FIXED);
        for (FormatDefinition f : formats.all()) {
            for (RuleCode c : f.codes()) {
                if (fixed(c.code()).isPresent()) {
                    throw new FormatDefinitionException(f.source(), c.line(), "rule code " + c.code()
                            + " is one of the checker's own codes: choose another");
                }
                if (reserved(c.code()).isPresent()) {
                    throw new FormatDefinitionException(f.source(), c.line(), "rule code " + c.code()
                            + " is one of the importer's codes: choose another");
                }
                Rule rule = of(c);
                Optional<Rule> same = all.stream().filter(r -> r.code.equals(c.code())).findFirst();
                if (same.isPresent() && !same.get().equals(rule)) {
                    throw new FormatDefinitionException(f.source(), c.line(), "rule code " + c.code()
                            + " has another severity or title in another format: a code has one meaning");
                } else if (same.isEmpty()) {
                    all.add(rule);
                }
            }
        }
        all.sort(ORDER);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return code;
    }
}
