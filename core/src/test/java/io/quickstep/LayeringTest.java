package io.quickstep;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The package layering of docs/ARCHITECTURE.md: each layer uses only those below it. At the bottom
 * the building blocks and the types users hand in or get back (JSON, errors, paths, intrinsic
 * functions, JSONata, task handlers, execution results, metrics), then the definition model and
 * its validator, the compiler, the VM, the runtime of shards, the embedding API, and the test
 * tooling built on it.
 */
public class LayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quickstep");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy("io.quickstep.json..", "io.quickstep.error..", "io.quickstep.path..",
                        "io.quickstep.intrinsics..", "io.quickstep.jsonata..", "io.quickstep.task..",
                        "io.quickstep.execution..", "io.quickstep.metrics..", "io.quickstep.events..",
                        "io.quickstep.log..")
                .layer("Definitions").definedBy("io.quickstep.asl..")
                .layer("Compiler").definedBy("io.quickstep.compiler..")
                .layer("VM").definedBy("io.quickstep.vm..")
                .layer("Runtime").definedBy("io.quickstep.runtime..")
                .layer("API").definedBy("io.quickstep.api..")
                .layer("Testing").definedBy("io.quickstep.testing..")
                .whereLayer("Testing").mayNotBeAccessedByAnyLayer()
                .whereLayer("API").mayOnlyBeAccessedByLayers("Testing")
                .whereLayer("Runtime").mayOnlyBeAccessedByLayers("API", "Testing")
                .whereLayer("VM").mayOnlyBeAccessedByLayers("Runtime", "API", "Testing")
                .whereLayer("Compiler").mayOnlyBeAccessedByLayers("VM", "Runtime", "API", "Testing")
                .whereLayer("Definitions").mayOnlyBeAccessedByLayers("Compiler", "VM", "Runtime", "API", "Testing")
                .check(CORE);
    }

    /**
     * Checks that the classes of {@code module} (a package of another module: the command line,
     * the load tester) reach the engine as users do, through the API and never its internals.
     */
    public static void assertUsesOnlyThePublicApi(String module) {
        noClasses().that().resideInAPackage(module + "..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quickstep.compiler..", "io.quickstep.vm..",
                        "io.quickstep.runtime..", "io.quickstep.asl.model..", "io.quickstep.asl.validation..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(module));
    }
}
