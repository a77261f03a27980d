package io.iotseal.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI sits on the core and the probe (issue 11): it never reaches into the server's code. */
class CliArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.iotseal.cli");

    @Test
    void cliDependsNotOnTheServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.iotseal.server..", "io.iotseal.bench..")
                .check(CLI);
    }

    @Test
    void cliPackagesHaveNoCycles() {
        slices().matching("io.iotseal.(**)").should().beFreeOfCycles().check(CLI);
    }
}
