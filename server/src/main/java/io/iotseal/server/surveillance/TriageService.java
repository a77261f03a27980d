package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.label.StatusListService;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.sbom.SbomAccess;
import io.iotseal.server.web.ApiException;
import io.iotseal.surveillance.TriageState;
import io.iotseal.vex.VexJustification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The vendor's triage of findings (issue 16 item 4, ADR 0096): one statement per (vulnerability, component)
 * of a product version, replacing the previous one without losing it. Who may: as for SBOMs
 * ({@link SbomAccess}); a statement by an operator admin who is not the vendor is "operator-confirmed".
 */
@Service
public class TriageService {

    /**
     * The justifications a statement may give: the CycloneDX 1.6 values and the OpenVEX/CSAF labels, stored as
     * given (converting them would claim more than the vocabularies share, ADR 0094).
     */
    static final Set<String> JUSTIFICATIONS = Arrays.stream(VexJustification.values()).map(VexJustification::label)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** The CycloneDX ones, which the console offers. */
    static final List<String> CYCLONEDX_JUSTIFICATIONS = Arrays.stream(VexJustification.values())
            .filter(j -> j.vocabulary() == VexJustification.Vocabulary.CYCLONEDX).map(VexJustification::label).toList();

    private final SbomAccess access;
    private final TriageRepository repository;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StatusListService labelPages;
    private final Clock clock;

    TriageService(SbomAccess access, TriageRepository repository, JdbcClient jdbc, AuditLog audit,
                  StatusListService labelPages, Clock clock) {
        this.labelPages = labelPages;
        this.access = access;
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TriageStatement record(Actor actor, UUID productId, UUID versionId, TriageInput input) {
        Product product = access.writable(actor, productId, "triage its findings");
        ProductVersion version = SbomAccess.version(product, versionId);
        TriageState status = status(input.status());
        String justification = blankToNull(input.justification());
        String action = blankToNull(input.actionStatement());
        String fixedIn = blankToNull(input.fixedIn());
        switch (status) {
            case NOT_AFFECTED -> {
                if (justification == null || !JUSTIFICATIONS.contains(justification)) {
                    throw ApiException.invalid("justification", "NOT_AFFECTED needs one of " + sorted(JUSTIFICATIONS)
                            + (justification == null ? "" : "; not " + justification));
                }
            }
            case AFFECTED -> {
                if (action == null) {
                    throw ApiException.invalid("actionStatement", "AFFECTED needs what users should do");
                }
            }
            case FIXED -> {
                if (fixedIn == null) {
                    throw ApiException.invalid("fixedIn", "FIXED needs the product version that fixes it");
                }
            }
            default -> {
            }
        }
        if (status != TriageState.NOT_AFFECTED && justification != null) {
            throw ApiException.invalid("justification", "only NOT_AFFECTED takes a justification");
        }
        if (fixedIn != null && status != TriageState.FIXED && status != TriageState.AFFECTED) {
            throw ApiException.invalid("fixedIn", "only FIXED, or AFFECTED with an update to offer, names a fixing version");
        }
        String component = input.component().strip();
        if (!currentComponents(version.id()).contains(component)) {
            throw ApiException.invalid("component", component + " is not a component of this version's SBOMs");
        }
        boolean vendor = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId());
        TriageStatement statement = new TriageStatement(UUID.randomUUID(), product.id(), version.id(),
                input.vulnerability().strip(), component, status, justification, blankToNull(input.impactStatement()),
                action, fixedIn, "MANUAL", null, actor.auditName(), !vendor, OffsetDateTime.now(clock), null);
        repository.replace(statement);
        labelPages.securityInformationChanged();
        audit.record(actor, "product.triage.add", "product", product.id(), null, statement);
        return statement;
    }

    @Transactional(readOnly = true)
    public List<TriageStatement> current(Actor actor, UUID productId, UUID versionId) {
        ProductVersion version = SbomAccess.version(access.readable(actor, productId), versionId);
        return repository.current(version.id());
    }

    /**
     * The package URLs of the version's SBOM components: what a statement may name. All its SBOMs count, as
     * for the findings (a vendor may upload the same firmware's CycloneDX and SPDX).
     */
    Set<String> currentComponents(UUID versionId) {
        return Set.copyOf(jdbc.sql("select distinct c.purl from sbom_component c join sbom s on s.id = c.sbom_id"
                        + " where s.version_id = ? and c.purl is not null")
                .param(versionId).query(String.class).list());
    }

    private static TriageState status(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        List<String> allowed = Arrays.stream(TriageState.values()).filter(s -> s != TriageState.UNTRIAGED)
                .map(Enum::name).toList();
        if (!allowed.contains(upper)) {
            throw ApiException.invalid("status", "one of " + allowed + "; not " + value);
        }
        return TriageState.valueOf(upper);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
