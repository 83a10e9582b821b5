package org.govsite.output.search;

import java.util.List;

/**
 * What the search index keeps of one published report.
 *
 * @param url        its page, relative to the site root
 * @param title      its title
 * @param agencyName the agency's name
 * @param group      the key of the agency's group in site.yaml, or empty
 * @param year       the report year
 * @param text       the narrative as plain text, one block per line
 * @param figures    its key figures, each as "label：value"
 */
public record SearchEntry(String url, String title, String agencyName, String group, int year, String text,
                          List<String> figures) {
    public SearchEntry {
        figures = List.copyOf(figures);
    }

    /** The text a reader sees in a snippet: the narrative, then the key figures. */
    String body() {
        if (figures.isEmpty()) {
            return text;
        }
        return text + "\n主要数据：" + String.join("；", figures);
    }
}
