package org.govsite;

import org.govsite.model.FailOn;

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
 */
public record BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, Path sarifFile,
                          FailOn failOn, Locale locale) {
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
    }

    /** A configuration without a SARIF file. */
    public BuildConfig(Path projectDir, Path sourceDir, Path outputDir, Path findingsFile, FailOn failOn,
                       Locale locale) {
        this(projectDir, sourceDir, outputDir, findingsFile, null, failOn, locale);
    }

    public Path themeDir() {
        return sourceDir.resolve(THEME);
    }

    public Path formatsDir() {
        return sourceDir.resolve(FORMATS);
    }
}
