package org.govsite.safety;

import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;

import java.nio.file.Path;

/**
 * A build in a JVM of its own, for tests that need one: under {@code LC_ALL=C}, or two at once. Arguments: project,
 * source, output. Exit 0 when published, 1 when findings stopped it, 2 when it threw (the stack trace is printed).
 */
public final class ChildGenerate {
    private ChildGenerate() {
    }

    public static void main(String[] args) {
        try {
            BuildResult r = new GovSite(BuildConfig.builder(Path.of(args[0]), Path.of(args[1])).pdf(false)
                    .outputDir(Path.of(args[2])).failOn(FailOn.ERROR).locale(Language.CHINESE)
                    .baseUrl("https://www.example.gov.cn/").build()).generate();
            for (Finding f : r.findings()) {
                System.out.println(f.format(Language.CHINESE));
            }
            System.out.println(r.published() ? "published " + r.files() : "not published");
            System.exit(r.published() ? 0 : 1);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(2);
        }
    }
}
