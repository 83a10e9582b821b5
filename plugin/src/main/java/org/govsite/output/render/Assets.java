package org.govsite.output.render;

import org.govsite.load.Utf8Paths;
import org.govsite.output.write.OutputRefusedException;
import org.govsite.output.write.SiteWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies the stylesheet, then the portal's own static files (theme/assets), which may replace it. */
public final class Assets {
    static final List<String> BUILT_IN = List.of("govsite.css", "govsite.js");

    private Assets() {
    }

    public static void copy(Path themeAssets, SiteWriter out) throws IOException {
        for (String name : BUILT_IN) {
            try (InputStream in = Assets.class.getResourceAsStream("/org/govsite/assets/" + name)) {
                if (in == null) {
                    throw new IOException("missing built-in asset " + name);
                }
                out.copy(in, "assets/" + name);
            }
        }
        if (themeAssets != null && Files.isDirectory(themeAssets)) {
            try (Stream<Path> files = Files.walk(themeAssets)) {
                Path realAssets = themeAssets.toRealPath();
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!f.toRealPath().startsWith(realAssets)) {
                        throw new OutputRefusedException("theme asset " + f + " is a symbolic link to outside "
                                + themeAssets + "; it is not published");
                    }
                    String rel = Utf8Paths.relative(themeAssets, f);
                    out.write("assets/" + rel, Files.readAllBytes(f));
                }
            }
        }
    }
}
