package io.iotseal.server.notification;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SQL of the outbox's delivery side (ADR 0081). Claims use {@code FOR UPDATE SKIP LOCKED}, so instances
 * claiming at once take disjoint rows without waiting for each other; a claim moves the row's
 * {@code next_attempt_at} past a lease, so a claim whose instance died comes due again by itself.
 */
@Repository
class DeliveryRepository {

    static final RowMapper<EventRow> EVENT = (rs, n) -> new EventRow(rs.getObject("event_id", UUID.class),
            rs.getString("type"), rs.getString("subject"), rs.getObject("vendor_id", UUID.class),
            rs.getObject("lab_id", UUID.class), rs.getString("label_id"), rs.getBoolean("public_event"),
            rs.getString("data"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getBoolean("operator_copy"));

    /** Ids per recording statement: well under every driver's limit on bound parameters. */
    private static final int RECORD_CHUNK = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    DeliveryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Events not yet fanned out, oldest first, locked (skipping those another instance holds). */
    List<EventRow> lockUnfanned(int limit) {
        return jdbc.sql("select id as event_id, type, subject, vendor_id, lab_id, label_id, public_event, data, occurred_at,"
                        + " operator_copy"
                        + " from notification_event where fanned_out = false order by occurred_at, id limit " + limit
                        + " for update skip locked")
                .query(EVENT).list();
    }

    /** One PENDING delivery per (event, subscription) pair, due now, and the events marked fanned out. */
    void insertDeliveries(List<EventRow> events, List<UUID[]> pairs, OffsetDateTime now) {
        if (!pairs.isEmpty()) {
            SqlParameterSource[] rows = pairs.stream().map(p -> new MapSqlParameterSource()
                    .addValue("id", UUID.randomUUID()).addValue("event", p[0]).addValue("subscription", p[1])
                    .addValue("now", now)).toArray(SqlParameterSource[]::new);
            named.batchUpdate("insert into notification_delivery (id, event_id, subscription_id, state, attempts,"
                    + " next_attempt_at, created_at) values (:id, :event, :subscription, 'PENDING', 0, :now, :now)", rows);
        }
        named.update("update notification_event set fanned_out = true where id in (:ids)",
                Map.of("ids", events.stream().map(EventRow::id).toList()));
    }

    /** Due deliveries, locked (skipping rows another instance holds), at most {@code limit}. */
    List<UUID> lockDue(OffsetDateTime now, int limit) {
        return jdbc.sql("select id from notification_delivery where state = 'PENDING' and next_attempt_at <= ?"
                        + " order by next_attempt_at limit " + limit + " for update skip locked")
                .param(now).query(UUID.class).list();
    }

    /** Claims the locked rows until {@code leaseUntil}, counting the attempt, and answers them with their event and subscription. */
    List<Claimed> claim(List<UUID> ids, UUID claim, OffsetDateTime leaseUntil) {
        named.update("update notification_delivery set claim = :claim, attempts = attempts + 1,"
                        + " next_attempt_at = :lease where id in (:ids)",
                new MapSqlParameterSource().addValue("claim", claim).addValue("lease", leaseUntil).addValue("ids", ids));
        record Row(UUID id, int attempts, UUID subscription, EventRow event) {
        }
        List<Row> rows = named.query("select d.id, d.attempts, d.subscription_id, e.id as event_id, e.type, e.subject,"
                        + " e.vendor_id, e.lab_id, e.label_id, e.public_event, e.data, e.occurred_at, e.operator_copy"
                        + " from notification_delivery d join notification_event e on e.id = d.event_id where d.id in (:ids)",
                Map.of("ids", ids), (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getInt("attempts"),
                        rs.getObject("subscription_id", UUID.class), EVENT.mapRow(rs, n)));
        Map<UUID, Subscription> subscriptions = subscriptions(rows.stream().map(Row::subscription).distinct().toList());
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Row r : rows) {
            claimed.add(new Claimed(r.id(), claim, r.attempts(), r.event(), subscriptions.get(r.subscription())));
        }
        return claimed;
    }

    /** Subscriptions by id, active or not (a delivery may outlive its subscription's end by one claim). */
    Map<UUID, Subscription> subscriptions(List<UUID> ids) {
        return ids.isEmpty() ? Map.of() : jdbc.sql("select * from subscription where id in (:ids)")
                .param("ids", ids).query(SubscriptionRepository.ROW).list().stream()
                .collect(Collectors.toMap(Subscription::id, s -> s));
    }

    /**
     * Records outcomes of one claim each; a row whose claim changed since (the lease ran out and another
     * instance claimed it) is left alone. A failure of the last allowed attempt makes the row DEAD.
     */
    void record(List<Outcome> outcomes, OffsetDateTime now, int maxAttempts, Function<Outcome, OffsetDateTime> retryAt) {
        // Deliveries of one claim answered with one status (nearly all of a batch) are one statement (ADR 0090):
        // a statement per row made recording cost as much as the rest of the dispatcher's database work.
        Map<List<Object>, List<UUID>> delivered = new LinkedHashMap<>();
        List<SqlParameterSource> failed = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.delivered()) {
                delivered.computeIfAbsent(List.of(o.claim(), o.status()), k -> new ArrayList<>()).add(o.delivery());
            } else {
                failed.add(new MapSqlParameterSource().addValue("id", o.delivery()).addValue("claim", o.claim())
                        .addValue("status", o.status()).addValue("now", now)
                        .addValue("error", o.error()).addValue("next", retryAt.apply(o))
                        .addValue("state", o.attempt() >= maxAttempts ? "DEAD" : "PENDING"));
            }
        }
        delivered.forEach((claimAndStatus, ids) -> {
            for (int from = 0; from < ids.size(); from += RECORD_CHUNK) {
                named.update("update notification_delivery set state = 'DELIVERED', delivered_at = :now, last_status = :status,"
                                + " last_error = null, claim = null where claim = :claim and id in (:ids)",
                        new MapSqlParameterSource().addValue("now", now).addValue("status", claimAndStatus.get(1))
                                .addValue("claim", claimAndStatus.get(0))
                                .addValue("ids", ids.subList(from, Math.min(ids.size(), from + RECORD_CHUNK))));
            }
        });
        if (!failed.isEmpty()) {
            named.batchUpdate("update notification_delivery set state = :state, next_attempt_at = :next, last_status = :status,"
                    + " last_error = :error, claim = null where id = :id and claim = :claim", failed.toArray(SqlParameterSource[]::new));
        }
    }

    /** A dead-lettered delivery as operators list it. */
    record DeadLetter(UUID id, UUID eventId, String eventType, String subject, UUID subscriptionId, UUID organizationId,
                      String channel, String target, int attempts, Integer lastStatus, String lastError,
                      OffsetDateTime lastAttemptAt, OffsetDateTime occurredAt) {
    }

    List<DeadLetter> dead(int limit, long offset) {
        return jdbc.sql("select d.id, d.event_id, e.type, e.subject, d.subscription_id, s.organization_id, s.channel,"
                        + " coalesce(s.url, s.email) as target, d.attempts, d.last_status, d.last_error, d.next_attempt_at,"
                        + " e.occurred_at from notification_delivery d join notification_event e on e.id = d.event_id"
                        + " join subscription s on s.id = d.subscription_id where d.state = 'DEAD'"
                        + " order by e.occurred_at desc, d.id limit ? offset ?")
                .params(limit, offset)
                .query((rs, n) -> new DeadLetter(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
                        rs.getString(8), rs.getInt(9), (Integer) rs.getObject(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class)))
                .list();
    }

    long deadCount() {
        return jdbc.sql("select count(*) from notification_delivery where state = 'DEAD'").query(Long.class).single();
    }

    /** Puts a dead delivery back in the queue, due now, with its attempts counted afresh; false if it is not dead. */
    boolean redeliver(UUID id, OffsetDateTime now) {
        return jdbc.sql("update notification_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?, claim = null"
                        + " where id = ? and state = 'DEAD' and exists (select 1 from subscription s"
                        + " where s.id = notification_delivery.subscription_id and s.active)")
                .params(now, id).update() == 1;
    }

    /** The state of a delivery (null: none). */
    String state(UUID id) {
        return jdbc.sql("select state from notification_delivery where id = ?").param(id).query(String.class).optional()
                .orElse(null);
    }
}
