package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Indexes for the public registry page and the label search's status filter (ADR 0090), measured with
 * EXPLAIN ANALYZE on server/bench's 100,000 labels. On both databases (ADR 0021): labels by stored status in
 * the default order, so a suspended or revoked filter (one label in twenty, one in fifty) reads its page and
 * its capped count from an index instead of scanning every label (55-90 ms). On PostgreSQL also the product
 * columns every public-label query joins on (published, in scope, category) next to the product id, so that
 * join is an index-only lookup instead of a heap fetch per label (H2 has no INCLUDE columns).
 */
public class V26__Registry_page_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("create index label_status_issued_idx on label (status, issued, id)");
            if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                s.execute("create index product_public_cover_idx on product (id) include (published, in_scope, category)");
            }
        }
    }
}
