package org.hmskg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other in one direction only (README, "Code map"). The pipeline's stages come in order,
 * parse → extract → map → validate → pipeline, each using those before it and vocab; the server never reaches into
 * the pipeline's stages; inside the server, http knows nothing of the data or the pages, data nothing of the pages;
 * nothing uses the command line.
 */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hmskg");
    }

    private static void check(String pkg, String... forbidden) {
        ArchRule rule = noClasses().that().resideInAPackage("org.hmskg." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden);
        rule.check(classes);
    }

    private static String[] hmskg(String... packages) {
        String[] out = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            out[i] = "org.hmskg." + packages[i] + "..";
        }
        return out;
    }

    @Test
    void theStagesComeInOrder() {
        check("vocab", hmskg("parse", "extract", "map", "validate", "pipeline", "store", "query", "serve", "cli"));
        check("parse", hmskg("extract", "map", "validate", "pipeline", "store", "query", "serve", "cli"));
        check("extract", hmskg("map", "validate", "pipeline", "store", "query", "serve", "cli"));
        check("map", hmskg("validate", "pipeline", "store", "query", "serve", "cli"));
        check("validate", hmskg("pipeline", "store", "query", "serve", "cli"));
        check("pipeline", hmskg("query", "serve", "cli"));
    }

    /** PDF → seed text, used by the pipeline's import; it knows nothing of the rest. */
    @Test
    void theSourceReaderStandsAlone() {
        check("source", hmskg("vocab", "parse", "extract", "map", "validate", "pipeline", "store", "query", "serve",
                "cli"));
        for (String pkg : List.of("vocab", "parse", "extract", "map", "validate", "store", "query", "serve")) {
            check(pkg, hmskg("source"));
        }
    }

    @Test
    void theStoreAndTheQueriesStandAlone() {
        check("store", hmskg("parse", "extract", "map", "validate", "pipeline", "query", "serve", "cli"));
        check("query", hmskg("parse", "extract", "map", "validate", "pipeline", "store", "serve", "cli"));
    }

    @Test
    void theServerNeverReachesIntoThePipeline() {
        check("serve", hmskg("pipeline", "parse", "extract", "map", "validate", "cli"));
    }

    @Test
    void insideTheServerHttpThenDataThenPages() {
        noClasses().that().resideInAPackage("org.hmskg.serve.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hmskg.serve.data..",
                        "org.hmskg.serve.pages..", "org.hmskg.store..", "org.hmskg.query..")
                .check(classes);
        noClasses().that().resideInAPackage("org.hmskg.serve.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hmskg.serve.pages..")
                .check(classes);
        // the assembly (HmsServer, Routes) is the root package: no room reaches back into it
        noClasses().that().resideInAnyPackage("org.hmskg.serve.http..", "org.hmskg.serve.data..",
                        "org.hmskg.serve.pages..")
                .should().dependOnClassesThat().resideInAPackage("org.hmskg.serve")
                .check(classes);
    }

    @Test
    void nothingUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.hmskg.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.hmskg.cli..")
                .check(classes);
    }
}
