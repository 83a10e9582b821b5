package org.govsite.load;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The files a report's folder holds beside report.yaml and report.md: scans, charts and 附件 that the narrative links
 * to. Only documents and raster images are published: a file that could carry script (HTML, SVG, JavaScript) never
 * reaches the site, and is named in a warning.
 */
public final class Attachments {
    /** The kinds of file published as attachments, by extension. */
    public static final Set<String> ALLOWED = Set.of("pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "csv",
            "txt", "png", "jpg", "jpeg", "gif", "webp");

    private Attachments() {
    }

    /**
     * The attachments of a year folder, as sorted '/'-separated paths relative to it. Hidden files are skipped; a
     * file of another kind is a warning and is not published.
     */
    static List<String> list(Path yearDir, SiteLoader loader, Consumer<Finding> findings) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(yearDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = Utf8Paths.relative(yearDir, f);
                if (rel.equals(SiteLoader.REPORT_YAML) || rel.equals(SiteLoader.REPORT_MD)
                        || Stream.of(rel.split("/")).anyMatch(part -> part.startsWith("."))) {
                    continue;
                }
                if (loader.escapes(f)) {
                    continue;
                }
                String name = Utf8Paths.name(f);
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                        : "";
                if (ALLOWED.contains(ext)) {
                    out.add(rel);
                } else {
                    findings.accept(new Finding(Severity.WARNING, Rule.M1, loader.display(f), 0, 0,
                            Message.of("M1.attachment", name, String.join(", ", ALLOWED.stream().sorted()
                                    .toList())), List.of()));
                }
            }
        }
        return out;
    }
}
