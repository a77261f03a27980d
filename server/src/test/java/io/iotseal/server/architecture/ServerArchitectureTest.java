package io.iotseal.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The server sits on top (issue 11): it uses the core and never the CLI; its packages must not form new cycles. */
class ServerArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.iotseal.server");

    /**
     * The packages that still import each other in cycles today (Actor, Role and Membership sit between
     * them). They count as one slice until they are untangled; then remove them from this set, which
     * makes every server package its own slice.
     */
    private static final Set<String> STILL_TANGLED = Set.of("web", "security", "account", "organization", "audit");

    @Test
    void serverDependsNotOnTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.iotseal.cli..", "io.iotseal.bench..")
                .check(SERVER);
    }

    @Test
    void serverPackagesHaveNoCyclesBesidesTheKnownTangle() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String rest = javaClass.getPackageName().replaceFirst("^io\\.iotseal\\.server\\.?", "");
                String top = rest.isEmpty() ? "(root)" : rest.split("\\.")[0];
                return SliceIdentifier.of(STILL_TANGLED.contains(top) ? "tangle of " + STILL_TANGLED : rest.isEmpty() ? top : rest);
            }

            @Override
            public String getDescription() {
                return "server packages, the still tangled ones as one";
            }
        }).should().beFreeOfCycles().check(SERVER);
    }
}
