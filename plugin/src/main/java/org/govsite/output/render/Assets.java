package org.govsite.output.render;

import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Copies the stylesheet and the reading-aid script, then the portal's own static files (theme/assets), which may
 * replace them. Shares nothing mutable.
 */
public final class Assets implements ArchiveOutput {
    static final List<String> BUILT_IN = List.of("govsite.css", "govsite.js");

    private final Path themeAssets;

    /** @param themeAssets the theme's assets folder; it need not exist */
    public Assets(Path themeAssets) {
        this.themeAssets = themeAssets;
    }

    /** The files under assets/ a build publishes, relative to assets/, sorted. */
    public List<String> files() throws IOException {
        TreeSet<String> out = new TreeSet<>(BUILT_IN);
        if (themeAssets != null && Files.isDirectory(themeAssets)) {
            try (Stream<Path> files = Files.walk(themeAssets)) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> out.add(themeAssets.relativize(f).toString().replace('\\', '/')));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        for (String name : BUILT_IN) {
            try (InputStream in = Assets.class.getResourceAsStream("/org/govsite/assets/" + name)) {
                if (in == null) {
                    throw new IOException("missing built-in asset " + name);
                }
                out.write("assets/" + name, in.readAllBytes());
            }
        }
        if (themeAssets != null && Files.isDirectory(themeAssets)) {
            try (Stream<Path> files = Files.walk(themeAssets)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = themeAssets.relativize(f).toString().replace('\\', '/');
                    out.write("assets/" + rel, Files.readAllBytes(f));
                }
            }
        }
    }
}
