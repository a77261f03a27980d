package io.iotseal.server.label;

import io.iotseal.label.status.LabelState;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Makes lapses take effect (ADR 0051): a label whose lapse date has passed without renewal or update is
 * revoked, so it stops verifying everywhere, offline verifiers included (they see the revocation list).
 * Run by the scheduled job and lazily before label reads; safe with several server instances, since each
 * label is revoked in its own transaction under its version, and whoever comes second changes nothing.
 */
@Service
class LapseService {

    /** How the audit log names the rule that revoked the label. */
    static final Actor LAPSE_RULE = new Actor(null, "system:lapse-rule", List.of());

    private final LabelRepository labels;
    private final LifecycleRepository lifecycle;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    LapseService(LabelRepository labels, LifecycleRepository lifecycle, AuditLog audit, Clock clock,
                 PlatformTransactionManager transactions) {
        this.labels = labels;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
        // Its own transaction even when called inside a (read-only) one, and one per label, so a lapse never
        // holds one label's lock while waiting for another's.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Revokes every label whose lapse is due; returns how many this call revoked. */
    int applyDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int revoked = 0;
        for (UUID id : lifecycle.dueLapses(today)) {
            if (Boolean.TRUE.equals(ownTransaction.execute(tx -> lapse(id, today, now)))) {
                revoked++;
            }
        }
        return revoked;
    }

    private boolean lapse(UUID id, LocalDate today, Instant now) {
        LabelRow row = labels.find(id).orElse(null);
        LifecycleRepository.State s = lifecycle.state(id);
        if (row == null || row.status() == LabelState.Kind.REVOKED || s.lapseOn() == null || !s.lapseOn().isBefore(today)) {
            return false; // renewed, updated or revoked since the query
        }
        String reason = "lapsed: requirements changed on " + s.changedOn() + ", declaration not updated by " + s.lapseOn();
        LabelState after = row.state().revoke(reason, now);
        if (!labels.updateStatus(id, row.version(), after, now.atOffset(ZoneOffset.UTC))) {
            return false; // another instance (or a concurrent change) came first; the next run looks again
        }
        audit.record(LAPSE_RULE, "label.lapse", "label", id, LabelService.audited(row),
                LabelService.audited(labels.find(id).orElseThrow()));
        return true;
    }
}
