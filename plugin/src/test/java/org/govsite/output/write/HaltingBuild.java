package org.govsite.output.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child JVM's build for {@link SiteWriterKillTest}: writes a site of 40 pages that all carry {@code label}, and
 * halts the JVM at once ({@code Runtime.halt}, as {@code kill -9} does) when the swap reaches the step named by the
 * system property {@code govsite.haltAt}. With {@code -Dgovsite.noLinks=true} it uses the two-rename scheme of file
 * systems without symbolic links; with {@code -Dgovsite.seed=true} it first seeds its staging folder from the
 * published site, as an incremental build does (and prints how).
 *
 * <p>Arguments: output folder, label.
 */
public final class HaltingBuild {
    public static final int PAGES = 40;
    static final int HALTED = 77;

    private HaltingBuild() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        String label = args[1];
        String haltAt = System.getProperty("govsite.haltAt", "");
        boolean links = !Boolean.getBoolean("govsite.noLinks");
        SiteWriter w = new SiteWriter(output, Duration.ofMinutes(2), step -> {
            if (step.equals(haltAt)) {
                Runtime.getRuntime().halt(HALTED);
            }
        }, links);
        if (Boolean.getBoolean("govsite.seed")) { // as an incremental build: staging seeded from the published site
            System.out.println("seeded " + w.seedFromPublished() + ": " + w.seeding());
        }
        for (int i = 0; i < PAGES; i++) {
            w.write("pages/" + i + ".html", (label + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        w.write("index.html", label.getBytes(StandardCharsets.UTF_8));
        w.commit();
        System.out.println("published " + label);
    }
}
