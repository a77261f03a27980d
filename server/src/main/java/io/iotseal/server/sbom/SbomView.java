package io.iotseal.server.sbom;

import io.iotseal.sbom.SbomComponent;
import io.iotseal.sbom.SbomWarning;

import java.util.List;

/** An SBOM with its components (document order) and the warnings found when it was read. */
public record SbomView(SbomSummary sbom, List<SbomComponent> components, List<SbomWarning> warnings) {
}
