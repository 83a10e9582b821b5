package org.govsite.maven;

import org.govsite.pipeline.Import;

import java.util.ArrayList;
import java.util.List;

/** The summary table of an import: file, agency, year, format, cells read, blank cells, findings, result. */
final class ImportSummary {
    private ImportSummary() {
    }

    static List<String> table(Import.Result result, boolean english) {
        List<String[]> rows = new ArrayList<>();
        rows.add(english ? new String[]{"file", "agency", "year", "format", "cells", "blank", "findings", "result"}
                : new String[]{"文件", "机构", "年度", "格式", "读取单元格", "空白单元格", "问题", "结果"});
        for (Import.Outcome o : result.outcomes()) {
            rows.add(new String[]{o.file(), o.agency(), o.year(), o.format(), Long.toString(o.cells()),
                    Long.toString(o.blanks()), Integer.toString(o.findings().size()),
                    o.imported() ? (english ? "imported" : "已导入") : (english ? "not imported" : "未导入")});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], width(r[i]));
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(r[i]).append(" ".repeat(widths[i] - width(r[i]) + (i < r.length - 1 ? 2 : 0)));
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    /** Display width: a CJK character takes two columns. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
