package org.govsite.model;

import com.vladsch.flexmark.util.ast.Document;

import java.util.List;

/**
 * A report's narrative: its Markdown source, parsed once, and its level-2 headings (the official sections).
 * The document is read, never changed, after loading.
 */
public record Narrative(String markdown, Document document, List<SectionHeading> headings) {
    public Narrative {
        headings = List.copyOf(headings);
    }

    /**
     * A level-2 heading of the narrative.
     *
     * @param numeral the leading Chinese numeral 一…六, or empty when the heading has none
     * @param line    1-based line in report.md
     */
    public record SectionHeading(String title, String numeral, int line) {
        /** The leading numeral of a section title such as 一、总体情况, or empty. */
        public static String numeralOf(String title) {
            return title.length() > 1 && "一二三四五六七八九十".indexOf(title.charAt(0)) >= 0
                    && "、．.".indexOf(title.charAt(1)) >= 0 ? title.substring(0, 1) : "";
        }

        public int number() {
            return "一二三四五六七八九十".indexOf(numeral) + 1;
        }
    }
}
