package org.govsite.output.write;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;
import org.govsite.load.Utf8Paths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks every internal link, fragment and asset reference of a generated site before it is published: each
 * {@code href} and {@code src} of every HTML page and each {@code url()} of every stylesheet must name a file of the
 * site, and each fragment an {@code id} (or {@code a name}) of its target page.
 *
 * <p>This is the pipeline's self-check, not a check of the input: narrative links are checked on report.md in the
 * check stage, and a broken link in a theme template is reported on the template ({@link ThemeLinks}). A broken
 * reference that neither explains is a fault of the plugin ({@link SiteSelfCheckException}).
 *
 * <p>Memory does not grow with the number of pages: fragments into other pages are collected per distinct target
 * and fragment (with the first page that uses them) and checked in a second pass over those targets only.
 */
public final class LinkChecker {
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Messages messages;
    private final String prefix;

    /**
     * @param prefix put before a page's path in findings (the output folder relative to the project, with '/')
     */
    public LinkChecker(Messages messages, String prefix) {
        this.messages = messages;
        this.prefix = prefix == null || prefix.isEmpty() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** A use of a fragment in another page, for the second pass. */
    private record Use(String page, int line, int column, String link) {
    }

    /** A reference found in a page: an href, a src or a CSS url(). */
    private record Link(String value, int line, int column) {
    }

    /** What one file holds for the check: its ids (HTML) and its references. */
    private record Scan(Path file, String page, Set<String> ids, List<Link> links) {
    }

    /** Files are read and parsed on all cores, a batch at a time; the checks then run in file order. */
    private static final int BATCH = 256;

    /**
     * A broken reference of the generated site.
     *
     * @param link the reference as written in the page
     */
    public record Broken(Finding finding, String link) {
    }

    /** Every broken reference as a finding on the generated page, sorted. */
    public List<Finding> check(Path root) throws IOException {
        return broken(root).stream().map(Broken::finding).sorted().toList();
    }

    /**
     * Every broken reference, sorted by its finding. A quick pass first: each page is read with a small tag scanner
     * ({@link TagScanner}) that finds every reference and every id, at a fraction of a full HTML parse. Only when it
     * finds a broken reference is the site walked again with jsoup, whose result (with each link's line and column)
     * is the one returned: the quick pass may see more links than jsoup (in a script, say), never fewer, and never
     * more ids, so a site it passes is a site jsoup passes.
     */
    public List<Broken> broken(Path site) throws IOException {
        return broken(site, null);
    }

    /**
     * The broken references of some files of the site only ({@code pages}, relative with '/'; {@code null} for
     * every file): for an incremental build, whose other files are those of a site already checked, and whose
     * targets are all still there ({@link #keepsIds}).
     */
    public List<Broken> broken(Path site, Set<String> pages) throws IOException {
        Path root = site.toRealPath(); // a published output is a link to its site folder
        if (walk(root, false, pages).isEmpty()) {
            return List.of();
        }
        return walk(root, true, pages);
    }

    /**
     * Whether every id (and {@code a name}) of each HTML page of {@code pages} in {@code before} is still in the page
     * of the same path in {@code after}: then no link into those pages from a page that did not change can break.
     */
    public static boolean keepsIds(Path before, Path after, Set<String> pages) throws IOException {
        for (String page : pages) {
            if (!page.endsWith(".html")) {
                continue;
            }
            Path old = Utf8Paths.resolve(before, page);
            Path now = Utf8Paths.resolve(after, page);
            if (!Files.isRegularFile(old) || !Files.isRegularFile(now)) {
                return false;
            }
            Set<String> had = TagScanner.scan(read(old), (name, value) -> {
            }).ids();
            if (!had.isEmpty() && !TagScanner.scan(read(now), (name, value) -> {
            }).ids().containsAll(had)) {
                return false;
            }
        }
        return true;
    }

    private List<Broken> walk(Path root, boolean exact, Set<String> only) throws IOException {
        List<Broken> findings = new ArrayList<>();
        List<Path> files;
        if (only != null) {
            files = only.stream().map(p -> Utf8Paths.resolve(root, p).normalize())
                    .filter(p -> p.startsWith(root) && Files.isRegularFile(p)).sorted().toList();
        } else {
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
        }
        // target page → fragment → first use
        Map<String, Map<String, Use>> pending = new TreeMap<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Scan> scans;
            try {
                scans = files.subList(from, Math.min(files.size(), from + BATCH)).parallelStream()
                        .map(f -> scan(root, f, exact)).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Scan scan : scans) {
                for (Link l : scan.links()) {
                    check(root, scan.file(), scan.page(), l.value(), l.line(), l.column(), scan.ids(), pending,
                            findings);
                }
            }
        }
        for (Map.Entry<String, Map<String, Use>> target : pending.entrySet()) {
            Path file = Utf8Paths.resolve(root, target.getKey());
            Set<String> ids = exact ? ids(parse(file)) : TagScanner.scan(read(file), (name, value) -> {
            }).ids();
            for (Map.Entry<String, Use> f : target.getValue().entrySet()) {
                if (!ids.contains(f.getKey())) {
                    Use u = f.getValue();
                    findings.add(new Broken(Finding.of(Rule.L1, prefix + u.page(), u.line(), u.column(),
                            Message.of("L1.fragment", u.link(), f.getKey(), target.getKey())), u.link()));
                }
            }
        }
        return findings.stream().sorted(Comparator.comparing(Broken::finding)).toList();
    }

    private static Scan scan(Path root, Path file, boolean exact) {
        String page = rel(root, file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Link> links = new ArrayList<>();
        try {
            if (name.endsWith(".html")) {
                if (!exact) {
                    TagScanner.Result r = TagScanner.scan(read(file), (attr, value) -> links.add(new Link(value, 0, 0)));
                    return new Scan(file, page, r.ids(), links);
                }
                Document doc = parse(file);
                for (Element e : doc.select("[href], [src]")) {
                    for (String attr : List.of("href", "src")) {
                        if (e.hasAttr(attr)) {
                            links.add(new Link(e.attr(attr), e.sourceRange().start().lineNumber(),
                                    e.sourceRange().start().columnNumber()));
                        }
                    }
                }
                return new Scan(file, page, ids(doc), links);
            }
            if (name.endsWith(".css")) {
                String css = read(file);
                Matcher m = CSS_URL.matcher(css);
                int line = 1;
                int counted = 0;
                while (m.find()) {
                    for (; counted < m.start(); counted++) {
                        if (css.charAt(counted) == '\n') {
                            line++;
                        }
                    }
                    links.add(new Link(m.group(1).trim(), line, 0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scan(file, page, Set.of(), links);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private void check(Path root, Path file, String page, String raw, int line, int column, Set<String> ownIds,
                       Map<String, Map<String, Use>> pending, List<Broken> findings) {
        String link = raw.strip();
        if (link.isEmpty() || link.startsWith("//") || SCHEME.matcher(link).find()) {
            return; // external (http:, https:, mailto:, tel:, data:) or protocol-relative: not a file of the site
        }
        String fragment = null;
        int hash = link.indexOf('#');
        String target = link;
        if (hash >= 0) {
            fragment = decode(link.substring(hash + 1));
            target = link.substring(0, hash);
        }
        int query = target.indexOf('?');
        if (query >= 0) {
            target = target.substring(0, query);
        }
        if (target.isEmpty()) {
            if (fragment != null && !fragment.isEmpty() && !ownIds.contains(fragment)) {
                findings.add(new Broken(Finding.of(Rule.L1, prefix + page, line, column,
                        Message.of("L1.fragment", link, fragment, page)), link));
            }
            return;
        }
        String path = decodePath(target);
        if (path == null) {
            // an encoded '/' or '\\' (..%2F..%2Findex.html): browsers keep it in the file name and find nothing
            findings.add(new Broken(Finding.of(Rule.L1, prefix + page, line, column,
                    Message.of("L1.missing", link)), link));
            return;
        }
        Path resolved = path.startsWith("/") ? Utf8Paths.resolve(root, path.substring(1)).normalize()
                : Utf8Paths.resolve(file.getParent(), path).normalize();
        if (!resolved.startsWith(root)) {
            findings.add(new Broken(Finding.of(Rule.L1, prefix + page, line, column,
                    Message.of("L1.outside", link)), link));
            return;
        }
        if (Files.isDirectory(resolved)) {
            resolved = resolved.resolve("index.html");
        }
        if (!Files.isRegularFile(resolved)) {
            findings.add(new Broken(Finding.of(Rule.L1, prefix + page, line, column,
                    Message.of("L1.missing", link)), link));
            return;
        }
        if (fragment != null && !fragment.isEmpty()) {
            String targetPage = rel(root, resolved);
            if (targetPage.equals(page)) {
                if (!ownIds.contains(fragment)) {
                    findings.add(new Broken(Finding.of(Rule.L1, prefix + page, line, column,
                            Message.of("L1.fragment", link, fragment, page)), link));
                }
            } else if (targetPage.endsWith(".html")) {
                pending.computeIfAbsent(targetPage, k -> new TreeMap<>())
                        .putIfAbsent(fragment, new Use(page, line, column, link));
            }
        }
    }

    private static Document parse(Path file) throws IOException {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        return Jsoup.parse(read(file), "", parser);
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            ids.add(e.id());
        }
        for (Element e : doc.select("a[name]")) {
            ids.add(e.attr("name"));
        }
        return ids;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String rel(Path root, Path file) {
        return Utf8Paths.relative(root, file);
    }

    /** A link's path decoded segment by segment; {@code null} when a segment decodes to a separator. */
    private static String decodePath(String target) {
        String[] parts = target.split("/", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String d = decode(parts[i]);
            if (d.indexOf('/') >= 0 || d.indexOf('\\') >= 0) {
                return null;
            }
            if (i > 0) {
                b.append('/');
            }
            b.append(d);
        }
        return b.toString();
    }
}
