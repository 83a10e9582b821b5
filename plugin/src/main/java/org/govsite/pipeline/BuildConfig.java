package org.govsite.pipeline;

import org.govsite.diagnostics.FailOn;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one build needs, immutable. The Mojos map their parameters to this and nothing else.
 *
 * @param projectDir   the project folder; finding paths are printed relative to it
 * @param sourceDir    the folder with site.yaml, reports/, theme/ and formats/
 * @param outputDir    where the site is published (replaced as a whole, only when the build succeeds)
 * @param findingsFile where the findings are written as JSON, or {@code null}
 * @param sarifFile    where the findings are written as SARIF 2.1.0, or {@code null}
 * @param failOn       the severity at which the build fails
 * @param locale       the language of findings: Chinese or English
 * @param baseUrl      the site's public address, ending in '/', for the absolute URLs of sitemap.xml, atom.xml and
 *                     robots.txt; {@code null} when unknown (those outputs are then left out)
 */
public record BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, Path sarifFile,
                          FailOn failOn, Locale locale, String baseUrl) {
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
    }

    /** A build without SARIF file and without baseUrl. */
    public BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, FailOn failOn,
                       Locale locale) {
        this(projectDir, sourceDir, outputDir, findingsFile, null, failOn, locale, null);
    }

    /** A build without baseUrl. */
    public BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, Path sarifFile,
                       FailOn failOn, Locale locale) {
        this(projectDir, sourceDir, outputDir, findingsFile, sarifFile, failOn, locale, null);
    }

    /** A build without SARIF file. */
    public BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, FailOn failOn,
                       Locale locale, String baseUrl) {
        this(projectDir, sourceDir, outputDir, findingsFile, null, failOn, locale, baseUrl);
    }

    public BuildConfig withBaseUrl(String url) {
        return new BuildConfig(projectDir, sourceDir, outputDir, findingsFile, sarifFile, failOn, locale, url);
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
        java.net.URI uri;
        try {
            uri = new java.net.URI(u);
        } catch (java.net.URISyntaxException e) {
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
