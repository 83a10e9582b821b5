package org.govsite.pipeline;

import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Language;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one build needs, immutable. The Mojos map their parameters to this and nothing else; build one with
 * {@link #builder(Path, Path)}.
 *
 * @param projectDir   the project folder; finding paths are printed relative to it
 * @param sourceDir    the folder with site.yaml, reports/, theme/ and formats/
 * @param outputDir    where the site is published (replaced as a whole, only when the build succeeds), or
 *                     {@code null} when nothing is published
 * @param findingsFile where the findings are written as JSON, or {@code null}
 * @param sarifFile    where the findings are written as SARIF 2.1.0, or {@code null}
 * @param failOn       the severity at which the build fails
 * @param locale       the language of findings: Chinese or English
 * @param baseUrl      the site's public address, ending in '/', for the absolute URLs of sitemap.xml, atom.xml and
 *                     robots.txt; {@code null} when unknown (those outputs are then left out)
 * @param threads      how many report outputs are rendered at once
 * @param drafts       whether reports with errors are rendered too: only for the preview of {@code govsite:serve}
 * @param pdf          whether each published report gets its PDF beside its page (never in the preview)
 */
public record BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, Path sarifFile,
                          FailOn failOn, Locale locale, String baseUrl, int threads, boolean drafts,
                          boolean pdf) {
    public static final String THEME = "theme";
    public static final String FORMATS = "formats";

    public BuildConfig {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(locale, "locale");
        projectDir = projectDir.toAbsolutePath().normalize();
        sourceDir = sourceDir.toAbsolutePath().normalize();
        outputDir = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        findingsFile = findingsFile == null ? null : findingsFile.toAbsolutePath().normalize();
        sarifFile = sarifFile == null ? null : sarifFile.toAbsolutePath().normalize();
        baseUrl = normaliseBaseUrl(baseUrl);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** A build of {@code sourceDir}, with paths printed relative to {@code projectDir}. */
    public static Builder builder(Path projectDir, Path sourceDir) {
        return new Builder(projectDir, sourceDir);
    }

    /** This configuration, to change a part of it. */
    public Builder toBuilder() {
        return new Builder(projectDir, sourceDir).outputDir(outputDir).findingsFile(findingsFile).sarifFile(sarifFile)
                .failOn(failOn).locale(locale).baseUrl(baseUrl).threads(threads).drafts(drafts)
                .pdf(pdf);
    }

    /**
     * Builds a {@link BuildConfig}. Defaults: nothing published, no findings files, {@code failOn=error}, Chinese
     * findings, no baseUrl, one thread per processor, PDFs on.
     */
    public static final class Builder {
        private final Path projectDir;
        private final Path sourceDir;
        private Path outputDir;
        private Path findingsFile;
        private Path sarifFile;
        private FailOn failOn = FailOn.ERROR;
        private Locale locale = Language.CHINESE;
        private String baseUrl;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean drafts;
        private boolean pdf = true;

        private Builder(Path projectDir, Path sourceDir) {
            this.projectDir = projectDir;
            this.sourceDir = sourceDir;
        }

        public Builder outputDir(Path dir) {
            this.outputDir = dir;
            return this;
        }

        public Builder findingsFile(Path file) {
            this.findingsFile = file;
            return this;
        }

        public Builder sarifFile(Path file) {
            this.sarifFile = file;
            return this;
        }

        public Builder failOn(FailOn value) {
            this.failOn = value;
            return this;
        }

        public Builder locale(Locale value) {
            this.locale = value;
            return this;
        }

        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * Renders reports with errors too (the preview of {@code govsite:serve}, where a draft being fixed must be
         * seen). Never for a site that is published.
         */
        public Builder drafts(boolean value) {
            this.drafts = value;
            return this;
        }

        /** Whether each published report gets its PDF (on by default; {@code -Dgovsite.pdf=false} turns it off). */
        public Builder pdf(boolean value) {
            this.pdf = value;
            return this;
        }

        /** @throws IllegalArgumentException when a value is invalid (a baseUrl that is not an http(s) URL …) */
        public BuildConfig build() {
            return new BuildConfig(projectDir, sourceDir, outputDir, findingsFile, sarifFile, failOn, locale, baseUrl,
                    threads, drafts, pdf);
        }
    }

    /**
     * {@code null} for a blank value; otherwise an absolute http(s) URL without query or fragment, given a trailing
     * '/'.
     *
     * @throws IllegalArgumentException when the value is not such a URL
     */
    static String normaliseBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without query or fragment, not "
                    + url);
        }
        return u.endsWith("/") ? u : u + "/";
    }

    public Path themeDir() {
        return sourceDir.resolve(THEME);
    }

    public Path formatsDir() {
        return sourceDir.resolve(FORMATS);
    }
}
