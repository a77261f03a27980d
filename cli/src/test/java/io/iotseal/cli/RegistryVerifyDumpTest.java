package io.iotseal.cli;

import com.sun.net.httpserver.HttpServer;
import io.iotseal.label.jose.DetachedJws;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code iotseal registry verify-dump} (ADR 0083): a dump signed as the server signs it verifies against a
 * JWKS file or URL (a loopback server this test starts); one changed byte, another key, or a content that
 * is not JSON Lines do not.
 */
class RegistryVerifyDumpTest {

    private static final Instant SIGNED = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir
    Path dir;
    private final SigningKey key = SigningKey.generate(SIGNED.minusSeconds(3600));

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

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Writes the dump, its signature by {@code signer} and a JWKS of {@code key}; returns the three paths. */
    private Path[] files(String jsonl, SigningKey signer) throws Exception {
        byte[] dump = gzip(jsonl);
        Path data = Files.write(dir.resolve("labels.jsonl.gz"), dump);
        Path jws = Files.writeString(dir.resolve("labels.jsonl.gz.jws"), DetachedJws.sign(dump, "iotseal-label-dump", SIGNED, signer));
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new TrustedKeys(List.of(key.verificationKey())).toJwks());
        return new Path[]{data, jws, jwks};
    }

    private static final String TWO_LABELS = "{\"labelId\":\"A1\",\"status\":\"valid\"}\n{\"labelId\":\"A2\",\"status\":\"revoked\"}\n";

    @Test
    void aGenuineDumpVerifiesAgainstAJwksFileAndOneChangedByteDoesNot() throws Exception {
        Path[] f = files(TWO_LABELS, key);
        Run ok = run("registry", "verify-dump", "--dump", f[0].toString(), "--jws", f[1].toString(), "--jwks", f[2].toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("GENUINE: 2 labels").contains(key.kid()).contains("2026-12-01T03:00:00Z");

        byte[] tampered = Files.readAllBytes(f[0]);
        tampered[tampered.length - 5] ^= 0x01;
        Files.write(f[0], tampered);
        Run bad = run("registry", "verify-dump", "--dump", f[0].toString(), "--jws", f[1].toString(), "--jwks", f[2].toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).startsWith("NOT GENUINE").contains("not what was signed");
    }

    @Test
    void aDumpSignedByAKeyTheJwksDoesNotHoldIsNotGenuine() throws Exception {
        Path[] f = files(TWO_LABELS, SigningKey.generate(SIGNED));
        Run r = run("registry", "verify-dump", "--dump", f[0].toString(), "--jws", f[1].toString(), "--jwks", f[2].toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("not in the trusted JWKS");
    }

    @Test
    void theJwksIsFetchedFromALoopbackUrlAndOnlyHttpsElsewhere() throws Exception {
        Path[] f = files(TWO_LABELS, key);
        byte[] jwks = Files.readAllBytes(f[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            Run r = run("registry", "verify-dump", "--dump", f[0].toString(), "--jws", f[1].toString(), "--jwks", url);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("GENUINE: 2 labels");
        } finally {
            server.stop(0);
        }
        Run plain = run("registry", "verify-dump", "--dump", f[0].toString(), "--jws", f[1].toString(),
                "--jwks", "http://registry.example/.well-known/jwks.json");
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err()).contains("--jwks").contains("https");
    }

    @Test
    void aSignedFileThatIsNotJsonLinesOfLabelsFails() throws Exception {
        Path[] f = files("{\"labelId\":\"A1\"}\nnot json\n", key);
        Run r = run("registry", "verify-dump", "--dump", f[0].toString(), "--jws", f[1].toString(), "--jwks", f[2].toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("signature OK, but");
        Run missing = run("registry", "verify-dump", "--dump", dir.resolve("nope.gz").toString(), "--jws", f[1].toString(),
                "--jwks", f[2].toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--dump");
    }
}
