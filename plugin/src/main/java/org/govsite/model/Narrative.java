package org.govsite.model;

import java.util.List;

/**
 * A report's narrative: its Markdown source and its level-2 headings (the official sections). Values only: the
 * parsed Markdown stays with the stages that parse it.
 */
public record Narrative(String markdown, List<SectionHeading> headings) {
    public Narrative {
        headings = List.copyOf(headings);
    }

    /**
     * A level-2 heading of the narrative.
     *
     * @param numeral the leading Chinese numeral 一…六, or empty when the heading has none
     * @param pos     where it stands in report.md
     */
    public record SectionHeading(String title, String numeral, SourcePos pos) {
        public int line() {
            return pos.line();
        }

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
