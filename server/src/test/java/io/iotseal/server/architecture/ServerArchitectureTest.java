package io.iotseal.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The server sits on top (issue 11): it uses the core and never the CLI; its packages form no cycles. */
class ServerArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.iotseal.server");

    @Test
    void serverDependsNotOnTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.iotseal.cli..", "io.iotseal.bench..")
                .check(SERVER);
    }

    /**
     * Every server package is its own slice (the root package too): none may import another that imports
     * it back. Actor, Role, Membership and OrganizationKind live in {@code access} below everything else.
     */
    @Test
    void serverPackagesHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String rest = javaClass.getPackageName().replaceFirst("^io\\.iotseal\\.server\\.?", "");
                return SliceIdentifier.of(rest.isEmpty() ? "(root)" : rest);
            }

            @Override
            public String getDescription() {
                return "server packages";
            }
        }).should().beFreeOfCycles().check(SERVER);
    }
}
