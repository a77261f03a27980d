package io.iotseal.server.survey;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for declared fingerprints (V35 {@code product_fingerprint}). */
@Repository
class FingerprintRepository {

    private static final RowMapper<Fingerprint> ROW = (rs, n) -> new Fingerprint(rs.getObject("id", UUID.class),
            rs.getObject("product_id", UUID.class), rs.getString("kind"), rs.getString("match_type"),
            rs.getString("fp_value"), (Integer) rs.getObject("port"), rs.getString("declared_by"),
            rs.getObject("declared_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    FingerprintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Fingerprint> ofProduct(UUID product) {
        return jdbc.sql("select * from product_fingerprint where product_id = ? order by kind, fp_value, id")
                .param(product).query(ROW).list();
    }

    /**
     * Every declared fingerprint of the given kinds: an upload reads them once and matches in memory, which stays
     * cheap while the declarations number in the thousands (one per model and kind).
     */
    List<Fingerprint> ofKinds(java.util.Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from product_fingerprint where kind in (:kinds)").param("kinds", List.copyOf(kinds))
                .query(ROW).list();
    }

    Optional<Fingerprint> find(UUID id) {
        return jdbc.sql("select * from product_fingerprint where id = ?").param(id).query(ROW).optional();
    }

    boolean exists(UUID product, String kind, String matchType, String value, Integer port) {
        return jdbc.sql("select count(*) from product_fingerprint where product_id = ? and kind = ? and match_type = ?"
                        + " and fp_value = ? and " + (port == null ? "port is null" : "port = " + port))
                .params(product, kind, matchType, value).query(Long.class).single() > 0;
    }

    void insert(Fingerprint f) {
        jdbc.sql("insert into product_fingerprint (id, product_id, kind, match_type, fp_value, port, declared_by,"
                        + " declared_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.productId(), f.kind(), f.matchType(), f.value(), f.port(), f.declaredBy(),
                        f.declaredAt()).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from product_fingerprint where id = ?").param(id).update();
    }
}
