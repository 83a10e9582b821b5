package org.govsite.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.govsite.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mojos through the Maven Plugin Testing Harness: parameters in, Maven's language out. */
@MojoTest
class GenerateMojoTest {
    private static final String POM = "classpath:/unit/generate/pom.xml";

    @TempDir
    Path tmp;

    private void configure(AbstractGovSiteMojo mojo, Path source) {
        mojo.basedir = tmp.toFile();
        mojo.sourceDirectory = source.toFile();
        mojo.findingsFile = tmp.resolve("target/govsite-findings.json").toFile();
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void generatesTheSiteAndTheFindingsFile(GenerateMojo mojo) throws Exception {
        configure(mojo, TestSites.copySample(tmp));
        // The PDFs made most of the build's time and are not what this holds; the PDFs, on by default, made inside
        // Maven are held by the integration test generates-archive-pages.
        mojo.pdf = false;
        mojo.outputDirectory = tmp.resolve("target/govsite").toFile();
        mojo.execute();
        assertTrue(Files.isRegularFile(tmp.resolve("target/govsite/index.html")));
        assertTrue(Files.readString(tmp.resolve("target/govsite-findings.json"), StandardCharsets.UTF_8)
                .contains("\"failed\" : false"));
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void contentErrorsAreABuildFailureAndPublishNothing(GenerateMojo mojo) throws Exception {
        Path source = TestSites.copySample(tmp);
        TestSites.replaceIn(source.resolve("reports/shanzhou-fgw/2023/report.yaml"), "year: 2023", "year: 2022");
        configure(mojo, source);
        mojo.pdf = false; // the other 15 reports' PDFs, made and thrown away, are not what this is about
        mojo.outputDirectory = tmp.resolve("target/govsite").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("未发布任何页面"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("target/govsite")));
        assertTrue(Files.readString(tmp.resolve("target/govsite-findings.json"), StandardCharsets.UTF_8)
                .contains("\"rule\" : \"M2\""));
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void failOnNoneLetsWarningsAndErrorsThrough(GenerateMojo mojo) throws Exception {
        Path source = TestSites.copySample(tmp);
        TestSites.replaceIn(source.resolve("reports/shanzhou-fgw/2023/report.yaml"), "year: 2023", "year: 2022");
        configure(mojo, source);
        mojo.failOn = "none";
        mojo.pdf = false; // the PDFs are not what this is about, and the sample's cost most of a build
        mojo.outputDirectory = tmp.resolve("target/govsite").toFile();
        mojo.execute();
        assertTrue(Files.isRegularFile(tmp.resolve("target/govsite/index.html")));
        assertFalse(Files.exists(tmp.resolve("target/govsite/agencies/shanzhou-fgw/2023.html")),
                "a report with errors is never rendered");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void englishFindingsOnRequest(GenerateMojo mojo) throws Exception {
        Path source = TestSites.copySample(tmp);
        TestSites.replaceIn(source.resolve("reports/shanzhou-fgw/2023/report.yaml"), "year: 2023", "year: 2022");
        configure(mojo, source);
        mojo.language = "en";
        mojo.pdf = false; // as above
        mojo.outputDirectory = tmp.resolve("target/govsite").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("Nothing was published"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void invalidParameterIsABuildError(GenerateMojo mojo) {
        configure(mojo, TestSites.copySample(tmp));
        mojo.failOn = "sometimes";
        mojo.outputDirectory = tmp.resolve("target/govsite").toFile();
        assertThrows(MojoExecutionException.class, mojo::execute);
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void skipDoesNothing(GenerateMojo mojo) throws Exception {
        configure(mojo, tmp.resolve("does-not-exist"));
        mojo.skip = true;
        mojo.outputDirectory = tmp.resolve("target/govsite").toFile();
        mojo.execute();
        assertFalse(Files.exists(tmp.resolve("target")));
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkWritesNoPages(CheckMojo mojo) throws Exception {
        configure(mojo, TestSites.copySample(tmp));
        mojo.execute();
        assertTrue(Files.isRegularFile(tmp.resolve("target/govsite-findings.json")));
        assertFalse(Files.exists(tmp.resolve("target/govsite")));
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aBrokenThemeTemplateIsABuildErrorAndKeepsThePreviousOutput(GenerateMojo mojo) throws Exception {
        Path source = TestSites.copySample(tmp);
        Path out = tmp.resolve("target/govsite");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "earlier output", StandardCharsets.UTF_8);
        Files.writeString(out.resolve(".govsite-site"), "a site govsite wrote", StandardCharsets.UTF_8);
        Files.createDirectories(source.resolve("theme/templates"));
        Files.writeString(source.resolve("theme/templates/footer.html"),
                "<footer th:fragment=\"footer\" th:text=\"${page.noSuchMethod()}\"></footer>", StandardCharsets.UTF_8);
        configure(mojo, source);
        mojo.outputDirectory = out.toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("templates or plugin"), e.getMessage());
        assertTrue(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8).equals("earlier output"));
        assertEquals(java.util.List.of("index.html"), TestSites.files(out));
        assertEquals(java.util.List.of("lock"), TestSites.names(out.resolveSibling(".govsite.sites")),
                "staging is cleaned up");
    }

    /** Issue 13, case 1: -Dgovsite.outputDirectory=src/govsite ended in BUILD SUCCESS with every report.yaml gone. */
    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void anOutputDirectoryThatIsTheSourceIsABuildErrorAndDeletesNothing(GenerateMojo mojo) throws Exception {
        Path source = TestSites.copySample(tmp);
        java.util.List<String> before = TestSites.files(source);
        configure(mojo, source);
        mojo.outputDirectory = source.toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("govsite: outputDirectory ") && e.getMessage().contains(
                "is the source folder"), e.getMessage());
        assertEquals(before, TestSites.files(source));
    }

    /** Issue 13, case 1: outputDirectory=pom.xml turned pom.xml into a folder. */
    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void anOutputDirectoryThatIsAFileIsABuildErrorAndKeepsTheFile(GenerateMojo mojo) throws Exception {
        Path source = TestSites.copySample(tmp);
        Path pom = tmp.resolve("pom.xml");
        Files.writeString(pom, "<project/>", StandardCharsets.UTF_8);
        configure(mojo, source);
        mojo.outputDirectory = pom.toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertEquals("<project/>", Files.readString(pom, StandardCharsets.UTF_8));
    }
}
