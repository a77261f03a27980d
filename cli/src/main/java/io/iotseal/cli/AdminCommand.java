package io.iotseal.cli;

import io.iotseal.password.GeneratedPassword;
import io.iotseal.audit.JdbcAuditLog;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code iotseal admin ...}: rescue tasks on the server's database, run where the server runs. */
@Command(name = "admin", description = "Administration of the registry server's database (e.g. a forgotten password).",
        mixinStandardHelpOptions = true, subcommands = AdminCommand.ResetPassword.class)
public final class AdminCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Sets a one-time password (ADR 0065): printed once, stored only as its Argon2id hash, good for one
     * sign-in within 24 hours, after which the user must choose a new password. Ends the user's sessions
     * and writes the reset to the audit log. Exit codes: 0 done, 1 no such user, 2 the database cannot
     * be used (not there, in use by a running embedded server, or older than this command).
     */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = {"Gives a user a one-time password that must be changed at the next sign-in.",
                    "Reads the server's database directly: the embedded H2 database under the data folder by default",
                    "(stop the server first), or the database in IOTSEAL_DB_URL / --jdbc-url.",
                    "Leaves the label signing keys (data/keys) and everything else alone."})
    static final class ResetPassword implements Callable<Integer> {

        static final Duration LIFETIME = Duration.ofHours(24);

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "the user name (any case)")
        String username;

        @Option(names = "--data-dir", description = "the server's data folder (default: ${DEFAULT-VALUE})",
                defaultValue = "${env:IOTSEAL_DATA_DIR:-./data}")
        Path dataDir;

        @Option(names = "--jdbc-url", description = "the server's database, e.g. jdbc:postgresql://127.0.0.1:5432/iotseal"
                + " (default: IOTSEAL_DB_URL, else the embedded H2 database in --data-dir)",
                defaultValue = "${env:IOTSEAL_DB_URL}")
        String url;

        @Option(names = "--user", description = "database user (default: ${DEFAULT-VALUE})", defaultValue = "${env:IOTSEAL_DB_USER:-sa}")
        String user;

        @Option(names = "--password-env", description = "environment variable holding the database password (default: ${DEFAULT-VALUE})",
                defaultValue = "IOTSEAL_DB_PASSWORD")
        String passwordEnv;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String jdbcUrl = jdbcUrl();
            String oneTime = GeneratedPassword.generate();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant expires = now.plus(LIFETIME);
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv().getOrDefault(passwordEnv, ""))) {
                c.setAutoCommit(false);
                UUID id;
                String name;
                try (PreparedStatement ps = c.prepareStatement("select id, username from app_user where username_key = ?"
                        + " or username = ? order by case when username = ? then 0 else 1 end limit 1 for update")) {
                    ps.setString(1, username.toLowerCase(Locale.ROOT));
                    ps.setString(2, username);
                    ps.setString(3, username);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            err.println("iotseal admin reset-password: no user named '" + username + "'");
                            return 1;
                        }
                        id = rs.getObject(1, UUID.class);
                        name = rs.getString(2);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("update app_user set password_hash = ?,"
                        + " must_change_password = true, password_expires_at = ?, session_epoch = session_epoch + 1,"
                        + " version = version + 1 where id = ?")) {
                    ps.setString(1, "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(oneTime));
                    ps.setObject(2, expires.atOffset(ZoneOffset.UTC));
                    ps.setObject(3, id);
                    ps.executeUpdate();
                }
                JdbcAuditLog.append(c, now, "cli:admin reset-password (" + System.getProperty("user.name") + ")",
                        "user.password.reset", "user", id.toString(), null,
                        "{\"expiresAt\":\"" + expires + "\",\"userId\":\"" + id + "\"}");
                c.commit();
                // Printed, not logged: it must reach the person at the terminal and nothing else keeps it.
                out.println("One-time password for " + name + ": " + oneTime);
                out.println("It works once, until " + expires + "; at that sign-in " + name + " must choose a new password.");
                out.println("The user's sessions have ended; their API tokens still work (revoke them in the API if needed).");
                return 0;
            } catch (SQLException e) {
                err.println("iotseal admin reset-password: cannot update the database at " + jdbcUrl + ": " + e.getMessage());
                err.println("(Stop a server that runs on the embedded database first; start a newer server once to"
                        + " upgrade an older database.)");
                return 2;
            }
        }

        /** The server's own default (application.properties), never creating an empty H2 database. */
        private String jdbcUrl() {
            String base = url != null && !url.isBlank() ? url
                    : "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("iotseal")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            return DatabaseUrls.existingOnly(base);
        }
    }
}
