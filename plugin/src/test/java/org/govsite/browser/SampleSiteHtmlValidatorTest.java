package org.govsite.browser;

import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Nu Html Checker (the W3C validator's engine), in-process, over every page of the sample site: zero errors.
 * It needs no browser, so it runs everywhere.
 */
class SampleSiteHtmlValidatorTest {
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private static Path site;
    /** One checker for the class: setting up its schemas takes longer than checking every page. */
    private static SimpleDocumentValidator validator;
    private static final Collector errors = new Collector();

    @BeforeAll
    static void setUp() throws Exception {
        site = SampleSite.shared();
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema(HTML_SCHEMA, errors);
        validator.setUpValidatorAndParsers(errors, false, false);
    }

    @BeforeEach
    void noErrorsYet() {
        errors.messages.clear();
        errors.file = "";
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        List<Path> pages = SampleSite.pages(site);
        assertFalse(pages.isEmpty(), "the sample site has pages");
        for (Path page : pages) {
            errors.file = SampleSite.name(site, page);
            validator.checkHtmlFile(page.toFile(), true);
        }
        Path themed = SampleSite.sharedThemed();
        for (String page : List.of("index.html", SampleSite.REPORT)) {
            errors.file = "themed " + page;
            validator.checkHtmlFile(themed.resolve(page).toFile(), true);
        }
        assertTrue(errors.messages.isEmpty(), () -> errors.messages.size() + " validator error(s) in "
                + pages.size() + " pages:\n" + String.join("\n", errors.messages));
    }

    /** A control: the checker as set up for this class does report errors, so a pass above means something. */
    @Test
    void validatorReportsAnError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>x</title>"
                + "</head><body><table><tr><th id=\"a\">a</th></tr><tr><td headers=\"nope\">1</td></tr></table>"
                + "</body></html>", StandardCharsets.UTF_8);
        validator.checkHtmlFile(bad.toFile(), true);
        assertEquals(1, errors.messages.size(), () -> String.join("\n", errors.messages));
        assertTrue(errors.messages.get(0).contains("nope"), errors.messages.get(0));

        Path css = dir.resolve("bad.css");
        Files.writeString(css, "body { colr: red; }\n", StandardCharsets.UTF_8);
        validator.checkCssFile(css.toFile(), true);
        assertEquals(2, errors.messages.size(), () -> String.join("\n", errors.messages));
    }

    @Test
    void stylesheetIsValidCss() throws Exception {
        errors.file = "assets/govsite.css";
        validator.checkCssFile(site.resolve("assets/govsite.css").toFile(), true);
        assertTrue(errors.messages.isEmpty(), () -> String.join("\n", errors.messages));
    }

    /** Collects errors (not warnings) as {@code file:line:column: message}. */
    private static final class Collector implements ErrorHandler {
        private final List<String> messages = new ArrayList<>();
        private String file = "";

        @Override
        public void warning(SAXParseException e) {
            // warnings are advice, not errors
        }

        @Override
        public void error(SAXParseException e) {
            messages.add(String.format(Locale.ROOT, "%s:%d:%d: %s", file, e.getLineNumber(), e.getColumnNumber(),
                    e.getMessage()));
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
