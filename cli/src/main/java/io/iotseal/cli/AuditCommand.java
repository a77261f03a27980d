package io.iotseal.cli;

import io.iotseal.audit.AuditChainVerifier;
import io.iotseal.audit.JdbcAuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** {@code iotseal audit ...}: checks on the server's audit log. */
@Command(name = "audit", description = "Audit log checks.", mixinStandardHelpOptions = true,
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes: 0 the chain holds, 1 it is broken (first bad entry printed), 2 the database cannot be read. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verifies the hash chain of the server's audit log and reports the first tampered entry.",
                    "Reads the database directly; for the embedded H2 database, stop the server first."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--jdbc-url", required = true,
                description = "e.g. jdbc:postgresql://127.0.0.1:5432/iotseal or jdbc:h2:file:./data/iotseal")
        String url;

        @Option(names = "--user", description = "database user (default: ${DEFAULT-VALUE})", defaultValue = "${env:IOTSEAL_DB_USER:-sa}")
        String user;

        @Option(names = "--password-env", description = "environment variable holding the password (default: ${DEFAULT-VALUE})",
                defaultValue = "IOTSEAL_DB_PASSWORD")
        String passwordEnv;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String password = System.getenv().getOrDefault(passwordEnv, "");
            // H2 would create an empty database for a missing file; refuse to "verify" nothing.
            String jdbcUrl = url.startsWith("jdbc:h2:") && !url.contains("IFEXISTS") ? url + ";IFEXISTS=TRUE" : url;
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                c.setReadOnly(true);
                AuditChainVerifier.Result result = JdbcAuditLog.verify(c);
                if (result.ok()) {
                    out.println("audit chain OK: " + result.verified() + " entries verified");
                    return 0;
                }
                AuditChainVerifier.Failure f = result.failure().orElseThrow();
                out.println("audit chain BROKEN at entry " + f.seq() + ": " + f.reason() + " (" + result.verified()
                        + " entries before it verified)");
                return 1;
            } catch (SQLException e) {
                err.println("iotseal audit verify: cannot read the audit log at " + url + ": " + e.getMessage());
                return 2;
            }
        }
    }
}
