package io.quickstep.graph;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The diagrams read the definition's model and nothing else of the engine's internals: not its
 * validator (they ask the public API), compiler, VM or runtime.
 */
class LayeringTest {
    @Test
    void usesTheDefinitionModelAndThePublicApiOnly() {
        noClasses().that().resideInAPackage("io.quickstep.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quickstep.compiler..", "io.quickstep.vm..",
                        "io.quickstep.runtime..", "io.quickstep.asl.validation..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.quickstep.graph"));
    }
}
