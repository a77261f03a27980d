package io.iotseal.server.disclosure;

import io.iotseal.disclosure.CaseState;
import io.iotseal.disclosure.DeadlineState;
import io.iotseal.disclosure.Moment;
import io.iotseal.disclosure.ReportingClocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A case's reporting deadlines (issue 17 item 3, ADR 0101): its moments as the core's {@link Moment}s, computed by
 * the {@link ReportingClocks} bean with the scheme of the case's label, at the injected clock's now. Deadlines are
 * never stored: they follow from the moments and the data, so a changed clocks file changes them at once. A page of
 * cases costs one query (their moments), whatever the number of clocks; the rest is arithmetic in memory.
 */
@Component
public class CaseClocks {

    /** The cases whose clocks may still run: open ones, and ended ones the law's clocks may still hold. */
    private static final String RUNNING = "(c.state not in ('CLOSED', 'REJECTED') or c.exploitation_known_at is not null"
            + " or c.severe_incident_known_at is not null)";
    private static final String SELECT = "select c.id, c.state, l.scheme, c.label_id, l.label_id, c.vendor_id,"
            + " c.received_at, c.acknowledged_at, c.triaged_at, c.exploitation_known_at, c.severe_incident_known_at,"
            + " c.corrective_measure_at, c.early_warning_at, c.notification_at, c.final_report_at,"
            + " c.incident_early_warning_at, c.incident_notification_at, c.incident_final_report_at, c.fixed_at,"
            + " c.disclosed_at, c.closed_at, c.updated_at"
            + " from disclosure_case c join label l on l.id = c.label_id";

    /** What the clocks need of a case: its state, its label's scheme (and label, for notifications), its moments. */
    record Clocked(UUID id, String state, String scheme, UUID label, String labelId, UUID vendorId,
                   CaseView.Moments moments) {
    }

    /** Where a case stands: the worst state needing attention (null: none) and the earliest such due instant. */
    record Attention(DeadlineState state, OffsetDateTime due) {
        static final Attention NONE = new Attention(null, null);
    }

    private final ReportingClocks clocks;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseClocks(ReportingClocks clocks, JdbcClient jdbc, Clock clock) {
        this.clocks = clocks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The one mapping of a case's moments to the core's: each recorded instant under the moment the clocks file
     * names. The corrective measure is stamped when the case becomes FIXED (ADR 0099).
     */
    static Map<Moment, Instant> moments(CaseView.Moments m) {
        Map<Moment, Instant> out = new EnumMap<>(Moment.class);
        put(out, Moment.REPORT_RECEIVED, m.receivedAt());
        put(out, Moment.ACKNOWLEDGED, m.acknowledgedAt());
        put(out, Moment.EXPLOITATION_KNOWN, m.exploitationKnownAt());
        put(out, Moment.SEVERE_INCIDENT_KNOWN, m.severeIncidentKnownAt());
        put(out, Moment.CORRECTIVE_MEASURE_AVAILABLE, m.correctiveMeasureAt());
        put(out, Moment.EARLY_WARNING_SUBMITTED, m.earlyWarningAt());
        put(out, Moment.NOTIFICATION_SUBMITTED, m.notificationAt());
        put(out, Moment.FINAL_REPORT_SUBMITTED, m.finalReportAt());
        put(out, Moment.INCIDENT_EARLY_WARNING_SUBMITTED, m.incidentEarlyWarningAt());
        put(out, Moment.INCIDENT_NOTIFICATION_SUBMITTED, m.incidentNotificationAt());
        put(out, Moment.INCIDENT_FINAL_REPORT_SUBMITTED, m.incidentFinalReportAt());
        put(out, Moment.FIXED, m.fixedAt());
        put(out, Moment.DISCLOSED, m.disclosedAt());
        return out;
    }

    private static void put(Map<Moment, Instant> out, Moment moment, OffsetDateTime at) {
        if (at != null) {
            out.put(moment, at.toInstant());
        }
    }

    /** The case's deadlines now, with what they were computed from; empty for an unknown case. */
    Optional<CaseDeadlines> view(UUID caseId) {
        Instant now = clock.instant();
        return find(caseId).map(c -> {
            List<CaseDeadline> deadlines = deadlines(c, now);
            return new CaseDeadlines(c.id(), c.scheme(), clocks.dataVersion(),
                    OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC),
                    deadlines.stream().anyMatch(CaseDeadline::needsAttention), deadlines);
        });
    }

    Instant now() {
        return clock.instant();
    }

    Optional<Clocked> find(UUID caseId) {
        return jdbc.sql(SELECT + " where c.id = ?").param(caseId).query((rs, n) -> clocked(rs)).optional();
    }

    List<CaseDeadline> deadlines(Clocked c, Instant now) {
        boolean ended = CaseState.valueOf(c.state()) == CaseState.CLOSED || CaseState.valueOf(c.state()) == CaseState.REJECTED;
        return clocks.deadlines(c.scheme(), moments(c.moments()), now).stream()
                .map(d -> CaseDeadline.of(d, ended)).toList();
    }

    /** Where each of these cases stands, in one query (a queue page's cases). */
    Map<UUID, Attention> attention(Collection<UUID> caseIds) {
        Map<UUID, Attention> out = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        Instant now = clock.instant();
        String in = String.join(", ", caseIds.stream().map(id -> "?").toList());
        for (Clocked c : jdbc.sql(SELECT + " where c.id in (" + in + ")").params(new ArrayList<>(caseIds))
                .query((rs, n) -> clocked(rs)).list()) {
            out.put(c.id(), attention(deadlines(c, now)));
        }
        return out;
    }

    /**
     * The ids of the cases (of {@code vendors}; every vendor's when null) with a deadline needing attention now,
     * read in batches of running cases: the "needs attention" filter of the queue.
     */
    Set<UUID> needingAttention(Set<UUID> vendors) {
        Set<UUID> out = new java.util.LinkedHashSet<>();
        Instant now = clock.instant();
        UUID after = null;
        while (true) {
            List<Clocked> batch = running(vendors, after, 500);
            for (Clocked c : batch) {
                if (attention(deadlines(c, now)).state() != null) {
                    out.add(c.id());
                }
            }
            if (batch.size() < 500) {
                return out;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    /** Running cases after {@code after} in id order (keyset paging), of {@code vendors} (null: all). */
    List<Clocked> running(Set<UUID> vendors, UUID after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where " + RUNNING);
        List<Object> params = new ArrayList<>();
        if (vendors != null) {
            if (vendors.isEmpty()) {
                return List.of();
            }
            sql.append(" and c.vendor_id in (").append(String.join(", ", vendors.stream().map(v -> "?").toList()))
                    .append(')');
            params.addAll(vendors);
        }
        if (after != null) {
            sql.append(" and c.id > ?");
            params.add(after);
        }
        sql.append(" order by c.id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> clocked(rs)).list();
    }

    /** The worst state needing attention (overdue before due soon) and the earliest due instant among those. */
    static Attention attention(List<CaseDeadline> deadlines) {
        DeadlineState worst = null;
        OffsetDateTime due = null;
        for (CaseDeadline d : deadlines) {
            if (!d.needsAttention()) {
                continue;
            }
            if (worst == null || d.state() == DeadlineState.OVERDUE) {
                worst = d.state();
            }
            if (due == null || d.due().isBefore(due)) {
                due = d.due();
            }
        }
        return worst == null ? Attention.NONE : new Attention(worst, due);
    }

    private static Clocked clocked(ResultSet rs) throws SQLException {
        return new Clocked(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getObject(6, UUID.class), new CaseView.Moments(time(rs, 7), time(rs, 8),
                time(rs, 9), time(rs, 10), time(rs, 11), time(rs, 12), time(rs, 13), time(rs, 14), time(rs, 15),
                time(rs, 16), time(rs, 17), time(rs, 18), time(rs, 19), time(rs, 20), time(rs, 21), time(rs, 22)));
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
