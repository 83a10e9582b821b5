package org.govsite.output.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each archive file kept by its inputs ({@link OutputSink#keepUnchanged}) was made from, beside the site
 * ({@code target/.govsite.sites/pages}): the name of the site folder it describes, then per file its path and its
 * inputs' fingerprint, tab-separated. Only the published site's record is trusted; any other (a kill between writing
 * it and the switch, a corrupt file) is ignored, and every such file is made again.
 */
final class PageInputs {
    static final String FILE = "pages";
    private static final String HEADER = "govsite-pages 1";

    private PageInputs() {
    }

    /** The inputs of the files of site folder {@code site}; empty when the record is of another site or unreadable. */
    static Map<String, String> read(Path home, String site) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("site\t" + site)
                    || !lines.get(lines.size() - 1).equals("end")) {
                return Map.of();
            }
            Map<String, String> out = new TreeMap<>();
            for (String line : lines.subList(2, lines.size() - 1)) {
                int tab = line.lastIndexOf('\t');
                if (tab <= 0) {
                    return Map.of();
                }
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Records the inputs of site folder {@code site}'s files (a path with a line end is left out: made again). */
    static void write(Path home, String site, Map<String, String> inputs) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n').append("site\t").append(site).append('\n');
        new TreeMap<>(inputs).forEach((path, fingerprint) -> {
            if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0 && fingerprint.indexOf('\t') < 0
                    && fingerprint.indexOf('\n') < 0) {
                b.append(path).append('\t').append(fingerprint).append('\n');
            }
        });
        b.append("end\n");
        AtomicFile.writeString(home.resolve(FILE), "pages-", b);
    }
}
