package org.govsite.diagnostics;

import java.util.Locale;

/**
 * Every stable rule code a finding can carry, with its severity. R1–R10 are the rules of the formats; the other codes
 * are input errors. The meaning of each code never changes once published.
 */
public enum Rule {
    R1(Severity.ERROR, "一 + 二 = 三（七）总计 + 四", "new + carried over = total handled + carried forward"),
    R2(Severity.ERROR, "总计 = 各类申请人之和", "total = sum of applicant kinds"),
    R3(Severity.ERROR, "（七）总计 = 各办理结果之和", "total handled = sum of outcomes"),
    R4(Severity.ERROR, "总计 = 维持 + 纠正 + 其他 + 尚未审结", "total = upheld + corrected + other + pending"),
    R5(Severity.ERROR, "上年结转 = 上一年度结转下年度继续办理", "carried over = last year's carried forward"),
    R6(Severity.WARNING, "现行有效件数 = 上年现行有效 + 本年制发 − 本年废止", "in force = last year + issued − repealed"),
    R7(Severity.ERROR, "数值类型", "value kind"),
    R8(Severity.WARNING, "正文数字与表格一致", "narrative numbers match the tables"),
    R9(Severity.ERROR, "六个部分齐全且顺序正确", "all six sections, in order"),
    R10(Severity.WARNING, "按期发布", "published by the deadline"),
    /** YAML syntax error. */
    Y1(Severity.ERROR, "YAML 语法", "YAML syntax"),
    /** The same key twice in one mapping. */
    Y2(Severity.ERROR, "重复的键", "duplicate key"),
    /** A key the format does not know. */
    Y3(Severity.ERROR, "未知的键", "unknown key"),
    /** A cell, row or table that is missing or blank. */
    Y4(Severity.ERROR, "缺少数据", "missing value"),
    /** A file that is not UTF-8. */
    Y5(Severity.ERROR, "文件编码", "file encoding"),
    /** Metadata missing or invalid: agency.yaml, report.yaml fields, format, folder names. */
    M1(Severity.ERROR, "元数据", "metadata"),
    /** A folder's year that disagrees with the report's metadata. */
    M2(Severity.ERROR, "年份不一致", "year mismatch"),
    /** A link, fragment or asset reference in the generated site that points nowhere. */
    L1(Severity.ERROR, "站内链接", "internal link"),
    /** A build parameter that leaves an output out (no baseUrl: no sitemap.xml, no atom.xml). */
    P1(Severity.INFO, "构建参数", "build parameter");

    private final Severity severity;
    private final String chinese;
    private final String english;

    Rule(Severity severity, String chinese, String english) {
        this.severity = severity;
        this.chinese = chinese;
        this.english = english;
    }

    public Severity severity() {
        return severity;
    }

    public String title(Locale locale) {
        return Language.isEnglish(locale) ? english : chinese;
    }
}
