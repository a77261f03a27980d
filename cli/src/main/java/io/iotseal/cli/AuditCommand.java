package io.iotseal.cli;

import io.iotseal.audit.AuditChainVerifier;
import io.iotseal.audit.AuditCheckpoint;
import io.iotseal.audit.JdbcAuditLog;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Exit codes: 0 the chain holds, 1 it is broken (first bad entry printed), 2 the database cannot be read
     * or the checkpoint is not a valid one.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verifies the hash chain of the server's audit log and reports the first tampered entry.",
                    "Reads the database directly; for the embedded H2 database, stop the server first.",
                    "With --checkpoint, also checks that the chain still holds what a checkpoint kept earlier says"
                            + " (from the registry's /audit/checkpoint), which notices a tail cut off with its head rewound."})
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

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "a signed audit checkpoint kept earlier (needs --jwks)")
        Path checkpointFile;

        @Option(names = "--jwks", paramLabel = "FILE",
                description = "the registry's public keys (/.well-known/jwks.json) that verify the checkpoint")
        Path jwksFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AuditCheckpoint checkpoint;
            try {
                checkpoint = checkpoint();
            } catch (IOException | IllegalArgumentException | VerificationException e) {
                err.println("iotseal audit verify: " + e.getMessage());
                return 2;
            }
            String password = System.getenv().getOrDefault(passwordEnv, "");
            String jdbcUrl = DatabaseUrls.existingOnly(url);
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                c.setReadOnly(true);
                AuditChainVerifier.Result result = JdbcAuditLog.verify(c, checkpoint);
                if (result.ok()) {
                    out.println("audit chain OK: " + result.verified() + " entries verified" + (checkpoint == null ? ""
                            : ", including the " + checkpoint.size() + " the checkpoint of " + checkpoint.issuedAt()
                            + " names"));
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

        /** The checkpoint given, its signature checked against the JWKS given; null without one. */
        private AuditCheckpoint checkpoint() throws IOException, VerificationException {
            if (checkpointFile == null) {
                if (jwksFile != null) {
                    throw new IllegalArgumentException("--jwks: only used with --checkpoint");
                }
                return null;
            }
            if (jwksFile == null) {
                throw new IllegalArgumentException("--checkpoint: needs --jwks, the keys that verify it");
            }
            TrustedKeys keys = TrustedKeys.fromJwks(Files.readString(jwksFile, StandardCharsets.UTF_8));
            try {
                return AuditCheckpoint.verify(Files.readString(checkpointFile, StandardCharsets.UTF_8), keys);
            } catch (VerificationException e) {
                throw new VerificationException("--checkpoint " + checkpointFile + ": " + e.getMessage(), e);
            }
        }
    }
}
