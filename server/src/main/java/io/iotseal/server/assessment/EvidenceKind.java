package io.iotseal.server.assessment;

import io.iotseal.catalog.Coded;

/** Evidence a vendor or lab gives for requirements, or the lab's evaluation report. */
public enum EvidenceKind implements Coded {
    EVIDENCE,
    LAB_REPORT;

    /** From a query parameter, in the API's spelling ({@code evidence}, {@code lab-report}); null gives null. */
    public static EvidenceKind parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (EvidenceKind k : values()) {
            if (k.code().equals(code.strip())) {
                return k;
            }
        }
        throw io.iotseal.server.web.ApiException.invalid("kind", "one of evidence, lab-report; not " + code);
    }
}
