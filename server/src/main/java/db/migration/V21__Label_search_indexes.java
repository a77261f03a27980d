package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Indexes for the label search (issue 13, ADR 0083), measured with server/bench/search.sh: before them every
 * page sorted all labels (0.3 s at 100,000). On both databases, the same statements (ADR 0021): the search's
 * orders, each with the id that breaks ties, so a page is read in order from an index and stops (a B-tree
 * serves both directions); one vendor's labels newest first; and the product table's last change, which the
 * freshness check of the bulk check and the search counts reads once a second. On PostgreSQL also a trigram
 * index for the vendor-name filter ({@code lower(vendor_name) like '%q%'}), which otherwise scans every
 * label; it needs pg_trgm, which V2 installs (without it, a warning, and the filter keeps scanning).
 */
public class V21__Label_search_indexes extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V21__Label_search_indexes.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("create index label_issued_idx on label (issued, id)");
            s.execute("create index label_expiry_idx on label (expiry, id)");
            s.execute("create index label_support_end_idx on label (support_end, id)");
            s.execute("create index label_vendor_issued_idx on label (vendor_id, issued, id)");
            s.execute("create index product_updated_idx on product (updated_at)");
        }
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        String schema = V2__Search_indexes.trgmSchema(c);
        if (schema == null) {
            log.warn("pg_trgm extension not available: the label search's vendor filter works without its index,"
                    + " but slower. Ask the DBA to run: create extension pg_trgm;");
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index label_vendor_name_trgm_idx on label using gin (lower(vendor_name) \""
                    + schema.replace("\"", "\"\"") + "\".gin_trgm_ops)");
        }
    }
}
