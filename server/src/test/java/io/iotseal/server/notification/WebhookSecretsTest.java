package io.iotseal.server.notification;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our signing against the Standard Webhooks specification's published test vector (ADR 0082). */
class WebhookSecretsTest {

    // The vector the specification's reference implementations test with.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void theSpecificationsTestVectorIsReproducedExactly() {
        assertThat(WebhookSecrets.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifiesWithTheReferenceLibrary() throws Exception {
        String fresh = WebhookSecrets.newSecret();
        assertThat(fresh).startsWith("whsec_").hasSize("whsec_".length() + 44);
        long now = System.currentTimeMillis() / 1000;
        String header = WebhookSecrets.signatureHeader(List.of(fresh, SECRET), ID, now, BODY);
        assertThat(header.split(" ")).hasSize(2);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(fresh).verify(BODY, headers);
        new Webhook(SECRET).verify(BODY, headers);
    }

    @Test
    void httpIsAcceptedOnlyToLoopbackLiterals() {
        assertThat(WebhookUrls.loopback("127.0.0.1")).isTrue();
        assertThat(WebhookUrls.loopback("127.5.6.7")).isTrue();
        assertThat(WebhookUrls.loopback("[::1]")).isTrue();
        assertThat(WebhookUrls.loopback("localhost")).isTrue();
        assertThat(WebhookUrls.loopback("10.0.0.1")).isFalse();
        assertThat(WebhookUrls.loopback("127.0.0.1.nip.io")).isFalse(); // a name: never resolved here
        assertThat(WebhookUrls.loopback("example.com")).isFalse();
    }
}
