package io.iotseal.server.label;

import io.iotseal.label.status.LabelState;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes lapses take effect (ADR 0053): a label whose lapse date has passed without renewal or update is
 * revoked, so it stops verifying everywhere, offline verifiers included (they see the revocation list).
 * Run by the scheduled job and lazily before label reads; safe with several server instances, since each
 * label is revoked in its own transaction under its version, and whoever comes second changes nothing.
 * The lazy check costs no query on the hot status-list path: the earliest pending lapse is kept in
 * memory until the label table's last change moves (which every lapse set, cleared or applied does, on
 * any instance) or this instance records a requirement change.
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
    private final Outbox outbox;
    private volatile Earliest earliest;

    /** The earliest pending lapse (null: none) as of the label table's last change {@code lastChange}. */
    private record Earliest(OffsetDateTime lastChange, LocalDate lapseOn) {
    }

    LapseService(LabelRepository labels, LifecycleRepository lifecycle, AuditLog audit, Clock clock,
                 PlatformTransactionManager transactions, Outbox outbox) {
        this.labels = labels;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        // One transaction per label, never the caller's, so a lapse never holds one label's lock while
        // waiting for another's or for the audit head.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The lazy check: revokes due lapses if the earliest pending one is due, given the label table's last
     * change as the caller just read it; returns how many this call revoked.
     */
    int applyDue(OffsetDateTime lastChange) {
        Earliest known = earliest;
        if (known == null || !Objects.equals(known.lastChange(), lastChange)) {
            known = new Earliest(lastChange, lifecycle.earliestPendingLapse());
            earliest = known;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return known.lapseOn() != null && known.lapseOn().isBefore(today) ? applyDue() : 0;
    }

    /**
     * Whether the remembered earliest pending lapse is due, without any query: the status lists' hot
     * path asks this on every request (their periodic freshness check calls {@link #applyDue(OffsetDateTime)}).
     */
    boolean knownDue() {
        Earliest known = earliest;
        return known != null && known.lapseOn() != null
                && known.lapseOn().isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Drops the remembered earliest lapse once the current transaction commits (a requirement change set lapses). */
    void forgetAfterCommit() {
        earliest = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    earliest = null;
                }
            });
        }
    }

    /** Revokes every label whose lapse is due (the scheduled job); returns how many this call revoked. */
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
        audit.record(LAPSE_RULE, "label.lapse", "label", id, LabelAudit.of(row),
                LabelAudit.of(labels.find(id).orElseThrow()));
        outbox.label(EventType.LABEL_REVOKED, id, java.util.Map.of("cause", "lapse"));
        return true;
    }
}
