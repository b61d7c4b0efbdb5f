package io.quickstep.loadtest;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The load tester drives the engine as users do: through the API, never its internals. */
class LayeringTest {
    @Test
    void theLoadTesterUsesOnlyThePublicApi() {
        noClasses().that().resideInAPackage("io.quickstep.loadtest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quickstep.compiler..", "io.quickstep.vm..",
                        "io.quickstep.runtime..", "io.quickstep.asl.model..", "io.quickstep.asl.validation..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.quickstep.loadtest"));
    }
}
