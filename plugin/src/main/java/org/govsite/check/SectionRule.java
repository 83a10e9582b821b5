package org.govsite.check;

import org.govsite.format.FormatDefinition;
import org.govsite.model.Finding;
import org.govsite.model.Messages;
import org.govsite.model.Narrative;
import org.govsite.model.Report;
import org.govsite.model.Rule;

import java.util.List;
import java.util.function.Consumer;

/**
 * R9: the six sections, numbered 一…六, present and in order. Titles may be worded differently from the format's;
 * the numbering and the order are fixed.
 */
final class SectionRule {
    static final List<String> STANDARD = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");

    private SectionRule() {
    }

    static void check(Report report, FormatDefinition format, Messages messages, Consumer<Finding> findings) {
        List<String> titles = format == null ? STANDARD : format.sections();
        List<Narrative.SectionHeading> headings = report.narrative().headings();
        int expected = 1;
        for (Narrative.SectionHeading h : headings) {
            int n = h.number();
            if (n < 1 || n > 6) {
                findings.accept(Finding.of(Rule.R9, report.markdownPath(), h.line(), 1,
                        messages.text("R9.extra", h.title())));
                continue;
            }
            if (n < expected) {
                findings.accept(Finding.of(Rule.R9, report.markdownPath(), h.line(), 1,
                        messages.text("R9.order", h.numeral(), h.title(), "一二三四五六".charAt(expected - 2))));
                continue;
            }
            while (expected < n) {
                findings.accept(Finding.of(Rule.R9, report.markdownPath(), h.line(), 1,
                        messages.text("R9.missing", "一二三四五六".charAt(expected - 1), titles.get(expected - 1))));
                expected++;
            }
            expected = n + 1;
        }
        int end = report.narrative().markdown().split("\n", -1).length;
        while (expected <= 6) {
            findings.accept(Finding.of(Rule.R9, report.markdownPath(), end, 1,
                    messages.text("R9.missing", "一二三四五六".charAt(expected - 1), titles.get(expected - 1))));
            expected++;
        }
    }
}
