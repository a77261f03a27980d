package io.iotseal.probe.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The probe sits on the core only (issue 11): it knows nothing of the CLI or the server, and has no package cycles. */
class ProbeArchitectureTest {

    private static final JavaClasses PROBE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.iotseal.probe");

    @Test
    void probeDependsOnNeitherCliNorServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.iotseal.cli..", "io.iotseal.server..",
                "io.iotseal.bench..", "org.springframework..", "picocli..").check(PROBE);
    }

    @Test
    void probePackagesHaveNoCycles() {
        slices().matching("io.iotseal.probe.(**)").should().beFreeOfCycles().check(PROBE);
    }
}
