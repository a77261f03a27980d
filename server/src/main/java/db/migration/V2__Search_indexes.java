package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * PostgreSQL-only indexes for the product search (ADR 0024): a trigram index for
 * {@code search_text like '%q%'}, and a partial index of the public products (published and in
 * scope) in name order, which the anonymous listing walks and counts. H2 has neither kind; there this
 * migration does nothing, so both databases keep the same migration history (ADR 0021). If the database user may not create the pg_trgm extension (it is a
 * trusted extension since PostgreSQL 13, so a database owner may), the server still starts and search
 * still works, by scanning; a warning says what to ask the DBA for.
 */
public class V2__Search_indexes extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V2__Search_indexes.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index product_public_name_idx on product (name_en, id)"
                    + " where published = true and in_scope = true");
        }
        String schema = trgmSchema(c);
        if (schema == null) {
            Savepoint savepoint = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                // In "public" when it exists: an extension created in the migrated schema would be
                // dropped with that schema (as test runs drop theirs), taking other schemas' indexes.
                s.execute(hasSchema(c, "public") ? "create extension if not exists pg_trgm schema public"
                        : "create extension if not exists pg_trgm");
            } catch (SQLException e) {
                c.rollback(savepoint);
                // Another session may have created it meanwhile; if not, go on without the index.
                if (trgmSchema(c) == null) {
                    log.warn("pg_trgm extension not available ({}); product search works without its index,"
                            + " but slower. Ask the DBA to run: create extension pg_trgm;", e.getMessage());
                    return;
                }
            }
            schema = trgmSchema(c);
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index product_search_trgm_idx on product using gin (search_text \""
                    + schema.replace("\"", "\"\"") + "\".gin_trgm_ops)");
        }
    }

    private static boolean hasSchema(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The schema pg_trgm is installed in, or null when it is not installed. */
    static String trgmSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select n.nspname from pg_extension e join pg_namespace n"
                     + " on n.oid = e.extnamespace where e.extname = 'pg_trgm'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
