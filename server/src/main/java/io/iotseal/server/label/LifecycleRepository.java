package io.iotseal.server.label;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for renewal and lapse (V5__label_lifecycle.sql): requirement changes, pending lapses, label requests. */
@Repository
class LifecycleRepository {

    /** A recorded requirement change of a scheme level. */
    record Change(UUID id, String scheme, String level, LocalDate changedOn, String lapseAfter, String note,
                  String reference, String recordedBy, OffsetDateTime createdAt) {
    }

    /** A label's place in its renewal chain and its pending lapse with the change behind it. */
    record State(UUID renewalOf, UUID renewedBy, String renewedByLabelId, LocalDate renewedByExpiry, LocalDate lapseOn,
                 LocalDate changedOn, String changeNote, String changeReference) {
    }

    enum Kind { RENEWAL, UPDATE }

    enum RequestState { REQUESTED, APPROVED, REJECTED }

    /** A request to renew a label or to record its updated declaration. */
    record Request(UUID id, UUID label, Kind kind, RequestState state, String note, String requestedBy,
                   OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String comment, UUID newLabel,
                   long version) {
    }

    private static final RowMapper<Request> REQUEST = (rs, n) -> new Request(rs.getObject("id", UUID.class),
            rs.getObject("label", UUID.class), Kind.valueOf(rs.getString("kind")),
            RequestState.valueOf(rs.getString("state")), rs.getString("note"), rs.getString("requested_by"),
            rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class), rs.getString("comment"),
            rs.getObject("new_label", UUID.class), rs.getLong("version"));

    private final JdbcClient jdbc;

    LifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- requirement changes and lapses -------------------------------------------------------------

    boolean changeExists(String scheme, String level, LocalDate changedOn) {
        return jdbc.sql("select count(*) from requirement_change where scheme = ? and level = ? and changed_on = ?")
                .params(scheme, level, changedOn).query(Long.class).single() > 0;
    }

    void insertChange(Change c) {
        jdbc.sql("insert into requirement_change (id, scheme, level, changed_on, lapse_after, note, reference,"
                        + " recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.scheme(), c.level(), c.changedOn(), c.lapseAfter(), c.note(), c.reference(),
                        c.recordedBy(), c.createdAt())
                .update();
    }

    /**
     * Sets the label's lapse unless it is revoked or already lapses earlier; the version moves, so a
     * client holding the old ETag re-reads. False when nothing changed.
     */
    boolean setLapse(UUID label, LocalDate lapseOn, UUID change, OffsetDateTime now) {
        return jdbc.sql("update label set lapse_on = ?, lapse_change = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and status <> 'REVOKED' and (lapse_on is null or lapse_on > ?)")
                .params(lapseOn, change, now, label, lapseOn)
                .update() == 1;
    }

    /** Clears a pending lapse (the declaration was updated) if nobody changed the label since {@code version}. */
    boolean clearLapse(UUID label, long version, OffsetDateTime now) {
        return jdbc.sql("update label set lapse_on = null, lapse_change = null, updated_at = ?, version = ?"
                        + " where id = ? and version = ?")
                .params(now, version + 1, label, version)
                .update() == 1;
    }

    /** The earliest last valid day of a pending lapse on a label not revoked yet; null when there is none. */
    LocalDate earliestPendingLapse() {
        return jdbc.sql("select min(lapse_on) from label where status <> 'REVOKED'")
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
    }

    /** Labels whose last valid day under a pending lapse is before {@code today} and that are not revoked yet. */
    List<UUID> dueLapses(LocalDate today) {
        return jdbc.sql("select id from label where lapse_on < ? and status <> 'REVOKED' order by id")
                .param(today).query(UUID.class).list();
    }

    State state(UUID label) {
        return jdbc.sql("select l.renewal_of, n.id as renewed_by, n.label_id as renewed_label_id,"
                        + " n.expiry as renewed_expiry, l.lapse_on, c.changed_on, c.note, c.reference"
                        + " from label l left join label n on n.renewal_of = l.id"
                        + " left join requirement_change c on c.id = l.lapse_change where l.id = ?")
                .param(label)
                .query((rs, n) -> new State(rs.getObject("renewal_of", UUID.class), rs.getObject("renewed_by", UUID.class),
                        rs.getString("renewed_label_id"), rs.getObject("renewed_expiry", LocalDate.class),
                        rs.getObject("lapse_on", LocalDate.class), rs.getObject("changed_on", LocalDate.class),
                        rs.getString("note"), rs.getString("reference")))
                .single();
    }

    /** The status index of the first label of a renewal chain: the registration number's product number. */
    int firstStatusIndex(UUID label) {
        record Link(int index, UUID renewalOf) {
        }
        Link link = new Link(-1, label);
        while (link.renewalOf() != null) {
            link = jdbc.sql("select status_index, renewal_of from label where id = ?").param(link.renewalOf())
                    .query((rs, n) -> new Link(rs.getInt(1), rs.getObject(2, UUID.class))).single();
        }
        return link.index();
    }

    /**
     * Revokes a label a renewal superseded, and drops its pending lapse (the new label is not subject to
     * it), if it is still active at {@code version}.
     */
    boolean supersede(UUID label, long version, String reason, OffsetDateTime now) {
        return jdbc.sql("update label set status = 'REVOKED', reason = ?, status_since = ?, lapse_on = null,"
                        + " lapse_change = null, updated_at = ?, version = ? where id = ? and version = ? and status = 'ACTIVE'")
                .params(reason, now, now, version + 1, label, version)
                .update() == 1;
    }

    void markRenewal(UUID label, UUID renewalOf) {
        jdbc.sql("update label set renewal_of = ? where id = ?").params(renewalOf, label).update();
    }

    // --- requests ---------------------------------------------------------------------------------

    Optional<Request> request(UUID id) {
        return jdbc.sql("select * from label_request where id = ?").param(id).query(REQUEST).optional();
    }

    Optional<Request> openRequest(UUID label) {
        return jdbc.sql("select * from label_request where open_label = ?").param(label).query(REQUEST).optional();
    }

    /** Every request about a label, the newest first (the vendor console shows them with their decisions). */
    List<Request> requestsOf(UUID label) {
        return jdbc.sql("select * from label_request where label = ? order by requested_at desc, id")
                .param(label).query(REQUEST).list();
    }

    /** Every request waiting for the operator's decision, the longest waiting first (the console's queue). */
    List<Request> openRequests(int limit) {
        return jdbc.sql("select * from label_request where state = 'REQUESTED' order by requested_at, id limit ?")
                .param(limit).query(REQUEST).list();
    }

    /** Inserts an open request; the unique open_label refuses a second open one for the same label. */
    void insertRequest(Request r) {
        jdbc.sql("insert into label_request (id, label, kind, state, open_label, note, requested_by, requested_at,"
                        + " version) values (?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)")
                .params(r.id(), r.label(), r.kind().name(), r.label(), r.note(), r.requestedBy(), r.requestedAt(),
                        r.version())
                .update();
    }

    /** Closes an open request with the operator's decision, if nobody decided it since {@code version}. */
    boolean decide(UUID id, long version, RequestState state, String decidedBy, OffsetDateTime at, String comment) {
        return jdbc.sql("update label_request set state = ?, open_label = null, decided_by = ?, decided_at = ?,"
                        + " comment = ?, version = ? where id = ? and version = ? and state = 'REQUESTED'")
                .params(state.name(), decidedBy, at, comment, version + 1, id, version)
                .update() == 1;
    }

    void setNewLabel(UUID request, UUID newLabel) {
        jdbc.sql("update label_request set new_label = ? where id = ?").params(newLabel, request).update();
    }
}
