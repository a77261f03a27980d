package io.iotseal.server.surveillance;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.iotseal.server.label.LabelPage;
import io.iotseal.server.label.SecurityInformation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The security information of a label's page (issue 16 item 6, ADR 0096): every current triage statement of
 * the labelled versions, with the severity and KEV listing of the finding it speaks of. Only triaged entries
 * (by the vendor, or confirmed by the operator) are public; an untriaged finding is the vendor's and the
 * operator's business until then.
 */
@Component
class LabelSecurityInformation implements SecurityInformation {

    private static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "NONE");

    private final JdbcClient jdbc;
    private final TriageRepository triage;
    private final VersionFindings findings;

    LabelSecurityInformation(JdbcClient jdbc, TriageRepository triage, VersionFindings findings) {
        this.jdbc = jdbc;
        this.triage = triage;
        this.findings = findings;
    }

    @Override
    public LabelPage.Security ofLabel(UUID productId, List<String> versions) {
        Map<String, UUID> known = new LinkedHashMap<>();
        jdbc.sql("select version, id from product_version where product_id = ? order by version").param(productId)
                .query((rs, n) -> known.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        List<LabelPage.SecurityEntry> entries = new ArrayList<>();
        for (String version : versions) {
            UUID versionId = known.get(version);
            if (versionId == null) {
                continue;
            }
            List<VersionFinding> found = findings.of(versionId);
            for (TriageStatement s : triage.current(versionId)) {
                Optional<VersionFinding> finding = found.stream()
                        .filter(f -> f.coveredBy(s.vulnerability(), s.component())).findFirst();
                entries.add(new LabelPage.SecurityEntry(
                        finding.map(VersionFinding::displayId).orElse(s.vulnerability()),
                        finding.map(VersionFinding::severity).orElse(null),
                        finding.map(f -> f.kevAdded() != null).orElse(false),
                        finding.map(f -> f.name() + " " + f.version()).orElseGet(() -> componentName(s.component())),
                        version, s.status().name().toLowerCase(Locale.ROOT), s.justification(), s.actionStatement(),
                        s.fixedIn(), s.fixedIn() != null && known.containsKey(s.fixedIn()),
                        s.operatorConfirmed()));
            }
        }
        entries.sort(Comparator.comparing(LabelPage.SecurityEntry::productVersion)
                .thenComparing(e -> e.severity() == null ? SEVERITY_ORDER.size() : SEVERITY_ORDER.indexOf(e.severity()))
                .thenComparing(LabelPage.SecurityEntry::vulnerability));
        return new LabelPage.Security(entries, findings.lastChecked().orElse(null));
    }

    @Override
    public Object freshness() {
        Optional<java.time.OffsetDateTime> lastTriage = jdbc.sql("select max(decided_at) from finding_triage")
                .query(java.time.OffsetDateTime.class).optional();
        return java.util.Arrays.asList(lastTriage.orElse(null), findings.lastChecked().orElse(null));
    }

    /** "openssl 3.0.11-1" from a package URL, or the text as it is when it is none. */
    static String componentName(String purl) {
        try {
            PackageURL p = new PackageURL(purl);
            return p.getVersion() == null ? p.getName() : p.getName() + " " + p.getVersion();
        } catch (MalformedPackageURLException e) {
            return purl;
        }
    }
}
