package org.govsite.check;

import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Narrative;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R9: the six sections, numbered 一…六, present and in order. Titles may be worded differently from the format's;
 * the numbering and the order are fixed.
 */
final class SectionRule {
    private static final String NUMERALS = "一二三四五六";

    /**
     * A line that is a section's title but not a level-2 heading: 一、总体情况 alone on its line, perhaps bold, after
     * a heading mark of another level, or with a trailing colon; short, and not a sentence.
     */
    private static final Pattern PASTED = Pattern.compile(
            "[ \u3000]*(?:#{1}|#{3,6})?[ \u3000]*(?:\\*\\*)?([一二三四五六]、[^。；;|#*]{1,30}?)(?:\\*\\*)?[：:]?[ \u3000]*");

    private SectionRule() {
    }

    /** 1–6 for a section heading, 0 for a heading without a leading numeral. */
    private static int number(Narrative.SectionHeading h) {
        return h.numeral().isEmpty() ? 0 : h.number();
    }

    static void check(Report report, FormatDefinition format, FileDiagnostics markdown) {
        List<String> titles = format == null ? FormatCatalog.standardSections() : format.sections();
        List<Narrative.SectionHeading> headings = report.narrative().headings();
        Set<Integer> present = new HashSet<>();
        headings.forEach(h -> present.add(number(h)));
        int expected = 1;
        int last = 0;
        for (Narrative.SectionHeading h : headings) {
            int n = number(h);
            if (n < 1 || n > 6) {
                markdown.report(Rule.R9, h.line(), 1, Message.of("R9.extra", h.title()));
                continue;
            }
            if (n < expected) {
                markdown.report(Rule.R9, h.line(), 1, Message.of("R9.order", h.numeral(), h.title(), NUMERALS.charAt(last - 1)));
                continue;
            }
            // a section that comes later, out of order, is reported there, not as missing here
            while (expected < n) {
                if (!present.contains(expected)) {
                    missing(report, titles, expected, h.line(), markdown);
                }
                expected++;
            }
            expected = n + 1;
            last = n;
        }
        int end = Math.max(1, (int) report.narrative().markdown().lines().count());
        while (expected <= 6) {
            if (!present.contains(expected)) {
                missing(report, titles, expected, end, markdown);
            }
            expected++;
        }
    }

    /**
     * A section that has no level-2 heading: where its title stands as a plain line (pasted from Word without
     * {@code ##}, or as another level of heading) between the sections before and after it, one finding at that line
     * saying how to make it the heading; else missing, at {@code line}.
     */
    private static void missing(Report report, List<String> titles, int section, int line, FileDiagnostics markdown) {
        char numeral = NUMERALS.charAt(section - 1);
        String[] lines = report.narrative().markdown().split("\n", -1);
        int from = 0;
        int to = lines.length;
        for (Narrative.SectionHeading h : report.narrative().headings()) {
            int n = number(h);
            if (n >= 1 && n < section) {
                from = Math.max(from, h.line());
            } else if (n > section && n <= 6) {
                to = Math.min(to, h.line() - 1);
            }
        }
        for (int i = from; i < to; i++) {
            Matcher m = PASTED.matcher(lines[i]);
            if (m.matches() && m.group(1).charAt(0) == numeral) {
                markdown.report(Rule.R9, i + 1, 1, Message.of("R9.notHeading", m.group(1)));
                return;
            }
        }
        markdown.report(Rule.R9, line, 1, Message.of("R9.missing", numeral, titles.get(section - 1)));
    }
}
