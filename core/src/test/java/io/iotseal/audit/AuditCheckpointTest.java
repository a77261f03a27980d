package io.iotseal.audit;

import io.iotseal.json.JsonMappers;
import io.iotseal.label.jose.CompactJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.keys.VerificationKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCheckpointTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private final SigningKey key = SigningKey.generate(T0);
    private final String head = "ab".repeat(32);

    @Test
    void roundTrip() throws Exception {
        String jws = new AuditCheckpoint("https://registry.example", T0.plusSeconds(60), 42, head).sign(key);
        AuditCheckpoint read = AuditCheckpoint.verify(jws, new TrustedKeys(List.of(key.verificationKey())));
        assertThat(read).isEqualTo(new AuditCheckpoint("https://registry.example", T0.plusSeconds(60), 42, head));
    }

    @Test
    void aKeyRetiredBeforeTheCheckpointDidNotSignIt() {
        String jws = new AuditCheckpoint("https://registry.example", T0.plusSeconds(3600), 42, head).sign(key);
        VerificationKey retired = new VerificationKey(key.kid(), key.verificationKey().publicKey(), T0, T0.plusSeconds(60));
        assertThatThrownBy(() -> AuditCheckpoint.verify(jws, new TrustedKeys(List.of(retired))))
                .isInstanceOf(VerificationException.class).hasMessageContaining("retired");
    }

    @Test
    void onlyWellFormedCheckpointsExist() {
        assertThatThrownBy(() -> new AuditCheckpoint("x", T0, 0, head)).hasMessageContaining("genesis");
        assertThatThrownBy(() -> new AuditCheckpoint("x", T0, 3, "AB".repeat(32))).hasMessageContaining("headHash");
        assertThatThrownBy(() -> new AuditCheckpoint("x", T0, -1, head)).hasMessageContaining("size");
    }

    @Test
    void aTimeOutsideJavasRangeIsRefusedAsABadCheckpoint() {
        // Signed by a trusted key, but iat is beyond what Instant holds: a verification failure (exit 2 in
        // the CLI, naming the checkpoint), not an unexpected DateTimeException.
        String jws = CompactJws.sign(JsonMappers.plain().createObjectNode().put("iss", "https://registry.example")
                .put("iat", Long.MAX_VALUE).put("size", 42).put("headHash", head), AuditCheckpoint.TYP, key);
        assertThatThrownBy(() -> AuditCheckpoint.verify(jws, new TrustedKeys(List.of(key.verificationKey()))))
                .isInstanceOf(VerificationException.class).hasMessageContaining("iat");
    }
}
