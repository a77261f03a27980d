package io.iotseal.vex;

import java.util.List;
import java.util.Set;

/** Rules the registry applies to statements before keeping them. */
public final class VexStatements {

    private VexStatements() {
    }

    /**
     * The statements naming a component the product version's SBOM does not list, in their order, so the
     * server can refuse them by name (issue 16, "Bad input"). A statement is about a listed component when
     * its purl is one of {@code sbomPurls} (canonical form, as {@code SbomComponent.purl}) or its reference
     * is one of {@code sbomRefs} (the SBOM's bom-refs / SPDXIDs).
     */
    public static List<VexStatement> unknownComponents(List<VexStatement> statements, Set<String> sbomPurls,
                                                       Set<String> sbomRefs) {
        return statements.stream()
                .filter(s -> !(s.componentPurl() != null && sbomPurls.contains(s.componentPurl()))
                        && !(s.componentRef() != null && sbomRefs.contains(s.componentRef())))
                .toList();
    }
}
