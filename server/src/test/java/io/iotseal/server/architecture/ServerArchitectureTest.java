package io.iotseal.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ServerArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.iotseal.server");

    @Test
    void serverDependsNotOnTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.iotseal.cli..", "io.iotseal.bench..")
                .check(SERVER);
    }

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("io.iotseal.server.(**)").should().beFreeOfCycles().check(SERVER);
    }
}
