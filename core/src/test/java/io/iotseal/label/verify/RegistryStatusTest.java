package io.iotseal.label.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.LabelFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry's unsigned live status may only make a verification worse. */
class RegistryStatusTest {
    private static final java.util.Set<io.iotseal.label.status.StatusPurpose> BOTH =
            java.util.EnumSet.allOf(io.iotseal.label.status.StatusPurpose.class);
    private final LabelFacts facts = new LabelFacts("L7K3M9Q2ABCD", "JC-STAR-STAR-1-A1", "jc-star:star-1", "Vendor",
            Map.of("en", "Camera"), List.of("HC-1"), 0, List.of(), 0, Instant.parse("2026-11-22T00:00:00Z"),
            Instant.parse("2028-11-22T23:59:59Z"), 7, "https://registry.example.org", "kid");
    private final Verification valid = new Verification(Verdict.VALID, "signed", Optional.of(facts), BOTH);

    @Test
    void aSuspensionTheListsDoNotShowYetMakesTheLabelSuspendedWithTheReason() {
        Verification result = new RegistryStatus("suspended", "firmware recall", "2027-01-05").applyTo(valid);
        assertThat(result.verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(result.reason()).contains("firmware recall", "since 2027-01-05");
    }

    @Test
    void revokedBeatsSuspendedAndExpiredButNeverInvalid() {
        RegistryStatus revoked = new RegistryStatus("revoked", "false declaration", null);
        assertThat(revoked.applyTo(new Verification(Verdict.SUSPENDED, "list", Optional.of(facts), BOTH)).verdict())
                .isEqualTo(Verdict.REVOKED);
        assertThat(revoked.applyTo(new Verification(Verdict.EXPIRED, "date", Optional.of(facts), java.util.Set.of())).verdict())
                .isEqualTo(Verdict.REVOKED);
        Verification invalid = Verification.invalid("bad signature");
        assertThat(revoked.applyTo(invalid)).isSameAs(invalid);
    }

    @Test
    void aValidOrUnknownRegistryAnswerNeverUpgrades() {
        Verification suspended = new Verification(Verdict.SUSPENDED, "suspension list", Optional.of(facts), BOTH);
        assertThat(new RegistryStatus("valid", null, null).applyTo(suspended)).isSameAs(suspended);
        assertThat(new RegistryStatus("something else", null, null).applyTo(suspended)).isSameAs(suspended);
        assertThat(new RegistryStatus(null, null, null).applyTo(valid)).isSameAs(valid);
        assertThat(new RegistryStatus("revoked", "x", null).applyTo(
                new Verification(Verdict.REVOKED, "revocation list", Optional.of(facts), BOTH)).reason())
                .isEqualTo("the label is revoked (status list; registry: revoked, reason: x)");
    }
}
