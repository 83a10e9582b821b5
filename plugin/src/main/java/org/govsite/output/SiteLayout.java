package org.govsite.output;

import org.govsite.check.LinkTargets;
import org.govsite.format.TableDef;
import org.govsite.model.Report;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The site's layout as the check stage sees it, before anything is written: which files the site will hold (see
 * {@link Paths}) and which anchors its pages carry. A narrative link is resolved from its report's page, as a
 * browser would; a link to one of the report's own attachments reaches its published copy.
 *
 * <p>Anchors that a narrative may name: on a report page {@code main-content}, the sections {@code s1}…{@code s6}
 * and each official table ({@code t2}, {@code t2-caption} …); on the home page {@code main-content},
 * {@code latest}, {@code by-year}, {@code by-agency}, {@code open-data}; on every other page {@code main-content}.
 * Immutable, shared by every thread.
 */
public final class SiteLayout implements LinkTargets {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern REPORT_FILE = Pattern.compile("agencies/([a-z0-9][a-z0-9-]*)/([0-9]{4})\\.(html|csv|json)");
    private static final Pattern AGENCY_PAGE = Pattern.compile("agencies/([a-z0-9][a-z0-9-]*)/index\\.html");
    private static final Pattern YEAR_PAGE = Pattern.compile("years/([0-9]{4})\\.html");
    private static final Set<String> INDEX_IDS = Set.of("main-content", "latest", "by-year", "by-agency",
            "open-data");

    private final Map<String, Set<Integer>> reports;
    private final Set<String> files;

    /**
     * @param reports the report folders of the source, by agency id: the reports that may be published
     * @param assets  the files published under assets/ (the plugin's and the theme's), relative to assets/
     * @param feeds   whether sitemap.xml and atom.xml are written (a baseUrl is set)
     */
    public SiteLayout(Map<String, Set<Integer>> reports, List<String> assets, boolean feeds) {
        this.reports = Map.copyOf(reports);
        Set<String> f = new HashSet<>(List.of(Paths.INDEX, Paths.DATA, Paths.DATASET, Paths.SCHEMA, Paths.ROBOTS,
                Paths.NOT_FOUND));
        if (feeds) {
            f.add(Paths.SITEMAP);
            f.add(Paths.ATOM);
        }
        assets.forEach(a -> f.add("assets/" + a));
        this.files = Set.copyOf(f);
    }

    @Override
    public Target resolve(Report report, List<String> attachments, String raw) {
        String link = raw.strip();
        if (link.isEmpty() || link.startsWith("//") || SCHEME.matcher(link).find()) {
            return Target.of(Kind.EXTERNAL);
        }
        String page = Paths.report(report.agency().id(), report.year());
        String fragment = "";
        String target = link;
        int hash = link.indexOf('#');
        if (hash >= 0) {
            fragment = decode(link.substring(hash + 1));
            target = link.substring(0, hash);
        }
        int query = target.indexOf('?');
        if (query >= 0) {
            target = target.substring(0, query);
        }
        if (target.isEmpty()) {
            return fragment.isEmpty() || reportIds(report).contains(fragment) ? Target.of(Kind.FOUND)
                    : new Target(Kind.MISSING_FRAGMENT, page, fragment, "", 0);
        }
        if (target.toLowerCase(Locale.ROOT).matches(".*%(2f|5c).*")) {
            // an encoded '/' or '\\' (..%2F..%2Findex.html): browsers keep it in the file name and find nothing
            return Target.of(Kind.MISSING);
        }
        String path = decode(target);
        String own = path;
        while (own.startsWith("./")) {
            own = own.substring(2);
        }
        if (attachments.contains(own)) {
            return Target.of(Kind.FOUND);
        }
        String resolved = normalise(path.startsWith("/") ? path.substring(1) : "agencies/" + report.agency().id()
                + "/" + path);
        if (resolved == null) {
            return Target.of(Kind.OUTSIDE);
        }
        if (resolved.isEmpty() || resolved.endsWith("/")) {
            resolved = resolved + "index.html";
        } else if (AGENCY_PAGE.matcher(resolved + "/index.html").matches() || resolved.equals("data")) {
            resolved = resolved + "/index.html";
        }
        String prefix = Paths.attachment(report.agency().id(), report.year(), "");
        if (resolved.startsWith(prefix) && attachments.contains(resolved.substring(prefix.length()))) {
            return Target.of(Kind.FOUND);
        }
        var m = REPORT_FILE.matcher(resolved);
        if (m.matches() && reports.getOrDefault(m.group(1), Set.of()).contains(Integer.parseInt(m.group(2)))) {
            String id = m.group(1);
            int year = Integer.parseInt(m.group(2));
            if (!fragment.isEmpty() && resolved.endsWith(".html") && !reportPageIds(fragment)) {
                return new Target(Kind.MISSING_FRAGMENT, resolved, fragment, "", 0);
            }
            if (id.equals(report.agency().id()) && year == report.year()) {
                return fragment.isEmpty() || !resolved.endsWith(".html") || reportIds(report).contains(fragment)
                        ? Target.of(Kind.FOUND) : new Target(Kind.MISSING_FRAGMENT, resolved, fragment, "", 0);
            }
            return new Target(Kind.REPORT, resolved, fragment, id, year);
        }
        var y = YEAR_PAGE.matcher(resolved);
        if (y.matches()) {
            if (!fragment.isEmpty() && !fragment.equals("main-content")) {
                return new Target(Kind.MISSING_FRAGMENT, resolved, fragment, "", 0);
            }
            return new Target(Kind.YEAR, resolved, fragment, "", Integer.parseInt(y.group(1)));
        }
        var a = AGENCY_PAGE.matcher(resolved);
        if ((a.matches() && reports.containsKey(a.group(1))) || files.contains(resolved)) {
            Set<String> ids = resolved.equals(Paths.INDEX) ? INDEX_IDS : Set.of("main-content");
            boolean html = resolved.endsWith(".html");
            return fragment.isEmpty() || !html || ids.contains(fragment) ? Target.of(Kind.FOUND)
                    : new Target(Kind.MISSING_FRAGMENT, resolved, fragment, "", 0);
        }
        return Target.of(Kind.MISSING);
    }

    /** The anchors of a report's page that a link may name. */
    private static Set<String> reportIds(Report report) {
        Set<String> ids = new HashSet<>(List.of("main-content", "s1", "s2", "s3", "s4", "s5", "s6"));
        report.format().ifPresent(f -> {
            for (TableDef t : f.tables()) {
                ids.add("t" + t.section());
                ids.add("t" + t.section() + "-caption");
            }
        });
        return ids;
    }

    /** Anchors of another report's page, whose format is not known here: its sections and its tables. */
    private static boolean reportPageIds(String fragment) {
        return fragment.matches("main-content|s[1-6]|t[1-6](-caption)?");
    }

    /** A '/'-separated path with "." and ".." resolved, or {@code null} when it leaves the site. */
    private static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.addLast(p);
            }
        }
        String out = String.join("/", parts);
        boolean folder = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..") || path.equals(".")
                || path.equals("..");
        return folder && !out.isEmpty() ? out + "/" : out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
