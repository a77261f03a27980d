package io.iotseal.sbom;

import java.util.List;

/**
 * A parsed, schema-valid SBOM: its format and specification version, the components it lists
 * (nested CycloneDX components flattened, depth first, in document order) and the warnings found.
 */
public record SbomDocument(SbomFormat format, String specVersion, List<SbomComponent> components,
                           List<SbomWarning> warnings) {

    public SbomDocument {
        components = List.copyOf(components);
        warnings = List.copyOf(warnings);
    }
}
