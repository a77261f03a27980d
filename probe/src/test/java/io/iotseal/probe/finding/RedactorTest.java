package io.iotseal.probe.finding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @Test
    void removesTheSecretAuthorizationHeadersAndFtpPass() {
        String transcript = "GET / HTTP/1.1\r\nAuthorization: Basic YWRtaW46czNjcjN0\r\nHost: x\r\n"
                + "PASS s3cr3t\r\nWelcome s3cr3t user\r\nAuthorization: Digest username=\"admin\", response=\"abc\"\r\n";
        String out = Redactor.transcript(transcript, "s3cr3t");
        assertThat(out).doesNotContain("s3cr3t").doesNotContain("YWRtaW46czNjcjN0").doesNotContain("response=")
                .contains("Authorization: Basic [REDACTED]").contains("PASS [REDACTED]").contains("Host: x")
                .contains("Authorization: Digest [REDACTED]");
    }

    @Test
    void base64OfTheSecretAloneIsRedactedToo() {
        assertThat(Redactor.transcript("token czNjcjN0", "s3cr3t")).isEqualTo("token [REDACTED]");
    }

    @Test
    void emptyPasswordStaysRecognisable() {
        assertThat(Redactor.password("")).isEqualTo("(empty)");
        assertThat(Redactor.password("x")).isEqualTo("[REDACTED]");
    }
}
