package org.govsite.output.write;

import org.govsite.load.Utf8Paths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.function.Function;

/**
 * The site before the published one, kept beside it as the next build's staging folder, with the paths at which the
 * two may differ ({@code target/.govsite.sites/base}): the files the published site's build wrote or removed. Bringing
 * it up to date is one hard link (or one removal) per such path, instead of a link per file of the site; both sites
 * share every other file's inode.
 *
 * <p>The record is text, one field a line: {@code govsite-base 1}, {@code base <folder>}, {@code of <published
 * folder>}, {@code key <the folder's file key>}, {@code files <the published site's file count>}, then one
 * {@code path <relative path>} per path, then {@code end}. A build that takes the kept site removes the record
 * first ({@link #claim}): a build killed while it changes the folder leaves a folder no record names, which the next
 * build deletes as a leftover.
 *
 * @param folder   the kept site folder
 * @param of       the name of the published site folder it is relative to
 * @param key      the kept folder's file key when it was recorded, to notice a folder put in its place
 * @param files    how many files the published site has (its marker not counted)
 * @param paths    where the kept site may differ from the published one (relative, with '/')
 */
record KeptSite(Path folder, String of, String key, int files, Set<String> paths) {
    static final String FILE = "base";
    private static final String HEADER = "govsite-base 1";

    /** Reads the record in {@code home}; empty when there is none or it cannot be read (the reason in {@code why}). */
    static Optional<KeptSite> read(Path home, StringBuilder why) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            why.append("no earlier site kept beside the published one");
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 6 || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).equals("end")) {
                why.append("the record of the kept site is corrupt");
                return Optional.empty();
            }
            String base = field(lines.get(1), "base");
            String of = field(lines.get(2), "of");
            String key = field(lines.get(3), "key");
            String files = field(lines.get(4), "files");
            Set<String> paths = new TreeSet<>();
            for (String line : lines.subList(5, lines.size() - 1)) {
                paths.add(Objects.requireNonNull(field(line, "path")));
            }
            if (base == null || of == null || key == null || files == null || base.contains("/")
                    || !base.startsWith(SiteWriter.SITE_PREFIX)) {
                why.append("the record of the kept site is corrupt");
                return Optional.empty();
            }
            return Optional.of(new KeptSite(home.resolve(base), of, key, Integer.parseInt(files), paths));
        } catch (IOException | RuntimeException e) {
            why.append("the record of the kept site cannot be read (").append(e.getMessage()).append(')');
            return Optional.empty();
        }
    }

    private static String field(String line, String name) {
        return line.startsWith(name + "\t") ? line.substring(name.length() + 1) : null;
    }

    /**
     * Records {@code folder} as the site kept beside {@code of}, differing from it at {@code paths}; false, recording
     * nothing, when a path cannot be written in the record (a line end in it).
     */
    static boolean write(Path home, Path folder, String of, int files, Collection<String> paths) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("base\t").append(folder.getFileName()).append('\n');
        b.append("of\t").append(of).append('\n');
        b.append("key\t").append(key(folder)).append('\n');
        b.append("files\t").append(files).append('\n');
        for (String p : new TreeSet<>(paths)) {
            if (p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
                return false;
            }
            b.append("path\t").append(p).append('\n');
        }
        b.append("end\n");
        AtomicFile.writeString(home.resolve(FILE), "base-", b);
        return true;
    }

    /** Removes the record: from now on the folder is this build's, and nothing vouches for it. */
    static void claim(Path home) throws IOException {
        Files.deleteIfExists(home.resolve(FILE));
    }

    /** The folder's file key (device and inode on Unix), or "none" where the file system has none. */
    static String key(Path folder) throws IOException {
        Object k = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return k == null ? "none" : k.toString();
    }

    /**
     * Whether the record can describe the kept folder beside {@code published}: the folder is there, one of ours (its
     * marker), not the published one, and the record is relative to the published one. Else the reason.
     */
    Optional<String> problem(Optional<Path> published) throws IOException {
        if (published.isEmpty() || !published.get().getFileName().toString().equals(of)) {
            return Optional.of("the kept site is relative to another published site than " + published
                    .map(p -> p.getFileName().toString()).orElse("none"));
        }
        if (folder.equals(published.get())) {
            return Optional.of("the record names the published site itself");
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(folder.resolve(SiteWriter.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("the kept site " + folder.getFileName() + " is missing");
        }
        if (!key(folder).equals(key)) {
            return Optional.of("the kept site " + folder.getFileName() + " is not the folder recorded");
        }
        return Optional.empty();
    }

    /**
     * Brings the kept folder up to date with {@code published}: at each recorded path, the kept file is removed and,
     * when the published site has a file there, replaced by a hard link to it. Then a cheap check that the two are one
     * site: the same names at their top level and in {@code assets/}, each file there the same inode. Returns the
     * reason when they are not (the folder must then be thrown away).
     *
     * @param resolve a path of the kept folder by its relative path, refusing one outside it
     */
    Optional<String> update(Path published, Function<String, Path> resolve) throws IOException {
        Set<Path> parents = new TreeSet<>(Comparator.reverseOrder());
        List<String> present = new ArrayList<>();
        for (String p : paths) {
            Path file = resolve.apply(p);
            Files.deleteIfExists(file); // a file; a folder at a path once a file is removed with its last file below
            for (Path d = file.getParent(); d != null && !d.equals(folder); d = d.getParent()) {
                parents.add(d);
            }
            if (Files.isRegularFile(Utf8Paths.resolve(published, p), LinkOption.NOFOLLOW_LINKS)) {
                present.add(p);
            }
        }
        for (Path d : parents) { // deepest first
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
        for (String p : present) {
            Path file = resolve.apply(p);
            Files.createDirectories(file.getParent());
            Files.createLink(file, Utf8Paths.resolve(published, p));
        }
        for (String dir : List.of("", "assets")) {
            Map<String, Object> mine = listing(dir.isEmpty() ? folder : folder.resolve(dir));
            Map<String, Object> theirs = listing(dir.isEmpty() ? published : published.resolve(dir));
            if (!mine.equals(theirs)) {
                return Optional.of("the kept site differs from the published one in " + (dir.isEmpty() ? "its top "
                        + "folder" : dir + "/"));
            }
        }
        return Optional.empty();
    }

    /** A folder's entries but the marker: a file by its file key, a folder by "dir"; empty when it is not there. */
    private static Map<String, Object> listing(Path dir) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.equals(SiteWriter.MARKER)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    out.put(name, a.isDirectory() ? "dir" : a.isRegularFile() ? String.valueOf(a.fileKey())
                            : "other");
                } catch (NoSuchFileException e) {
                    out.put(name, "vanished");
                }
            }
        }
        return out;
    }

    /** Whether an exception means the file system cannot do what the kept site needs (hard links). */
    static boolean unsupported(Exception e) {
        return e instanceof FileSystemException || e instanceof UnsupportedOperationException;
    }
}
