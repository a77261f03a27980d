package io.iotseal.probe.snmp;

import io.iotseal.json.JsonMappers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** snmpv3.yaml is validated when loaded, and --snmpv3-user accounts never show their passwords (ADR 0088). */
class Snmpv3PolicyTest {
    private static final String VALID = """
            version: 1
            user-names: [{name: initial, source: "RFC 3414"}]
            security-levels:
              - {name: noAuthNoPriv, weak: true, reason: r, source: s}
              - {name: authNoPriv, weak: true, reason: r, source: s}
              - {name: authPriv, weak: false, reason: r, source: s}
            authentication:
              - {name: MD5, oid: "1.3.6.1.6.3.10.1.1.2", weak: true, reason: r, source: s}
            privacy:
              - {name: DES, oid: "1.3.6.1.6.3.10.1.2.2", weak: true, reason: r, source: s}
            """;

    private static Snmpv3Policy parse(String yaml) throws Exception {
        return Snmpv3Policy.parse(JsonMappers.strictYaml().readTree(yaml));
    }

    @Test
    void builtInListMarksTheRfc3414ProtocolsWeakAndTheRfc7860OnesNot() {
        Snmpv3Policy p = Snmpv3Policy.builtIn();
        assertThat(p.authProtocol("md5").orElseThrow().weak()).isTrue();
        assertThat(p.authProtocol("SHA").orElseThrow().weak()).isTrue();
        assertThat(p.authProtocol("SHA-256").orElseThrow().weak()).isFalse();
        assertThat(p.privacyProtocol("DES").orElseThrow().weak()).isTrue();
        assertThat(p.privacyProtocol("AES").orElseThrow().weak()).isFalse();
        assertThat(p.level("authNoPriv").weak()).isTrue();
        assertThat(p.userNames()).contains("initial");
        assertThat(p.auth().values()).allSatisfy(e -> assertThat(e.source()).isNotBlank());
    }

    @Test
    void theSmallestValidFileLoads() throws Exception {
        assertThat(parse(VALID).version()).isEqualTo(1);
    }

    @Test
    void invalidEntriesAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> parse(VALID.replace("source: \"RFC 3414\"", "x: y")))
                .hasMessageContaining("user-names/initial: field 'source' is missing");
        assertThatThrownBy(() -> parse(VALID.replace("1.3.6.1.6.3.10.1.1.2", "1.3.6.1.6.3.10.1.1.99")))
                .hasMessageContaining("authentication/MD5: SNMP4J implements no authentication protocol");
        assertThatThrownBy(() -> parse(VALID.replace("  - {name: authPriv, weak: false, reason: r, source: s}\n", "")))
                .hasMessageContaining("'authPriv' is missing");
        assertThatThrownBy(() -> parse(VALID.replace("name: DES, oid: \"1.3.6.1.6.3.10.1.2.2\", weak: true",
                "name: DES, oid: \"1.3.6.1.6.3.10.1.2.2\", weak: maybe")))
                .hasMessageContaining("privacy/DES: 'weak' must be true or false");
        assertThatThrownBy(() -> parse(VALID.replace("user-names: [{name: initial, source: \"RFC 3414\"}]",
                "user-names: [{name: a, source: s}, {name: a, source: s}]")))
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> parse(VALID.replace("version: 1", "version: 0"))).hasMessageContaining("version");
    }

    @Test
    void accountsParseAgainstThePolicyAndHideTheirPasswords() {
        Snmpv3Policy p = Snmpv3Policy.builtIn();
        Snmpv3Account a = Snmpv3Account.parse("cam:sha-256:secret-auth-1:aes:secret-priv-1", p);
        assertThat(a.authProtocol()).isEqualTo("SHA-256");
        assertThat(a.privacyProtocol()).isEqualTo("AES");
        assertThat(a.toString()).isEqualTo("cam (SHA-256, AES)").doesNotContain("secret");
        assertThat(Snmpv3Account.parse("cam:MD5:secret-auth-1", p).describe()).isEqualTo("cam (MD5, no privacy)");
        assertThatThrownBy(() -> Snmpv3Account.parse("cam:MD4:secret-auth-1", p))
                .hasMessageContaining("unknown authentication protocol 'MD4'").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Snmpv3Account.parse("cam:MD5:short", p)).hasMessageContaining("at least 8 characters")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> Snmpv3Account.parse("cam:MD5", p)).hasMessageContaining("expected NAME:AUTH:AUTHPASS");
        assertThatThrownBy(() -> Snmpv3Account.parse("cam:MD5:secret-auth-1:RC4:secret-priv-1", p))
                .hasMessageContaining("unknown privacy protocol 'RC4'");
    }
}
