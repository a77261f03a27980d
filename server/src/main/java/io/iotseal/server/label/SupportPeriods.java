package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ETags;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A product's support period end, as its labels state it (ADR 0100). The label row's {@code support_end} is what
 * the public page and its JSON show, what the registry search filters on, what {@link LabelCalendar} warns about
 * and what a re-issue signs (ADR 0054); the credential signed at issue keeps the date it was signed with. When
 * the operator acknowledges a vendor's notice of a new support period end, every label of the product that is
 * not revoked takes the new date, each audited, and the status lists and pages are renewed after commit.
 * Expiry is left alone: a shortened support period that now ends before a label's expiry is for the operator to
 * decide (the notice is flagged), since suspension or revocation needs the hearing of BSI-ITSiKV §8.
 */
@Service
public class SupportPeriods {

    private final LabelRepository repository;
    private final StatusListService statusLists;
    private final AuditLog audit;
    private final Clock clock;

    SupportPeriods(LabelRepository repository, StatusListService statusLists, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.statusLists = statusLists;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the support period end of the product's labels that are not revoked; answers how many changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int changeSupportEnd(Actor actor, UUID productId, LocalDate supportEnd, UUID because) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = 0;
        for (LabelRow row : repository.notRevokedOfProduct(productId)) {
            if (row.supportEnd().equals(supportEnd)) {
                continue;
            }
            if (!repository.updateSupportEnd(row.id(), row.version(), supportEnd, now)) {
                throw ETags.preconditionFailed();
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("labelId", row.labelId());
            before.put("supportEnd", row.supportEnd().toString());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("labelId", row.labelId());
            after.put("supportEnd", supportEnd.toString());
            after.put("notice", because);
            audit.record(actor, "label.support-end", "label", row.id(), before, after);
            changed++;
        }
        if (changed > 0) {
            statusLists.statusListsChanged();
        }
        return changed;
    }
}
