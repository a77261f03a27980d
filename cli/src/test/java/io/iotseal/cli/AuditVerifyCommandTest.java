package io.iotseal.cli;

import io.iotseal.audit.AuditChain;
import io.iotseal.audit.AuditEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command against an H2 database holding an audit log laid out as the server's migration makes
 * it (only the two audit tables), written with the same chain code the server uses.
 */
class AuditVerifyCommandTest {

    private String url;
    private Connection keepAlive;

    @BeforeEach
    void database() throws Exception {
        url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("create table audit_entry (seq bigint primary key, occurred_at timestamp with time zone not null,"
                    + " actor varchar(200) not null, action varchar(100) not null, entity_type varchar(50) not null,"
                    + " entity_id varchar(100) not null, before_json text, after_json text, prev_hash varchar(64) not null,"
                    + " hash varchar(64) not null)");
            s.execute("create table audit_head (id int primary key, last_seq bigint not null, last_hash varchar(64) not null)");
        }
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= 4; i++) {
            AuditEntry e = AuditChain.link(i, Instant.parse("2026-11-22T01:00:00Z").plusSeconds(i), "user:alice",
                    "product.update", "product", "p1", "{\"v\":" + (i - 1) + "}", "{\"v\":" + i + "}", prev);
            try (PreparedStatement ps = keepAlive.prepareStatement("insert into audit_entry values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                ps.executeUpdate();
            }
            prev = e.hash();
        }
        try (PreparedStatement ps = keepAlive.prepareStatement("insert into audit_head values (1, 4, ?)")) {
            ps.setString(1, prev);
            ps.executeUpdate();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run verify() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("audit", "verify", "--jdbc-url", url, "--user", "sa");
        return new Run(exit, out.toString(), err.toString());
    }

    private void sql(String statement) throws Exception {
        try (Statement s = keepAlive.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void intactChainExitsZero() {
        Run run = verify();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK: 4 entries verified");
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
        sql("delete from audit_entry where seq = 4");
        Run run = verify();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at entry 4").contains("removed from the end");
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
