package io.iotseal.server.surveillance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The findings of product versions, from the advisory store; the seam between matching and surveillance. */
public interface VersionFindings {

    /** The current findings of the version's SBOM components (not those gone after a re-match). */
    List<VersionFinding> of(UUID versionId);

    /** When advisory data was last imported and matched: how current the findings are. */
    Optional<OffsetDateTime> lastChecked();
}
