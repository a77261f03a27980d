package io.iotseal.server.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renewal and lapse of a label as the API shows them (ADR 0053). {@code renewal} always says whether the
 * scheme data knows the window; {@code lapse} is null unless a requirement change left one pending;
 * {@code renewalOf} and {@code renewedBy} link the labels of one registration; {@code openRequest} is
 * the renewal or update waiting for the operator's decision, if any.
 */
public record LifecycleView(Renewal renewal, Lapse lapse, UUID renewalOf, UUID renewedBy, RequestView openRequest) {

    /**
     * The window from the scheme data: {@code known} false (and no dates) where the data does not state
     * it, with the data's note, confidence and sources either way. {@code state} is open, not-yet-open,
     * closed or not-known, as of today (UTC). {@code lapseAfterRequirementChange} is the data's period
     * (ISO 8601) or null.
     */
    public record Renewal(boolean known, LocalDate opens, LocalDate closes, String state,
                          String lapseAfterRequirementChange, Map<String, String> note, String confidence,
                          List<String> sources) {
    }

    /** The last day the label stays valid unless renewed or its declaration updated, and the change behind it. */
    public record Lapse(LocalDate lastValidDay, LocalDate requirementsChangedOn, String note, String reference) {
    }

    /**
     * A request to renew the label ({@code renewal}) or to record its updated declaration ({@code update}):
     * requested, approved or rejected; {@code newLabel} is the label an approved renewal issued.
     */
    public record RequestView(UUID id, UUID label, String kind, String state, String note, String requestedBy,
                              OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String comment,
                              UUID newLabel, long version) implements io.iotseal.server.web.Versioned {
        static RequestView of(LifecycleRepository.Request r) {
            return new RequestView(r.id(), r.label(), r.kind().name().toLowerCase(java.util.Locale.ROOT),
                    r.state().name().toLowerCase(java.util.Locale.ROOT), r.note(), r.requestedBy(), r.requestedAt(),
                    r.decidedBy(), r.decidedAt(), r.comment(), r.newLabel(), r.version());
        }
    }
}
