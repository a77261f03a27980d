package io.iotseal.disclosure;

import java.time.Instant;
import java.util.List;

/**
 * What a CRA report draft is filled from, independent of how a case stores it. Any field may be null: what a
 * stage needs and is missing makes the draft refused, naming the field ({@link CraDrafts#build}); what the
 * regulation asks only "as available" or "where applicable" becomes {@code "unknown"}.
 *
 * @param manufacturer                 who places the product on the market
 * @param productName                  the product
 * @param productVersions              the affected versions
 * @param vulnerabilityId              the case's or advisory's id
 * @param cve                          the CVE id, if assigned
 * @param description                  the vulnerability, in the manufacturer's words
 * @param exploitNature                how it is exploited, as far as known
 * @param severity                     a rating and/or a CVSS vector and score
 * @param impact                       its impact
 * @param activelyExploited            whether it is actively exploited (the reports exist only then)
 * @param memberStates                 ISO 3166-1 alpha-2 codes of the Member States where the product is known to
 *                                     be made available; null when not known
 * @param correctiveMeasuresTaken      corrective or mitigating measures taken so far
 * @param userMeasures                 measures users can take
 * @param sensitivity                  how sensitive the manufacturer considers the information (a TLP label)
 * @param maliciousActor               what is known of who exploited it
 * @param correctiveMeasure            the security update or other measure made available, with fixed versions
 * @param correctiveMeasureAvailableAt when that measure became available
 * @param awareAt                      when the manufacturer became aware of the active exploitation
 */
public record CraReportInput(Manufacturer manufacturer, String productName, List<String> productVersions,
                             String vulnerabilityId, String cve, String description, String exploitNature,
                             Severity severity, String impact, boolean activelyExploited, List<String> memberStates,
                             String correctiveMeasuresTaken, String userMeasures, Sensitivity sensitivity,
                             String maliciousActor, CorrectiveMeasure correctiveMeasure,
                             Instant correctiveMeasureAvailableAt, Instant awareAt) {

    public CraReportInput {
        productVersions = productVersions == null ? List.of() : List.copyOf(productVersions);
        memberStates = memberStates == null ? null : List.copyOf(memberStates);
    }

    public record Manufacturer(String name, String contact) {
    }

    /** A qualitative rating (LOW, MEDIUM, HIGH, CRITICAL) and/or a CVSS vector with its base score. */
    public record Severity(String rating, String cvssVector, Double cvssBaseScore) {
    }

    /** The security update or other corrective measure made available, and the versions that fix it. */
    public record CorrectiveMeasure(String details, List<String> fixedVersions) {
        public CorrectiveMeasure {
            fixedVersions = fixedVersions == null ? List.of() : List.copyOf(fixedVersions);
        }
    }

    /** FIRST's Traffic Light Protocol 2.0 labels, our way to say how sensitive the information is (Art. 14(2)(b)). */
    public enum Sensitivity {
        CLEAR("TLP:CLEAR"), GREEN("TLP:GREEN"), AMBER("TLP:AMBER"), AMBER_STRICT("TLP:AMBER+STRICT"), RED("TLP:RED");

        private final String label;

        Sensitivity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
