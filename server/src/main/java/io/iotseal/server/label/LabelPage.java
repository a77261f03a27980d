package io.iotseal.server.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * What the public label page (template label/page.jte, ADR 0074) shows. The template escapes every value
 * from the database or the standards data; public only because the compiled templates live in jte's own
 * package.
 */
public final class LabelPage {

    private static final Set<String> KNOWN_STATUSES = Set.of("valid", "suspended", "revoked", "expired");

    private LabelPage() {
    }

    public record Facts(String labelId, String registrationNumber, String scheme, String level, String vendor, String product,
                        List<String> models, List<String> versions, LocalDate issued, LocalDate expiry, LocalDate supportEnd,
                        String status, String reason, OffsetDateTime statusSince, String vulnerabilityUrl,
                        String vulnerabilityContact, Lifecycle lifecycle, boolean replacedCode, boolean demo,
                        Security security, List<Update> updates, String vulnerabilityKeyFingerprint,
                        String vulnerabilityKeyUrl) {
        public Facts {
            updates = updates == null ? List.of() : List.copyOf(updates);
        }
    }

    /**
     * An acknowledged vendor notice with a public consequence (issue 17 item 5, ADR 0100). {@code kind}:
     * firmware-update (a new {@code version} released on {@code date}, fixing {@code fixes}), fixed-version
     * ({@code fixes} holds the vulnerability fixed in {@code version}) or support-period (the support period now
     * ends on {@code supportEnd}). {@code acknowledged}: the day the operator acknowledged it.
     */
    public record Update(String kind, String version, LocalDate date, List<String> fixes, LocalDate supportEnd,
                         LocalDate acknowledged) {
        public Update {
            fixes = fixes == null ? List.of() : List.copyOf(fixes);
        }
    }

    /**
     * Current security information (issue 16 item 6; BSI-ITSiKV §3 asks for it on the label's page): the
     * vulnerabilities known in the labelled versions that the vendor has triaged or the operator confirmed,
     * and when the advisory data was last checked (null: never). Untriaged findings are not public.
     */
    public record Security(List<SecurityEntry> entries, OffsetDateTime lastChecked) {
        public Security {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One triaged vulnerability. {@code status} is the VEX status (not_affected, affected, fixed,
     * under_investigation); {@code justification} is given for not_affected; {@code updateAvailable} is true when
     * the fixing version is a version of this product the registry knows; {@code kev}: CISA lists it as exploited.
     */
    public record SecurityEntry(String vulnerability, String severity, boolean kev, String component,
                                String productVersion, String status, String justification, String actionStatement,
                                String fixedIn, boolean updateAvailable, boolean operatorConfirmed) {
    }

    /**
     * Renewal and lapse (ADR 0053): the window, or null dates and the scheme data's note where it is not
     * known; the pending lapse; the label that renewed this one.
     */
    public record Lifecycle(LocalDate renewalOpens, LocalDate renewalCloses, String renewalNote, LocalDate lapseOn,
                            LocalDate requirementsChangedOn, String renewedBy, LocalDate renewedByExpiry) {
    }

    /** Whether the bundles name this status (label.status.*); an unknown one is shown as it is. */
    public static boolean statusKnown(String status) {
        return KNOWN_STATUSES.contains(status);
    }

    /** The UTC day of a status change, as the page shows it. */
    public static String day(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
    }
}
