package io.iotseal.server.survey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;

/**
 * A registered campaign (V35 {@code survey_campaign}) as the API shows it, with its scope as registered and what
 * the registry holds of it so far.
 */
public record Campaign(String id, String title, String legalBasis, String signedOffBy, OffsetDateTime signedOffAt,
                       OffsetDateTime windowFrom, OffsetDateTime windowUntil, String scopeSha256, long addressCount,
                       String registeredBy, OffsetDateTime registeredAt, long observations, long matched,
                       long openLabelFindings, @JsonIgnore String scopeJson) {

    /** The scope exactly as registered (its canonical JSON). */
    @JsonRawValue
    public String scope() {
        return scopeJson;
    }
}
