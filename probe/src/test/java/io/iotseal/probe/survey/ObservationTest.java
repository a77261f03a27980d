package io.iotseal.probe.survey;

import io.iotseal.probe.finding.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservationTest {
    private static final SurveyScope SCOPE = SurveyScope.parse(Scopes.EXAMPLE_YAML, "example.yaml");

    static Observation documented() {
        return new Observation("notice-2026-12", SCOPE.sha256(), "127.1.0.5", Instant.parse("2026-12-01T17:00:00.123Z"),
                Instant.parse("2026-12-01T17:00:01.456Z"), true, false, "1 open, 2 closed, 0 without answer",
                List.of(new Observation.Service(8080, "http", "Server: lighttpd")),
                List.of(new Fingerprint(Fingerprint.Kind.HTTP_TITLE, 8080, "Acme NetCam 200"),
                        new Fingerprint(Fingerprint.Kind.HTTP_SERVER, 8080, "lighttpd/1.4"),
                        new Fingerprint(Fingerprint.Kind.BANNER, 23, "Acme login:"),
                        new Fingerprint(Fingerprint.Kind.TLS_CERT_SHA256, 443, "ab12".repeat(16)),
                        new Fingerprint(Fingerprint.Kind.UPNP_MODEL, 1900, "NetCam 200")),
                List.of(new Observation.Finding("default-credentials", 8080, "http", Verdict.FAIL,
                        "http accepts the default credential admin:[REDACTED]", List.of("etsi-en-303-645#5.1-1"))),
                "host-1/pid-4242");
    }

    @Test
    void jsonHasTheDocumentedFieldsAndRoundTrips() {
        Observation o = documented();
        String json = new String(o.toJson(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"format\":\"iotseal-survey-observation/1\",\"campaign\":\"notice-2026-12\","
                + "\"scopeSha256\":\"" + SCOPE.sha256() + "\",\"address\":\"127.1.0.5\","
                + "\"observedAt\":\"2026-12-01T17:00:00.123Z\",\"finishedAt\":\"2026-12-01T17:00:01.456Z\","
                + "\"reached\":true,\"optedOut\":false,\"reachability\":")
                .contains("\"services\":[{\"port\":8080,\"service\":\"http\",\"banner\":\"Server: lighttpd\"}]")
                .contains("{\"kind\":\"UPNP_MODEL\",\"port\":1900,\"value\":\"NetCam 200\"}")
                .contains("{\"check\":\"default-credentials\",\"port\":8080,\"service\":\"http\",\"verdict\":\"FAIL\","
                        + "\"summary\":\"http accepts the default credential admin:[REDACTED]\","
                        + "\"requirements\":[\"etsi-en-303-645#5.1-1\"]}")
                .endsWith("\"worker\":\"host-1/pid-4242\"}")
                .doesNotContain("\n");
        assertThat(Observation.fromJson(o.toJson())).isEqualTo(o);
        assertThat(SurveySchemas.validate(SurveySchemas.OBSERVATION, o.toJson())).isEmpty();
        assertThat(o.failCount()).isEqualTo(1);
    }

    @Test
    void optedOutHasNothingAndValidates() throws Exception {
        Observation o = Observation.optedOut(SCOPE, InetAddress.getByName("2001:db8:0:0::5"),
                Instant.parse("2026-12-01T17:00:00.123456Z"), "w");
        assertThat(o.address()).isEqualTo("2001:db8::5");
        assertThat(o.observedAt()).isEqualTo(Instant.parse("2026-12-01T17:00:00.123Z"));
        assertThat(o.reached()).isFalse();
        assertThat(o.services()).isEmpty();
        assertThat(Observation.fromJson(o.toJson())).isEqualTo(o);
        assertThat(SurveySchemas.validate(SurveySchemas.OBSERVATION, o.toJson())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "format|\"format\":\"iotseal-survey-observation/1\"|\"format\":\"iotseal-survey-observation/2\"",
            "colour|\"worker\":|\"colour\":\"red\",\"worker\":",
            "campaign|\"campaign\":\"notice-2026-12\"|\"campaign\":\"X\"",
            "scopeSha256|\"scopeSha256\":\"|\"scopeSha256\":\"F",
            "address|\"address\":\"127.1.0.5\"|\"address\":\"127.001.0.5\"",
            "observedAt|\"observedAt\":\"2026-12-01T17:00:00.123Z\"|\"observedAt\":\"yesterday\"",
            "finishedAt|\"finishedAt\":\"2026-12-01T17:00:01.456Z\"|\"finishedAt\":\"2026-12-01T16:00:01.456Z\"",
            "reached|\"reached\":true|\"reached\":\"yes\"",
            "findings|\"reached\":true|\"reached\":false",
            "optedOut|\"optedOut\":false|\"optedOut\":true",
            "services[0].port|\"port\":8080,\"service\"|\"port\":\"8080\",\"service\"",
            "fingerprints[0].kind|HTTP_TITLE|PAGE_TITLE",
            "findings[0].verdict|\"FAIL\"|\"BAD\"",
            "findings[0].evidence|\"requirements\":[|\"evidence\":[],\"requirements\":[",
            "worker|\"worker\":\"host-1/pid-4242\"|\"worker\":\"\""})
    void invalidJsonNamesTheField(String field, String from, String to) {
        // A schema cannot say that an address is written in its one canonical form or compare two times.
        boolean schemaCanTell = !field.equals("address") && !field.equals("finishedAt");
        String json = new String(documented().toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        byte[] bad = json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Observation.fromJson(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
        if (schemaCanTell) {
            assertThat(SurveySchemas.validate(SurveySchemas.OBSERVATION, bad)).as("the schema refuses it too").isNotEmpty();
        }
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> Observation.fromJson("{".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("observation: not valid JSON");
        assertThatThrownBy(() -> Observation.fromJson("[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("observation: must be a JSON object");
    }
}
