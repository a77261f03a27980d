package io.iotseal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the audit chain from the server's database with plain JDBC, so the command line can check a
 * database without the server (tables {@code audit_entry} and {@code audit_head}, created by the
 * server's migrations; {@code hash_format} since V13). Reads in pages to keep memory flat on long chains.
 */
public final class JdbcAuditLog {

    private static final int PAGE = 1000;

    private JdbcAuditLog() {
    }

    /**
     * Verifies the whole chain found through the connection, and that it ends where the head row (which
     * the server updates with every append) says it ends, so entries cut off the end are noticed too.
     */
    public static AuditChainVerifier.Result verify(Connection connection) throws SQLException {
        return verify(connection, null);
    }

    /**
     * As {@link #verify(Connection)}, and also that the chain still holds what a checkpoint kept outside
     * the database says it held (ADR 0066): at least {@code checkpoint.size()} entries, the last of them
     * with the checkpoint's hash. This notices a tail cut off together with the head row rewound, which
     * the head row alone cannot. {@code checkpoint} may be null.
     */
    public static AuditChainVerifier.Result verify(Connection connection, AuditCheckpoint checkpoint) throws SQLException {
        AuditChainVerifier verifier = new AuditChainVerifier();
        String hashAtCheckpoint = checkpoint != null && checkpoint.size() == 0 ? AuditChain.GENESIS : null;
        long after = -1;
        while (true) {
            List<AuditEntry> page = readPage(connection, after, PAGE);
            for (AuditEntry e : page) {
                if (!verifier.accept(e)) {
                    return verifier.result();
                }
                if (checkpoint != null && e.seq() == checkpoint.size()) {
                    hashAtCheckpoint = e.hash();
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        AuditChainVerifier.Result result = verifier.result();
        try (PreparedStatement ps = connection.prepareStatement("select last_seq, last_hash from audit_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return broken(result, 1, "the audit head row is missing");
            }
            long headSeq = rs.getLong(1);
            if (headSeq != result.verified() || !rs.getString(2).equals(verifier.lastHash())) {
                return broken(result, result.verified() + 1, "the chain ends at entry " + result.verified()
                        + " but " + headSeq + " were written (entries removed from the end)");
            }
        }
        if (checkpoint != null && result.verified() < checkpoint.size()) {
            return broken(result, result.verified() + 1, "the chain ends at entry " + result.verified()
                    + " but the checkpoint of " + checkpoint.issuedAt() + " says " + checkpoint.size()
                    + " were written (entries removed from the end, head rewound)");
        }
        if (checkpoint != null && !checkpoint.headHash().equals(hashAtCheckpoint)) {
            return broken(result, checkpoint.size(), "entry " + checkpoint.size() + " is not the one the checkpoint of "
                    + checkpoint.issuedAt() + " names (the chain was rewritten from there or before)");
        }
        return result;
    }

    /**
     * Appends one entry at the end of the chain, as the server does (head row locked, entry linked to
     * it, head moved on), within the caller's transaction: for changes made without the server, such
     * as the command line's password reset. {@code before}/{@code after} are JSON or null.
     */
    public static AuditEntry append(Connection connection, java.time.Instant at, String actor, String action,
                                    String entityType, String entityId, String before, String after) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement ps = connection.prepareStatement("select last_seq, last_hash from audit_head where id = 1 for update");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit head row is missing");
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        AuditEntry entry = AuditChain.link(lastSeq + 1, at, actor, action, entityType, entityId, before, after, lastHash);
        try (PreparedStatement ps = connection.prepareStatement("insert into audit_entry (seq, occurred_at, actor, action,"
                + " entity_type, entity_id, before_json, after_json, prev_hash, hash, hash_format) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, entry.seq());
            ps.setObject(2, entry.at().atOffset(java.time.ZoneOffset.UTC));
            ps.setString(3, entry.actor());
            ps.setString(4, entry.action());
            ps.setString(5, entry.entityType());
            ps.setString(6, entry.entityId());
            ps.setString(7, entry.before());
            ps.setString(8, entry.after());
            ps.setString(9, entry.prevHash());
            ps.setString(10, entry.hash());
            ps.setInt(11, entry.format());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
            ps.setLong(1, entry.seq());
            ps.setString(2, entry.hash());
            ps.executeUpdate();
        }
        return entry;
    }

    private static AuditChainVerifier.Result broken(AuditChainVerifier.Result result, long seq, String reason) {
        return new AuditChainVerifier.Result(result.verified(), Optional.of(new AuditChainVerifier.Failure(seq, reason)));
    }

    /** Up to {@code limit} entries with a sequence number above {@code afterSeq}, in order. */
    public static List<AuditEntry> readPage(Connection connection, long afterSeq, int limit) throws SQLException {
        String sql = "select seq, occurred_at, actor, action, entity_type, entity_id, before_json, after_json,"
                + " prev_hash, hash, hash_format from audit_entry where seq > ? order by seq limit ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        }
    }

    /** Maps one row of {@code audit_entry}; shared with the server so both read it the same way. */
    public static AuditEntry map(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("occurred_at");
        return new AuditEntry(rs.getLong("seq"), at.toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("hash_format"));
    }
}
