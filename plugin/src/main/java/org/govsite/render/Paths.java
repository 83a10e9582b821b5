package org.govsite.render;

/** Where each page lives in the output, relative to the site root. Every link names its file, for file://. */
public final class Paths {
    public static final String INDEX = "index.html";
    public static final String STYLESHEET = "assets/govsite.css";

    private Paths() {
    }

    public static String agency(String agencyId) {
        return "agencies/" + agencyId + "/index.html";
    }

    public static String report(String agencyId, int year) {
        return "agencies/" + agencyId + "/" + year + ".html";
    }

    public static String year(int year) {
        return "years/" + year + ".html";
    }
}
