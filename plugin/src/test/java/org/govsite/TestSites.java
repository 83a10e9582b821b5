package org.govsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sample site as test input, and helpers to copy and alter it. */
public final class TestSites {
    private TestSites() {
    }

    /** The plugin module's folder (surefire sets basedir; an IDE runs in it). */
    /** The sample site's published record (issue 9): its findings are its notes and its one disagreement. */
    public static final String PUBLISHED_RECORD = "reports/shanzhou-fgw/2020/";

    /** The findings that are not about the sample's published record: none, on the sample as it is. */
    public static List<org.govsite.diagnostics.Finding> notOnPublishedRecord(
            List<org.govsite.diagnostics.Finding> findings) {
        return findings.stream().filter(f -> !f.file().contains(PUBLISHED_RECORD)).toList();
    }

    public static Path pluginDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The sample portal project. */
    public static Path sampleProject() {
        return pluginDir().resolveSibling("sample-site");
    }

    /** The sample portal's source folder (site.yaml, reports/). */
    public static Path sampleSource() {
        return sampleProject().resolve("src/govsite");
    }

    /** Copies the sample project's source into {@code target}/src/govsite and returns the copy's source folder. */
    public static Path copySample(Path target) {
        Path dest = target.resolve("src/govsite");
        copyTree(sampleSource(), dest);
        return dest;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a UTF-8 file; fails if it is not there. */
    public static void replaceIn(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            if (at < 0) {
                throw new AssertionError(from + " not found in " + file);
            }
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every regular file under {@code root}, as sorted '/'-separated relative paths. A published output is a link
     * to its site folder: the walk starts at the folder it points to. The marker file govsite keeps in each site is
     * left out.
     */
    public static List<String> files(Path root) {
        Path start;
        try {
            start = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> s = Files.walk(start)) {
            List<String> out = new ArrayList<>();
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".govsite-site"))
                    .forEach(p -> out.add(start.relativize(p).toString().replace('\\', '/')));
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line containing {@code text}. */
    public static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError(text + " not in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a folder, sorted. */
    public static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site folders govsite keeps beside an output (the published one and any staging). */
    public static List<String> siteFolders(Path output) {
        return names(output.resolveSibling("." + output.getFileName() + ".sites")).stream()
                .filter(n -> n.startsWith("site-")).toList();
    }
}
