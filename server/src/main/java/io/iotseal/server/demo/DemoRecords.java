package io.iotseal.server.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/**
 * Which rows are demo data (ADR 0071, table {@code demo_record}): written by the demo loader in its own
 * transaction, read by the pages that must say so and by the start message. Its own package, below
 * {@code bootstrap} and {@code label}, so that both can use it without importing each other.
 */
@Repository
public class DemoRecords {

    /** The kinds of rows the demo loader creates and records. */
    public enum Kind { ORGANIZATION, PRODUCT, ASSESSMENT }

    private final JdbcClient jdbc;

    public DemoRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Kind kind, UUID id) {
        jdbc.sql("insert into demo_record (entity_type, entity_id) values (?, ?)").params(kind.name(), id).update();
    }

    /** The recorded rows of one kind, in no particular order. */
    public List<UUID> all(Kind kind) {
        return jdbc.sql("select entity_id from demo_record where entity_type = ?").param(kind.name())
                .query(UUID.class).list();
    }

    /** Whether something of this vendor or about this product (a label, a page) is built from demo data. */
    public boolean vendorOrProduct(UUID vendorId, UUID productId) {
        return jdbc.sql("select count(*) from demo_record where (entity_type = 'ORGANIZATION' and entity_id = ?)"
                        + " or (entity_type = 'PRODUCT' and entity_id = ?)")
                .params(vendorId, productId).query(Long.class).single() > 0;
    }
}
