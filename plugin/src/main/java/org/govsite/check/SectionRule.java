package org.govsite.check;

import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Messages;
import org.govsite.model.Narrative;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * R9: the six sections, numbered 一…六, present and in order. Titles may be worded differently from the format's;
 * the numbering and the order are fixed.
 */
final class SectionRule {
    private static final String NUMERALS = "一二三四五六";

    private SectionRule() {
    }

    /** 1–6 for a section heading, 0 for a heading without a leading numeral. */
    private static int number(Narrative.SectionHeading h) {
        return h.numeral().isEmpty() ? 0 : h.number();
    }

    static void check(Report report, FormatDefinition format, Messages messages, Consumer<Finding> findings) {
        List<String> titles = format == null ? FormatCatalog.standardSections() : format.sections();
        List<Narrative.SectionHeading> headings = report.narrative().headings();
        Set<Integer> present = new HashSet<>();
        headings.forEach(h -> present.add(number(h)));
        int expected = 1;
        int last = 0;
        for (Narrative.SectionHeading h : headings) {
            int n = number(h);
            if (n < 1 || n > 6) {
                findings.accept(Finding.of(Rule.R9, report.markdownPath(), h.line(), 1,
                        messages.text("R9.extra", h.title())));
                continue;
            }
            if (n < expected) {
                findings.accept(Finding.of(Rule.R9, report.markdownPath(), h.line(), 1,
                        messages.text("R9.order", h.numeral(), h.title(), NUMERALS.charAt(last - 1))));
                continue;
            }
            // a section that comes later, out of order, is reported there, not as missing here
            while (expected < n) {
                if (!present.contains(expected)) {
                    findings.accept(Finding.of(Rule.R9, report.markdownPath(), h.line(), 1,
                            messages.text("R9.missing", NUMERALS.charAt(expected - 1), titles.get(expected - 1))));
                }
                expected++;
            }
            expected = n + 1;
            last = n;
        }
        String markdown = report.narrative().markdown();
        int end = Math.max(1, (int) markdown.lines().count());
        while (expected <= 6) {
            if (!present.contains(expected)) {
                findings.accept(Finding.of(Rule.R9, report.markdownPath(), end, 1,
                        messages.text("R9.missing", NUMERALS.charAt(expected - 1), titles.get(expected - 1))));
            }
            expected++;
        }
    }
}
