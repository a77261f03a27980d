package io.iotseal.server.surveillance;

import io.iotseal.server.advisory.AdvisoryService;
import io.iotseal.server.advisory.Finding;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link VersionFindings} from the advisory store (ADR 0095): the open findings of all the version's SBOMs,
 * with the CVSS rating in upper case as the surveillance policy names it (NONE ... CRITICAL).
 */
@Component
class AdvisoryVersionFindings implements VersionFindings {

    private final AdvisoryService advisories;

    AdvisoryVersionFindings(AdvisoryService advisories) {
        this.advisories = advisories;
    }

    @Override
    public List<VersionFinding> of(UUID versionId) {
        return advisories.findingsOfVersion(versionId).stream().map(AdvisoryVersionFindings::finding).toList();
    }

    @Override
    public Optional<OffsetDateTime> lastChecked() {
        return advisories.lastChecked();
    }

    private static VersionFinding finding(Finding f) {
        return new VersionFinding(f.advisoryId(), f.aliases(), f.purl() != null ? f.purl() : f.cpe(), f.component(),
                f.version(), f.basis(), f.severity() == null ? null : f.severity().rating().toUpperCase(Locale.ROOT),
                f.severity() == null ? null : f.severity().baseScore(), f.kevDateAdded(), f.fixedIn(), f.firstSeen());
    }
}
