package io.iotseal.server.label;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** SQL for the signing-key marker (V6__label_keys.sql) and the labels each key signed. */
@Repository
class LabelKeyRepository {

    /** Which key signs, and how many key changes there have been (the key list's version). */
    record Marker(long generation, String activeKid) {
    }

    private final JdbcClient jdbc;

    LabelKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The marker, locked until the caller's transaction ends: signers and key changes of every instance
     * queue here, so nobody signs while another instance is half-way through a rotation. The first caller
     * on an empty table records its own keystore's active key.
     */
    Marker lock(String localActiveKid, OffsetDateTime now) {
        Optional<Marker> marker = selectForUpdate();
        if (marker.isPresent()) {
            return marker.get();
        }
        // "on conflict do nothing": two instances starting at once both try; one row wins, both then read it.
        jdbc.sql("insert into label_key_state (id, generation, active_kid, changed_at) values (1, 1, ?, ?)"
                + " on conflict do nothing").params(localActiveKid, now).update();
        return selectForUpdate().orElseThrow();
    }

    /** The marker as last committed, without a lock (null before anybody signed). */
    Marker peek() {
        return jdbc.sql("select generation, active_kid from label_key_state where id = 1")
                .query((rs, n) -> new Marker(rs.getLong(1), rs.getString(2))).optional().orElse(null);
    }

    void update(Marker marker, OffsetDateTime now) {
        jdbc.sql("update label_key_state set generation = ?, active_kid = ?, changed_at = ? where id = 1")
                .params(marker.generation(), marker.activeKid(), now).update();
    }

    /** Labels per kid, as stored with each credential. */
    Map<String, Long> labelsByKid() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select kid, count(*) from label group by kid")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    long labelsSignedBy(String kid) {
        return jdbc.sql("select count(*) from label where kid = ?").param(kid).query(Long.class).single();
    }

    private Optional<Marker> selectForUpdate() {
        return jdbc.sql("select generation, active_kid from label_key_state where id = 1 for update")
                .query((rs, n) -> new Marker(rs.getLong(1), rs.getString(2))).optional();
    }
}
