package org.govsite.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages form one straight line of layers, each using only those before it:
 * {@code format → model → diagnostics → load → check → importer → output → pipeline → maven} (the importer is
 * used only by pipeline and maven). Inside {@code output}, the
 * kinds of output ({@code render}, {@code data}, {@code write}) share only the site layout and never form a cycle.
 */
class LayersTest {
    private static JavaClasses imported;

    @BeforeAll
    static void importClasses() {
        imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.govsite");
    }

    @Test
    void layersAreAStraightLine() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("format").definedBy("org.govsite.format..")
                .layer("model").definedBy("org.govsite.model..")
                .layer("diagnostics").definedBy("org.govsite.diagnostics..")
                .layer("load").definedBy("org.govsite.load..")
                .layer("check").definedBy("org.govsite.check..")
                .layer("importer").definedBy("org.govsite.importer..")
                .layer("output").definedBy("org.govsite.output..")
                .layer("pipeline").definedBy("org.govsite.pipeline..")
                .layer("maven").definedBy("org.govsite.maven..")
                .whereLayer("maven").mayNotBeAccessedByAnyLayer()
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("maven")
                .whereLayer("output").mayOnlyBeAccessedByLayers("pipeline", "maven")
                .whereLayer("importer").mayOnlyBeAccessedByLayers("pipeline", "maven")
                .whereLayer("check").mayOnlyBeAccessedByLayers("output", "pipeline", "maven")
                .whereLayer("load").mayOnlyBeAccessedByLayers("check", "output", "pipeline", "maven")
                .whereLayer("diagnostics").mayOnlyBeAccessedByLayers("load", "check", "importer", "output", "pipeline",
                        "maven")
                .whereLayer("model").mayOnlyBeAccessedByLayers("diagnostics", "load", "check", "output", "pipeline",
                        "maven")
                .check(imported);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.govsite.(**)").should().beFreeOfCycles().check(imported);
    }

    @Test
    void everyClassLivesInALayer() {
        classes().should().resideInAnyPackage(
                        "org.govsite.format..", "org.govsite.model..", "org.govsite.diagnostics..",
                        "org.govsite.load..", "org.govsite.check..", "org.govsite.importer..",
                        "org.govsite.output..",
                        "org.govsite.pipeline..", "org.govsite.maven..")
                .check(imported);
    }
}
