package org.govsite.pipeline;

import org.govsite.load.SiteLoader;
import org.govsite.load.Utf8Paths;
import org.govsite.output.write.AtomicFile;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/**
 * What an incremental {@code generate} trusts of the previous one: the manifest, kept in the output's site folder
 * home ({@code target/.govsite.sites/manifest}), beside the site it describes.
 *
 * <p>It records one fingerprint of everything that is not a report folder (the plugin's own code, the parameters,
 * site.yaml, every agency.yaml, the theme, the formats, any other file of the source folder), and per published report
 * a fingerprint of what its pages were made from (every file of its folder, its findings, its published neighbours,
 * its Git history) with the files its outputs wrote. A later build whose global fingerprint matches and whose
 * published site is the one named keeps the files of every report whose fingerprint is unchanged, and renders the
 * others and the archive outputs again. Anything else is a full build, with the reason.
 *
 * <p>The format is text, one record a line, fields separated by tabs; a path with a tab or a line end is never
 * recorded (that build writes no manifest, and the next is a full build).
 */
final class Incremental {
    static final String FILE = "manifest";
    private static final String HEADER = "govsite-manifest 1";
    private static final Pattern REPORT_FOLDER = Pattern.compile(SiteLoader.REPORTS + "/[^/]+/[0-9]{4}(/.*)?");

    /** A published report's fingerprint and the files its outputs wrote. */
    record Report(String fingerprint, Set<String> files) {
    }

    /**
     * A manifest.
     *
     * @param global  the fingerprint of everything but the report folders
     * @param site    the name of the site folder it describes
     * @param reports by "agency/year"
     * @param archive the files of the archive outputs
     */
    record Manifest(String global, String site, Map<String, Report> reports, Set<String> archive) {
    }

    /** Either a manifest to trust, or why not. */
    record Trust(Optional<Manifest> manifest, String reason) {
    }

    private Incremental() {
    }

    /** Reads the manifest of {@code home} and says whether a build with {@code global} may trust it. */
    static Trust read(Path home, String global, Optional<Path> publishedSite) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Trust(Optional.empty(), "no manifest of a previous build");
        }
        Manifest m;
        try {
            m = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new Trust(Optional.empty(), "the manifest cannot be read (" + e.getMessage() + ")");
        }
        if (m == null) {
            return new Trust(Optional.empty(), "the manifest is corrupt");
        }
        if (publishedSite.isEmpty() || !publishedSite.get().getFileName().toString().equals(m.site())) {
            return new Trust(Optional.empty(), "the manifest does not describe the published site");
        }
        if (!m.global().equals(global)) {
            return new Trust(Optional.empty(), "the plugin, a parameter, site.yaml, an agency.yaml, the theme or "
                    + "the formats changed");
        }
        return new Trust(Optional.of(m), "");
    }

    private static Manifest parse(List<String> lines) {
        if (lines.size() < 3 || !lines.get(0).equals(HEADER)) {
            return null;
        }
        String[] g = lines.get(1).split("\t", -1);
        String[] s = lines.get(2).split("\t", -1);
        if (g.length != 2 || !g[0].equals("global") || s.length != 2 || !s[0].equals("site")) {
            return null;
        }
        Map<String, Report> reports = new TreeMap<>();
        Set<String> archive = new TreeSet<>();
        boolean end = false;
        for (String line : lines.subList(3, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("report") && f.length >= 3) {
                reports.put(f[1], new Report(f[2], new TreeSet<>(List.of(f).subList(3, f.length))));
            } else if (f[0].equals("archive")) {
                archive.addAll(List.of(f).subList(1, f.length));
            } else if (f[0].equals("end") && f.length == 1) {
                end = true;
            } else {
                return null;
            }
        }
        return end ? new Manifest(g[1], s[1], reports, archive) : null;
    }

    /** Writes the manifest (replacing the file in one rename); removes it when a path cannot be recorded. */
    static void write(Path home, Manifest m) throws IOException {
        Path file = home.resolve(FILE);
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("global\t").append(m.global()).append('\n');
        b.append("site\t").append(m.site()).append('\n');
        for (Map.Entry<String, Report> r : m.reports().entrySet()) {
            b.append("report\t").append(r.getKey()).append('\t').append(r.getValue().fingerprint());
            for (String f : r.getValue().files()) {
                if (!recordable(f)) {
                    Files.deleteIfExists(file);
                    return;
                }
                b.append('\t').append(f);
            }
            b.append('\n');
        }
        b.append("archive");
        for (String f : m.archive()) {
            if (!recordable(f)) {
                Files.deleteIfExists(file);
                return;
            }
            b.append('\t').append(f);
        }
        b.append("\nend\n");
        AtomicFile.writeString(file, "manifest-", b);
    }

    /** Removes the manifest: the next build is a full one. */
    static void forget(Path home) throws IOException {
        Files.deleteIfExists(home.resolve(FILE));
    }

    private static boolean recordable(String path) {
        return path.indexOf('\t') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0;
    }

    /**
     * The fingerprints of what a build reads outside the report folders, from one walk of the source folder.
     *
     * @param global what a generate's outputs depend on besides the report folders: the plugin's code, every
     *               parameter, and every file of the source folder that is not in a report folder
     * @param check  what a report's findings depend on besides the report folders: the plugin's code, the parameters
     *               that change a finding (drafts, language, whether a baseUrl is set, the source folder) and the same
     *               files; a check may replay the findings a generate stored under the same fingerprint
     */
    record Keys(String global, String check) {
    }

    /** The fingerprints of everything a build reads that is not a report folder, with the plugin and parameters. */
    static Keys keys(BuildConfig config, FileHashes hashes) throws IOException {
        String code = pluginCode(hashes);
        String source = Utf8Paths.relative(config.projectDir(), config.sourceDir());
        Hasher files = new Hasher(hashes);
        files.tree(config.sourceDir(), rel -> !REPORT_FOLDER.matcher(rel).matches());
        String tree = files.hex();
        Hasher g = new Hasher(null);
        g.text("plugin").text(code);
        g.text("parameters").text(String.valueOf(config.baseUrl())).text(config.failOn().name())
                .text(config.locale().toLanguageTag()).text(String.valueOf(config.drafts()))
                .text(String.valueOf(config.pdf())).text(source);
        g.text("files").text(tree);
        Hasher c = new Hasher(null);
        c.text("plugin").text(code);
        c.text("check").text(String.valueOf(config.baseUrl() != null)).text(config.locale().toLanguageTag())
                .text(String.valueOf(config.drafts())).text(source);
        c.text("files").text(tree);
        return new Keys(g.hex(), c.hex());
    }

    /** The fingerprint of everything a build reads that is not a report folder, and of the plugin and parameters. */
    static String global(BuildConfig config, FileHashes hashes) throws IOException {
        return keys(config, hashes).global();
    }

    /** The fingerprint of every file of a report's folder (names, kinds and contents), by the hashes' cache. */
    static String folder(Path folder, FileHashes hashes) throws IOException {
        Hasher h = new Hasher(hashes);
        h.tree(folder, rel -> true);
        return h.hex();
    }

    /**
     * What a report's pages were made from, in one fingerprint: its folder's fingerprint ({@link #folder}) and the
     * rest of its context (neighbours, history, findings).
     */
    static String report(String folder, List<String> context) {
        Hasher h = new Hasher(null);
        h.text(folder);
        for (String c : context) {
            h.text(c);
        }
        return h.hex();
    }

    /** The plugin's code: the SHA-256 of its jar, or of its classes folder (in the plugin's own tests). */
    private static String pluginCode(FileHashes hashes) throws IOException {
        Path code;
        try {
            code = Path.of(Incremental.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown:" + System.nanoTime(); // never trusted
        }
        Hasher h = new Hasher(hashes);
        if (Files.isDirectory(code)) {
            h.tree(code, rel -> true);
        } else {
            h.text(hashes.sha(code, Files.readAttributes(code, BasicFileAttributes.class)));
        }
        return h.hex();
    }

    /** A new SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over length-prefixed texts and files' hashes. */
    private static final class Hasher {
        private final MessageDigest digest = sha256();
        private final FileHashes hashes;

        /** @param hashes where the content hash of a file comes from, or {@code null} when it hashes texts only */
        Hasher(FileHashes hashes) {
            this.hashes = hashes;
        }

        Hasher text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            length(b.length);
            digest.update(b);
            return this;
        }

        private void length(long n) {
            for (int i = 0; i < 8; i++) {
                digest.update((byte) (n >>> (8 * i)));
            }
        }

        /**
         * Every regular file under {@code root} whose relative path passes, by path; links are named, not followed. A
         * folder whose path does not pass is neither listed nor opened (at 20,000 reports, 20,000 year folders).
         */
        void tree(Path root, Predicate<String> include) throws IOException {
            BasicFileAttributes rootAttrs = attributes(root);
            if (rootAttrs == null || !rootAttrs.isDirectory()) {
                text("absent");
                return;
            }
            TreeMap<Path, BasicFileAttributes> files = new TreeMap<>();
            String prefix = root.toString();
            walk(root, root, prefix, include, files);
            for (Map.Entry<Path, BasicFileAttributes> f : files.entrySet()) {
                Path p = f.getKey();
                BasicFileAttributes attrs = f.getValue();
                String rel = relative(root, prefix, p);
                if (!include.test(rel)) {
                    continue;
                }
                if (attrs.isSymbolicLink()) {
                    text("link").text(rel).text(Files.readSymbolicLink(p).toString());
                } else if (attrs.isRegularFile()) {
                    text("file").text(rel);
                    try {
                        text(hashes.sha(p, attrs));
                    } catch (NoSuchFileException e) {
                        text("vanished");
                    }
                } else if (attrs.isDirectory()) {
                    text("dir").text(rel);
                }
            }
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }

        /**
         * Adds what {@code dir} holds to {@code files}, as {@link Files#walkFileTree} without following links would
         * visit it; false when the folder cannot be opened (then it is not there, as for the walk).
         */
        private static boolean walk(Path root, Path dir, String prefix, Predicate<String> include,
                                    Map<Path, BasicFileAttributes> files) throws IOException {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path c : stream) {
                    children.add(c);
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            } catch (IOException e) {
                return false; // vanished or unreadable while walked: not there
            }
            for (Path c : children) {
                BasicFileAttributes attrs = attributes(c);
                if (attrs == null) {
                    continue; // vanished while walked: not there
                }
                if (attrs.isDirectory()) {
                    if (include.test(relative(root, prefix, c)) && walk(root, c, prefix, include, files)) {
                        files.put(c, attrs);
                    } // else a report folder: nothing under it is included
                } else {
                    files.put(c, attrs);
                }
            }
            return true;
        }

        /** A path's own attributes (a link's, not its target's), or null when it is not there. */
        private static BasicFileAttributes attributes(Path p) {
            try {
                return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return null;
            }
        }

        /**
         * {@link Utf8Paths#relative} for a path the walk of {@code root} found (its text starts with {@code prefix},
         * the root's text), without resolving one path against another when the name is plain text.
         */
        private static String relative(Path root, String prefix, Path p) {
            String text = p.toString();
            if (text.length() > prefix.length() + 1 && text.startsWith(prefix)
                    && (text.charAt(prefix.length()) == '/' || text.charAt(prefix.length()) == '\\')) {
                String rel = text.substring(prefix.length() + 1).replace('\\', '/');
                if (rel.indexOf('?') < 0 && rel.indexOf('\uFFFD') < 0) {
                    return rel;
                }
            }
            return Utf8Paths.relative(root, p);
        }
    }
}
