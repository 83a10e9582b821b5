package org.govsite.output;

/** Where each page lives in the output, relative to the site root. Every link names its file, for file://. */
public final class Paths {
    public static final String INDEX = "index.html";
    public static final String STYLESHEET = "assets/govsite.css";
    /** The open data page, the whole archive as one dataset, and the JSON Schema of report.yaml. */
    public static final String DATA = "data/index.html";
    public static final String DATASET = "data/govsite-reports.csv";
    public static final String SCHEMA = "data/report.schema.json";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ATOM = "atom.xml";
    public static final String ROBOTS = "robots.txt";
    public static final String NOT_FOUND = "404.html";
    /** The search page, its script (loaded by that page only) and the folder of its index (output.search). */
    public static final String SEARCH = "search.html";
    public static final String SEARCH_SCRIPT = "assets/govsite-search.js";
    public static final String SEARCH_DATA = "search/";

    private Paths() {
    }

    public static String agency(String agencyId) {
        return "agencies/" + agencyId + "/index.html";
    }

    public static String report(String agencyId, int year) {
        return "agencies/" + agencyId + "/" + year + ".html";
    }

    /** A report's tables as JSON ({@code ext} "json") or CSV ("csv"), beside its page. */
    public static String reportData(String agencyId, int year, String ext) {
        return "agencies/" + agencyId + "/" + year + "." + ext;
    }

    /**
     * The folder, relative to a report's page, where the files of its source folder are published:
     * {@code agencies/<id>/2024/}.
     */
    public static String attachmentFolder(int year) {
        return year + "/";
    }

    /** Where an attachment of a report is published, relative to the site root. */
    public static String attachment(String agencyId, int year, String relative) {
        return "agencies/" + agencyId + "/" + attachmentFolder(year) + relative;
    }

    public static String year(int year) {
        return "years/" + year + ".html";
    }
}
