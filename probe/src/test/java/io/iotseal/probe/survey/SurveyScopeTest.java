package io.iotseal.probe.survey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyScopeTest {

    @Test
    void documentedExampleReads() {
        SurveyScope s = SurveyScope.parse(Scopes.EXAMPLE_YAML, "example.yaml");
        assertThat(s.id()).isEqualTo("notice-2026-12");
        assertThat(s.blocks()).containsExactly(AddressRange.parse("127.1.0.0/22"));
        assertThat(s.ports()).containsExactly(23, 80, 8080);
        assertThat(s.checks()).containsExactly("default-credentials", "information-disclosure", "open-services");
        assertThat(s.credentials()).containsExactly(new SurveyScope.CredentialPair("admin", "admin"));
        assertThat(s.rate()).isEqualTo(300);
        assertThat(s.addressCount()).isEqualTo(1024);
        assertThat(s.blockSize()).isEqualTo(256);
        assertThat(s.legalBasis()).startsWith("Act on NICT");
        assertThat(s.inWindow(Instant.parse("2026-12-15T00:00:00Z"))).isTrue();
        assertThat(s.inWindow(Instant.parse("2026-12-31T23:59:59Z"))).isTrue();
        assertThat(s.inWindow(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
        assertThat(s.inWindow(Instant.parse("2026-11-30T23:59:59Z"))).isFalse();
    }

    @Test
    void shaIsStableUnderKeyOrderFormatAndDefaults() {
        SurveyScope yaml = SurveyScope.parse(Scopes.EXAMPLE_YAML, "example.yaml");
        Map<String, Object> m = Scopes.example();
        List<String> keys = new ArrayList<>(m.keySet());
        Collections.reverse(keys);
        Map<String, Object> reversed = new LinkedHashMap<>();
        keys.forEach(k -> reversed.put(k, m.get(k)));
        reversed.remove("blockSize");
        reversed.put("checks", List.of("information-disclosure", "open-services", "default-credentials"));
        reversed.put("window", Map.of("until", "2027-01-01T08:59:59+09:00", "from", "2026-12-01T00:00:00Z"));
        SurveyScope json = Scopes.parse(reversed);

        assertThat(json.sha256()).isEqualTo(yaml.sha256()).matches("[0-9a-f]{64}");
        assertThat(json).isEqualTo(yaml);
        assertThat(new String(yaml.canonicalJson(), StandardCharsets.UTF_8))
                .startsWith("{\"blockSize\":256,\"blocks\":[\"127.1.0.0/22\"],\"checks\":[")
                .doesNotContain(" \"").doesNotContain("\n");
        // The canonical form reads back as the same scope: it is what a coordinator registers.
        assertThat(SurveyScope.parse(new String(yaml.canonicalJson(), StandardCharsets.UTF_8), "c").sha256())
                .isEqualTo(yaml.sha256());
        assertThat(SurveySchemas.validate(SurveySchemas.SCOPE, yaml.canonicalJson())).isEmpty();
    }

    @Test
    void anyChangeChangesTheSha() {
        SurveyScope base = Scopes.parse(Scopes.example());
        Map<String, Object> m = Scopes.example();
        m.put("legalBasis", "another statement");
        assertThat(Scopes.parse(m).sha256()).isNotEqualTo(base.sha256());
    }

    @Test
    void readsFilesAndNamesThemInErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path good = dir.resolve("scope.yaml");
        Files.writeString(good, Scopes.EXAMPLE_YAML);
        assertThat(SurveyScope.read(good).id()).isEqualTo("notice-2026-12");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Scopes.EXAMPLE_YAML.replace("rate: 300", "rate: 0"));
        assertThatThrownBy(() -> SurveyScope.read(bad)).hasMessageContaining(bad.toString()).hasMessageContaining("rate:");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "format: [unclosed");
        assertThatThrownBy(() -> SurveyScope.read(broken)).hasMessageContaining(broken.toString());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("format", m -> m.put("format", "iotseal-survey-scope/2")),
                bad("format", m -> m.remove("format")),
                bad("colour", m -> m.put("colour", "blue")),
                bad("id", m -> m.put("id", "Notice")),
                bad("id", m -> m.put("id", "ab")),
                bad("id", m -> m.remove("id")),
                bad("title", m -> m.put("title", " ")),
                bad("blocks", m -> m.put("blocks", List.of())),
                bad("blocks[0]", m -> m.put("blocks", List.of("127.1.0.5/22"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("127.1.0.0/33"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("example.org"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("127.1.0.9-127.1.0.1"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("127.0.0.1-::1"))),
                bad("blocks[0]", m -> m.put("blocks", List.of(7))),
                bad("blocks[1]", m -> m.put("blocks", List.of("127.1.0.0/22", "127.1.3.0-127.1.4.0"))),
                bad("blocks[2]", m -> m.put("blocks", List.of("127.1.0.0/24", "::1", "127.0.0.0/15"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("224.0.0.0/24"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("255.255.255.255"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("ff02::1"))),
                bad("blocks[0]", m -> m.put("blocks", List.of("2001:db8::/64"))),
                bad("ports", m -> m.put("ports", List.of())),
                bad("ports[1]", m -> m.put("ports", List.of(80, 0))),
                bad("ports[0]", m -> m.put("ports", List.of(65536))),
                bad("ports[0]", m -> m.put("ports", List.of("80"))),
                bad("ports[1]", m -> m.put("ports", List.of(80, 80))),
                bad("checks", m -> m.put("checks", List.of())),
                bad("checks[0]", m -> m.put("checks", List.of("brute-force-resistance"))),
                bad("checks[1]", m -> m.put("checks", List.of("open-services", "coap-exposure"))),
                bad("credentials", m -> m.put("credentials", pairs(6))),
                bad("credentials[0].password", m -> m.put("credentials", List.of(Map.of("username", "root")))),
                bad("credentials[0].secret", m -> m.put("credentials", List.of(Map.of("username", "a", "password", "b", "secret", "c")))),
                bad("rate", m -> m.put("rate", 0)),
                bad("rate", m -> m.put("rate", -1)),
                bad("rate", m -> m.put("rate", 100_001)),
                bad("rate", m -> m.put("rate", "fast")),
                bad("window", m -> m.put("window", Map.of("from", "2026-12-02T00:00:00Z", "until", "2026-12-01T00:00:00Z"))),
                bad("window.until", m -> m.put("window", Map.of("from", "2026-12-01T00:00:00Z"))),
                bad("window.from", m -> m.put("window", Map.of("from", "2026-12-01", "until", "2026-12-02T00:00:00Z"))),
                bad("window.to", m -> m.put("window", Map.of("from", "2026-12-01T00:00:00Z", "until", "2026-12-02T00:00:00Z", "to", "x"))),
                bad("legalBasis", m -> m.put("legalBasis", "  ")),
                bad("legalBasis", m -> m.remove("legalBasis")),
                bad("signedOffBy", m -> m.remove("signedOffBy")),
                bad("signedOffAt", m -> m.put("signedOffAt", "yesterday")),
                bad("blockSize", m -> m.put("blockSize", 15)),
                bad("blockSize", m -> m.put("blockSize", 65537)),
                bad("blockSize", m -> m.put("blockSize", 25.5)));
    }

    private static List<Map<String, String>> pairs(int n) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("username", "u" + i, "password", "p" + i));
        }
        return out;
    }

    private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> m = Scopes.example();
        change.accept(m);
        return Arguments.of(field, m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidScopesNameTheFieldAndSource(String field, Map<String, Object> scope) {
        assertThatThrownBy(() -> Scopes.parse(scope)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scope test.json: " + field);
    }

    @Test
    void duplicateKeysAndSecretsInToString() {
        assertThatThrownBy(() -> SurveyScope.parse(Scopes.EXAMPLE_YAML + "id: other\n", "dup.yaml"))
                .hasMessageStartingWith("scope dup.yaml: ").hasMessageContaining("id");
        assertThat(SurveyScope.parse(Scopes.EXAMPLE_YAML, "y").toString()).contains("admin:[REDACTED]")
                .doesNotContain("admin:admin");
    }

    @Test
    void yamlPasswordsWrittenAsNumbersAreText() {
        SurveyScope s = SurveyScope.parse(Scopes.EXAMPLE_YAML.replace("{username: admin, password: admin}",
                "{username: root, password: 123456}"), "y");
        assertThat(s.credentials()).containsExactly(new SurveyScope.CredentialPair("root", "123456"));
    }

    @Test
    void settingsFollowTheScopeAndNeverBruteForce() {
        SurveyScope s = SurveyScope.parse(Scopes.EXAMPLE_YAML, "example.yaml");
        var settings = s.settings(64, Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(settings.ports()).containsExactly(23, 80, 8080);
        assertThat(settings.checks()).containsExactlyInAnyOrderElementsOf(s.checks());
        assertThat(settings.runs("brute-force-resistance")).isFalse();
        assertThat(settings.credentials().entries()).singleElement()
                .satisfies(c -> assertThat(c.username() + ":" + c.password()).isEqualTo("admin:admin"));
        assertThat(settings.parallelTargets()).isEqualTo(64);
        assertThat(settings.maxConnectionsPerTarget()).isEqualTo(2);
        assertThat(settings.timeout()).hasSeconds(2);
        assertThat(settings.bannerWait()).hasSeconds(1);
        assertThatThrownBy(() -> s.settings(64, Instant.parse("2027-01-01T00:00:00Z")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the window");
    }

    @Test
    void timeoutsMayBeShortenedWithinBounds() {
        SurveyScope s = SurveyScope.parse(Scopes.EXAMPLE_YAML, "example.yaml");
        var settings = s.settings(8, Instant.parse("2026-12-10T00:00:00Z"),
                new SurveyTimeouts(java.time.Duration.ofMillis(500), java.time.Duration.ofMillis(100), 4));
        assertThat(settings.timeout()).hasMillis(500);
        assertThat(settings.bannerWait()).hasMillis(100);
        assertThat(settings.maxConnectionsPerTarget()).isEqualTo(4);
        assertThatThrownBy(() -> new SurveyTimeouts(java.time.Duration.ZERO, java.time.Duration.ofMillis(1), 2))
                .hasMessageStartingWith("timeout:");
        assertThatThrownBy(() -> new SurveyTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2), 2))
                .hasMessageStartingWith("bannerWait:");
        assertThatThrownBy(() -> new SurveyTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 9))
                .hasMessageStartingWith("maxConnectionsPerTarget:");
    }

    @Test
    void coversOnlyItsBlocks() throws Exception {
        Map<String, Object> m = Scopes.example();
        m.put("blocks", List.of("127.1.0.0/22", "2001:db8::100-2001:db8::1ff", "127.9.0.7"));
        SurveyScope s = Scopes.parse(m);
        assertThat(s.covers(java.net.InetAddress.getByName("127.1.3.255"))).isTrue();
        assertThat(s.covers(java.net.InetAddress.getByName("127.1.4.0"))).isFalse();
        assertThat(s.covers(java.net.InetAddress.getByName("127.9.0.7"))).isTrue();
        assertThat(s.covers(java.net.InetAddress.getByName("127.9.0.8"))).isFalse();
        assertThat(s.covers(java.net.InetAddress.getByName("2001:db8::100"))).isTrue();
        assertThat(s.covers(java.net.InetAddress.getByName("2001:db8::200"))).isFalse();
        assertThat(s.addressCount()).isEqualTo(1024 + 256 + 1);
    }
}
