package io.iotseal.server.advisory;

import io.iotseal.advisory.match.SeverityScore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.advisory.Advisory;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.sbom.SbomService;
import io.iotseal.server.sbom.SbomSummary;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading advisories, imports and findings, with who may read what (ADR 0095). */
@Service
public class AdvisoryService {

    private final AdvisoryRepository advisories;
    private final FindingRepository findings;
    private final SbomService sboms;
    private final ObjectMapper mapper;

    AdvisoryService(AdvisoryRepository advisories, FindingRepository findings, SbomService sboms, ObjectMapper mapper) {
        this.advisories = advisories;
        this.findings = findings;
        this.sboms = sboms;
        this.mapper = mapper;
    }

    /** The operator sees every advisory; a vendor those with an open finding on one of its products. */
    @Transactional(readOnly = true)
    public AdvisoryView advisory(Actor actor, String id) {
        AdvisoryRepository.StoredAdvisory s = advisories.find(id)
                .orElseThrow(() -> ApiException.notFound("advisory " + id));
        if (!actor.isOperator() && !advisories.affectsVendor(id, actor.organizationsWith(Role.VENDOR_ADMIN,
                Role.VENDOR_MEMBER))) {
            throw ApiException.forbidden("an advisory is shown to the operator and to vendors whose products it affects");
        }
        Advisory a;
        try {
            a = mapper.readValue(s.content(), Advisory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored advisory " + id + " cannot be read back", e);
        }
        return new AdvisoryView(a, s.cveId(), score(s.cvssVersion(), s.cvssScore(), s.cvssRating(), s.cvssVector()),
                s.kevDateAdded(), s.kevRansomware());
    }

    /** Feed imports, newest first: the operator's (admins and reviewers). */
    @Transactional(readOnly = true)
    public List<FeedImport> imports(Actor actor, int limit, long offset) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("feed imports are the operator's");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "must be 1 to 500");
        }
        if (offset < 0) {
            throw ApiException.invalid("offset", "must not be negative");
        }
        return advisories.imports(limit, offset);
    }

    /**
     * The open findings of a product version's SBOM components. Who may is exactly who may read its SBOMs
     * (ADR 0091): the SBOM list is asked first and answers 401/403/404 the same way.
     */
    @Transactional(readOnly = true)
    public List<Finding> findings(Actor actor, UUID productId, UUID versionId) {
        return findingsOf(sboms.list(actor, productId, versionId).stream().map(SbomSummary::id).toList());
    }

    /**
     * The open findings of a product version for the registry's own use (surveillance and the public label
     * page, ADR 0096), which decide themselves what to show to whom.
     */
    @Transactional(readOnly = true)
    public List<Finding> findingsOfVersion(UUID versionId) {
        return findingsOf(findings.sbomsOf(versionId));
    }

    /** When advisory data was last matched against the SBOMs: the latest import whose re-match has run. */
    @Transactional(readOnly = true)
    public java.util.Optional<java.time.OffsetDateTime> lastChecked() {
        return findings.lastRematch();
    }

    private List<Finding> findingsOf(List<UUID> sbomIds) {
        return findings.openFindings(sbomIds).stream().map(f -> new Finding(f.name(), f.purl(), f.cpe(), f.version(),
                f.advisoryId(), f.aliases() == null || f.aliases().isEmpty() ? List.of()
                        : Arrays.asList(f.aliases().split(" ")),
                f.summary(), f.basis(), "CPE".equals(f.basis()),
                score(f.cvssVersion(), f.cvssScore(), f.cvssRating(), f.cvssVector()), f.kevDateAdded() != null,
                f.kevDateAdded(), f.fixedIn(), f.reason(), f.firstSeen(), f.lastSeen())).toList();
    }

    private static SeverityScore score(String version, Double score, String rating, String vector) {
        return score == null ? null : new SeverityScore(version, score, rating, vector);
    }
}
