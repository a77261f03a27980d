package io.iotseal.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our OSV and KEV fixtures have the real shape: they validate against the official OSV JSON schema and
 * CISA's KEV schema (vendored, source and SHA-256 in {@code advisory/feeds/schema/README.md}), and what the
 * schemas refuse is refused, so the validation is not vacuous.
 */
class FeedFixtureSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema osvSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ByteArrayInputStream(Fixtures.bytes("schema/osv-schema.json")), config);
    }

    private static JsonSchema kevSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ByteArrayInputStream(Fixtures.bytes("schema/kev-schema.json")), config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"osv-schema.json", "kev-schema.json"})
    void theVendoredSchemasAreTheCopiesTheReadmeNames(String schema) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Fixtures.bytes("schema/" + schema)));
        assertThat(new String(Fixtures.bytes("schema/README.md"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("`" + schema + "`").contains(sha);
    }

    @Test
    void theKevFixtureIsAValidCatalogAndTheSchemaRefusesAnEntryWithoutItsDate() throws Exception {
        JsonNode catalog = JSON.readTree(Fixtures.bytes("kev/known_exploited_vulnerabilities.json"));
        assertThat(kevSchema().validate(catalog)).isEmpty();

        ((com.fasterxml.jackson.databind.node.ObjectNode) catalog.path("vulnerabilities").get(1)).remove("dateAdded");
        assertThat(kevSchema().validate(catalog)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("dateAdded"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GHSA-jfh8-c2jp-5v3q.json", "DEBIAN-CVE-2023-5678.json", "ALPINE-CVE-2022-48174.json"})
    void osvFixturesAreValidOsvRecords(String name) throws Exception {
        JsonNode record = JSON.readTree(Fixtures.bytes("osv/" + name));

        Set<ValidationMessage> problems = osvSchema().validate(record);

        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
        JsonNode record = JSON.readTree(Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) record).remove("modified");

        assertThat(osvSchema().validate(record)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("modified"));
    }
}
