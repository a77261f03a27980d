package io.iotseal.cli;

import io.iotseal.audit.AuditChainVerifier;
import io.iotseal.audit.JdbcAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code iotseal admin reset-password} against an embedded database laid out by the server's own SQL
 * migrations, in a data folder as the server leaves it (with the label keys beside it, which stay).
 */
class AdminResetPasswordTest {

    private static final Path MIGRATIONS = Path.of("../server/src/main/resources/db/migration");

    @TempDir
    Path data;

    private String url() {
        return "jdbc:h2:file:" + data.resolve("iotseal") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @BeforeEach
    void database() throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
        try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
            for (Path script : scripts) {
                s.execute("runscript from '" + script.toAbsolutePath() + "'");
            }
            s.execute("insert into app_user (id, username, username_key, display_name, password_hash, enabled, created_at, version)"
                    + " values (random_uuid(), 'Admin', 'admin', 'Administrator', '{argon2}forgotten', true, current_timestamp, 1)");
        }
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("keys/labels.p12"), "the signing keys");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsAOneTimePasswordThatTheServersEncoderAccepts() throws Exception {
        Run run = run("admin", "reset-password", "admin", "--data-dir", data.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Matcher m = Pattern.compile("One-time password for Admin: (\\S+)").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        String oneTime = m.group(1);
        try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select password_hash, must_change_password, password_expires_at, session_epoch"
                     + " from app_user where username = 'Admin'")) {
            assertThat(rs.next()).isTrue();
            String hash = rs.getString(1);
            assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(oneTime);
            assertThat(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches(oneTime, hash.substring("{argon2}".length())))
                    .isTrue();
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getObject(3)).isNotNull();
            assertThat(rs.getLong(4)).isEqualTo(1);
            AuditChainVerifier.Result chain = JdbcAuditLog.verify(c);
            assertThat(chain.ok()).isTrue();
            assertThat(chain.verified()).isEqualTo(1);
            try (ResultSet audit = c.createStatement().executeQuery("select action, after_json from audit_entry")) {
                assertThat(audit.next()).isTrue();
                assertThat(audit.getString(1)).isEqualTo("user.password.reset");
                assertThat(audit.getString(2)).doesNotContain(oneTime);
            }
        }
        assertThat(Files.readString(data.resolve("keys/labels.p12"))).isEqualTo("the signing keys");
    }

    @Test
    void anUnknownUserOrAMissingDatabaseIsAClearError() {
        Run unknown = run("admin", "reset-password", "nobody", "--data-dir", data.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no user named 'nobody'");
        Run missing = run("admin", "reset-password", "admin", "--data-dir", data.resolve("elsewhere").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot update the database").doesNotContain("Exception");
        assertThat(data.resolve("elsewhere")).doesNotExist();
    }
}
