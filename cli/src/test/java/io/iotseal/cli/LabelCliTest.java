package io.iotseal.cli;

import static io.iotseal.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The label commands end to end: keygen, issue, status lists, and verify from each input. */
class LabelCliTest {
    @TempDir Path dir;
    Path keystore;
    Path password;
    Path jwks;
    Path out;

    @BeforeEach
    void keysAndALabel() throws Exception {
        keystore = dir.resolve("keys/labels.p12");
        password = dir.resolve("password");
        Files.writeString(password, "a test password, generated per run\n");
        jwks = dir.resolve("build/public/jwks.json");   // a folder that does not exist yet: keygen makes it
        out = dir.resolve("out");
        Run keygen = run("label", "keygen", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--jwks-out", jwks.toString());
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        Run issue = run("label", "issue", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--label", CliTest.EXAMPLES.resolve("label-star1-camera.yaml").toString(), "--out", out.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(issue.out()).contains("issued JC-STAR-STAR-1-A0012345 (jc-star:star-1)", "QR version");
    }

    private Run verify(String... more) {
        String[] base = {"label", "verify", "--jwks", jwks.toString(), "--at", "2027-06-01"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void theIssuedLabelVerifiesFromCredentialQrTextAndPng() throws Exception {
        Run fromCredential = verify("--credential", out.resolve("L7K3M9Q2.vc.jwt").toString());
        assertThat(fromCredential.exitCode()).as(fromCredential.err()).isZero();
        assertThat(fromCredential.out()).contains("verdict:      VALID", "HC-200, HC-200W, HC-200B",
                "Home Camera HC-200", "2028-11-22T23:59:59Z");

        String qr = Files.readString(out.resolve("L7K3M9Q2.qr.txt")).strip();
        assertThat(qr).startsWith("https://registry.example.org/l/");
        assertThat(verify("--qr", qr).exitCode()).isZero();
        assertThat(verify("--qr", qr, "--page-base", "https://registry.example.org/l/").exitCode()).isZero();
        assertThat(verify("--qr", qr, "--page-base", "https://other.example.org/l/").exitCode()).isEqualTo(1);

        Run fromImage = verify("--image", out.resolve("L7K3M9Q2.png").toString(), "--json");
        assertThat(fromImage.exitCode()).as(fromImage.err()).isZero();
        assertThat(fromImage.out()).contains("\"verdict\" : \"VALID\"", "\"registrationNumber\" : \"JC-STAR-STAR-1-A0012345\"");
        assertThat(Files.readString(out.resolve("L7K3M9Q2.svg"))).startsWith("<svg");
    }

    @Test
    void aOneByteChangeExpiryAndSuspensionExitNonZeroWithTheReason() throws Exception {
        Path credential = out.resolve("L7K3M9Q2.vc.jwt");
        String jwt = Files.readString(credential).strip();
        int i = jwt.length() / 2;
        Path tampered = dir.resolve("tampered.vc.jwt");
        Files.writeString(tampered, jwt.substring(0, i) + (jwt.charAt(i) == 'A' ? 'B' : 'A') + jwt.substring(i + 1));
        Run bad = verify("--credential", tampered.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("label is INVALID");

        Run expired = run("label", "verify", "--jwks", jwks.toString(), "--credential", credential.toString(),
                "--at", "2029-01-01");
        assertThat(expired.exitCode()).isEqualTo(1);
        assertThat(expired.out()).contains("EXPIRED");

        Path suspension = dir.resolve("suspension.jwt");
        Run list = run("label", "status-list", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--purpose", "suspension", "--set", "4242", "--valid-from", "2027-05-30T00:00:00Z", "--out",
                suspension.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        Run suspended = verify("--credential", credential.toString(), "--status-list", suspension.toString());
        assertThat(suspended.exitCode()).isEqualTo(1);
        assertThat(suspended.out()).contains("verdict:      SUSPENDED");
    }

    @Test
    void withOnlyTheSuspensionListTheVerdictDoesNotClaimTheLabelIsNotRevoked() throws Exception {
        Path suspension = dir.resolve("suspension.jwt");
        Run list = run("label", "status-list", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--purpose", "suspension", "--valid-from", "2027-05-30T00:00:00Z", "--out", suspension.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        Run json = verify("--credential", out.resolve("L7K3M9Q2.vc.jwt").toString(), "--status-list",
                suspension.toString(), "--json");
        assertThat(json.out()).contains("\"statusChecked\" : false", "revocation not checked")
                .doesNotContain("neither revoked");
        assertThat(json.out().replaceAll("\\s", "")).contains("\"statusesChecked\":[\"suspension\"]");
        Run text = verify("--credential", out.resolve("L7K3M9Q2.vc.jwt").toString(), "--status-list", suspension.toString());
        assertThat(text.out()).contains("not suspended; revocation not checked");
        Run none = verify("--credential", out.resolve("L7K3M9Q2.vc.jwt").toString(), "--json");
        assertThat(none.out().replaceAll("\\s", "")).contains("\"statusesChecked\":[]");
    }

    @Test
    void productNamesArePrintedInTheOrderOfTheirLanguageTags() {
        // en before ja, whatever the JVM's hash seed (LabelVerifierTest checks eight languages).
        Run text = verify("--credential", out.resolve("L7K3M9Q2.vc.jwt").toString());
        assertThat(text.out()).contains("Home Camera HC-200 / ホームカメラ HC-200");
    }

    @Test
    void rotationKeepsTheOldLabelVerifiable() {
        Run rotate = run("label", "keygen", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--rotate", "--jwks-out", jwks.toString());
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(verify("--credential", out.resolve("L7K3M9Q2.vc.jwt").toString()).exitCode()).isZero();
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(verify("--credential", dir.resolve("missing.jwt").toString()).err()).contains("file not found");
        assertThat(verify("--credential", dir.resolve("missing.jwt").toString()).exitCode()).isEqualTo(2);
        assertThat(run("label", "verify", "--jwks", jwks.toString()).exitCode()).isEqualTo(2);
        assertThat(run("label", "verify", "--jwks", jwks.toString(), "--qr", "x", "--at", "soon").exitCode()).isEqualTo(2);
        assertThat(run("label", "status-list", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--purpose", "suspension", "--valid-from", "tomorrow", "--out", dir.resolve("x.jwt").toString()).err())
                .contains("--valid-from: 'tomorrow'");
    }
}
