package io.iotseal.cli;

import io.iotseal.audit.AuditChain;
import io.iotseal.audit.AuditCheckpoint;
import io.iotseal.audit.AuditEntry;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command against an H2 database built by the server's own migrations (its SQL files, read from the
 * server module: no copy of the DDL to drift), holding an audit log written with the same chain code the
 * server uses: two entries in the format of chains written before RFC 8785, then four in today's.
 */
class AuditVerifyCommandTest {

    private static final Path MIGRATIONS = Path.of("../server/src/main/resources/db/migration");
    private static final Instant START = Instant.parse("2026-11-22T01:00:00Z");

    @TempDir
    Path dir;
    private String url;
    private Connection keepAlive;
    private final List<AuditEntry> entries = new ArrayList<>();
    private final SigningKey key = SigningKey.generate(START);
    private Path jwks;

    @BeforeEach
    void database() throws Exception {
        url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        assertThat(MIGRATIONS).isDirectory();
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + MIGRATIONS).load().migrate();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= 6; i++) {
            int format = i <= 2 ? AuditChain.FORMAT_SORTED_KEYS : AuditChain.CURRENT_FORMAT;
            AuditEntry e = AuditChain.link(format, i, START.plusSeconds(i), "user:alice", "product.update", "product",
                    "p1", "{\"v\":" + (i - 1) + "}", "{\"v\":" + i + "}", prev);
            try (PreparedStatement ps = keepAlive.prepareStatement("insert into audit_entry (seq, occurred_at, actor,"
                    + " action, entity_type, entity_id, before_json, after_json, prev_hash, hash, hash_format)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, e.seq());
                ps.setTimestamp(2, Timestamp.from(e.at()));
                ps.setString(3, e.actor());
                ps.setString(4, e.action());
                ps.setString(5, e.entityType());
                ps.setString(6, e.entityId());
                ps.setString(7, e.before());
                ps.setString(8, e.after());
                ps.setString(9, e.prevHash());
                ps.setString(10, e.hash());
                ps.setInt(11, e.format());
                ps.executeUpdate();
            }
            entries.add(e);
            prev = e.hash();
        }
        setHead(6);
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new TrustedKeys(List.of(key.verificationKey())).toJwks());
    }

    @AfterEach
    void close() throws Exception {
        keepAlive.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run verify(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("audit", "verify", "--jdbc-url", url, "--user", "sa"));
        args.addAll(List.of(extra));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private void sql(String statement) throws Exception {
        try (Statement s = keepAlive.createStatement()) {
            s.execute(statement);
        }
    }

    /** What someone who fetched the registry's checkpoint after entry {@code size} kept. */
    private Path checkpointAt(int size, SigningKey signer) throws Exception {
        Path file = dir.resolve("checkpoint-" + size + ".jwt");
        Files.writeString(file, new AuditCheckpoint("https://registry.example", START.plusSeconds(size), size,
                entries.get(size - 1).hash()).sign(signer));
        return file;
    }

    private void setHead(int seq) throws Exception {
        try (PreparedStatement ps = keepAlive.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, entries.get(seq - 1).hash());
            ps.executeUpdate();
        }
    }

    @Test
    void intactChainOfBothFormatsExitsZero() {
        Run run = verify();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK: 6 entries verified");
    }

    @Test
    void changedEntryIsReportedByNumber() throws Exception {
        sql("update audit_entry set after_json = '{\"v\":99}' where seq = 3");
        Run run = verify();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at entry 3").contains("2 entries before it verified");
    }

    @Test
    void entriesCutOffTheEndAreNoticed() throws Exception {
        sql("delete from audit_entry where seq = 6");
        Run run = verify();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at entry 6").contains("removed from the end");
    }

    @Test
    void aTailCutOffWithTheHeadRewoundPassesAloneButNotAgainstAKeptCheckpoint() throws Exception {
        Path kept = checkpointAt(5, key);
        sql("delete from audit_entry where seq >= 5");
        setHead(4);
        assertThat(verify().exit()).as("the head row alone cannot tell").isZero();
        Run run = verify("--checkpoint", kept.toString(), "--jwks", jwks.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at entry 5").contains("checkpoint").contains("says 5 were written");
    }

    @Test
    void aChainRewrittenAfterTheCheckpointWasTakenDoesNotMatchIt() throws Exception {
        Path kept = checkpointAt(5, key);
        // Entries 5 and 6 replaced by a consistent forgery, head row updated to match.
        AuditEntry forged5 = AuditChain.link(5, START.plusSeconds(5), "user:mallory", "product.update", "product", "p1",
                null, "{\"v\":5}", entries.get(3).hash());
        sql("delete from audit_entry where seq >= 5");
        sql("insert into audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, before_json, after_json,"
                + " prev_hash, hash, hash_format) values (5, timestamp with time zone '2026-11-22 01:00:05+00', 'user:mallory',"
                + " 'product.update', 'product', 'p1', null, '{\"v\":5}', '" + forged5.prevHash() + "', '" + forged5.hash()
                + "', 2)");
        sql("update audit_head set last_seq = 5, last_hash = '" + forged5.hash() + "' where id = 1");
        assertThat(verify().exit()).as("consistent on its own").isZero();
        Run run = verify("--checkpoint", kept.toString(), "--jwks", jwks.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at entry 5").contains("not the one the checkpoint");
    }

    @Test
    void aChainThatGrewSinceTheCheckpointMatchesIt() throws Exception {
        Run run = verify("--checkpoint", checkpointAt(3, key).toString(), "--jwks", jwks.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK: 6 entries verified, including the 3 the checkpoint");
    }

    @Test
    void aCheckpointNotSignedByTheRegistrysKeysIsRefused() throws Exception {
        Run run = verify("--checkpoint", checkpointAt(3, SigningKey.generate(START)).toString(), "--jwks", jwks.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--checkpoint").contains("not in the trusted JWKS");
        assertThat(verify("--checkpoint", checkpointAt(3, key).toString()).err()).contains("needs --jwks");
    }

    @Test
    void unreachableDatabaseExitsTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("audit", "verify", "--jdbc-url", "jdbc:h2:file:/nonexistent/dir/none");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the audit log");
    }
}
