package io.iotseal.openpgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * GnuPG (Debian's {@code gpg}), the OpenPGP implementation we did not write, run in a fresh home folder under
 * {@code target/} so the tests never touch a user's keys. A test without gpg is skipped on a developer machine
 * but fails under {@code CI=true}, where .ci/services.sh installs it.
 */
public final class GnuPg implements AutoCloseable {

    /** What gpg said: its exit code, standard output and standard error. */
    public record Result(int exit, byte[] out, String err) {
        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private final Path home;

    private GnuPg(Path home) {
        this.home = home;
    }

    /** A gpg with an empty key ring in a new folder under {@code target/gnupg/}. */
    public static GnuPg fresh() throws IOException {
        requireForTest();
        Path home = Path.of("target", "gnupg", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(home.getParent());
        Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new GnuPg(home);
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "gpg"))) {
                return true;
            }
        }
        return false;
    }

    public static void requireForTest() {
        if (available()) {
            return;
        }
        String message = "gpg (GnuPG) is not installed (.ci/services.sh installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    /** Stops the gpg-agent this home started, so no agent outlives the test. */
    @Override
    public void close() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                .redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor(30, TimeUnit.SECONDS);
    }

    public Path home() {
        return home;
    }

    /** A file in the home folder with the given content, for gpg to read. */
    public Path file(String name, byte[] content) throws IOException {
        return Files.write(home.resolve(name), content);
    }

    /** Runs gpg with {@code args} (batch mode, this home, no agent prompts), feeding {@code stdin}. */
    public Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
                "--pinentry-mode", "loopback", "--yes"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("gpg did not finish: " + command);
        }
        return new Result(process.exitValue(), out, err);
    }

    /** Runs gpg and fails the test unless it exits 0. */
    public Result ok(byte[] stdin, String... args) throws IOException, InterruptedException {
        Result result = run(stdin, args);
        if (result.exit() != 0) {
            throw new AssertionError("gpg " + String.join(" ", args) + " exited " + result.exit() + ": " + result.err());
        }
        return result;
    }

    /** Imports an armored key (public, or secret with its passphrase). */
    public void importKey(String armored, String passphrase) throws IOException, InterruptedException {
        Path key = file("import-" + UUID.randomUUID() + ".asc", armored.getBytes(StandardCharsets.UTF_8));
        if (passphrase == null) {
            ok(null, "--import", key.toString());
        } else {
            ok(null, "--passphrase", passphrase, "--import", key.toString());
        }
    }

    /**
     * Generates a key in gpg with no passphrase ({@code algo} "default" gives a signing key with an encryption
     * subkey; "ed25519" with usage "sign" a signing-only key) and returns its armored public key.
     */
    public String generate(String userId, String algo, String usage) throws IOException, InterruptedException {
        ok(null, "--passphrase", "", "--quick-gen-key", userId, algo, usage, "never");
        return ok(null, "--armor", "--export", userId).outText();
    }
}
