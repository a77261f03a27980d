package io.iotseal.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider directory's files, in the forms CSAF 2.0 section 7.1 gives, checked by the schema and sha512sum. */
class CsafProviderFilesTest {

    static final URI METADATA = URI.create("https://registry.example.org/.well-known/csaf/provider-metadata.json");
    static final URI DIRECTORY = URI.create("https://registry.example.org/.well-known/csaf/white/");
    static final String FINGERPRINT = "8F5F267907B2C4559DB360DB2294BA7D2B2298B1";

    @Test
    void providerMetadataValidatesAgainstTheProviderSchema() throws Exception {
        String metadata = CsafProviderFiles.providerMetadata(METADATA, DIRECTORY, CsafExamples.REGISTRY,
                Instant.parse("2026-11-27T15:30:00.250Z"), List.of(new CsafProviderFiles.PublicKey(FINGERPRINT,
                        URI.create("https://registry.example.org/.well-known/csaf/openpgp/" + FINGERPRINT + ".asc"))),
                true, true);
        JsonNode root = JsonMappers.plain().readTree(metadata);

        assertThat(CsafSchemas.providerMetadata().validate(root)).isEmpty();
        assertThat(root.path("role").asText()).isEqualTo("csaf_provider");
        assertThat(root.path("metadata_version").asText()).isEqualTo("2.0");
        assertThat(root.at("/distributions/0/directory_url").asText()).isEqualTo(DIRECTORY.toString());
        assertThat(root.at("/public_openpgp_keys/0/fingerprint").asText()).matches("^[0-9A-F]{40}$");
        assertThat(root.path("last_updated").asText()).isEqualTo("2026-11-27T15:30:00Z");

        // Negative control: a role the schema does not know is refused.
        ((ObjectNode) root).put("role", "csaf_aggregator");
        assertThat(CsafSchemas.providerMetadata().validate(root)).isNotEmpty();
    }

    @Test
    void changesCsvListsTheLatestFirstWithoutHeading() {
        String csv = CsafProviderFiles.changesCsv(List.of(
                new CsafProviderFiles.Change("2026/iotseal-2026-0001.json", Instant.parse("2026-11-20T09:00:00Z")),
                new CsafProviderFiles.Change("2026/iotseal-2026-0002.json", Instant.parse("2026-11-21T09:00:00Z")),
                new CsafProviderFiles.Change("2026/iotseal-2026-0001.json", Instant.parse("2026-11-27T15:30:00Z"))));

        // The form of CSAF 2.0 requirement 13's example: quoted path and date, a republished file listed again.
        assertThat(csv).isEqualTo("""
                "2026/iotseal-2026-0001.json","2026-11-27T15:30:00Z"
                "2026/iotseal-2026-0002.json","2026-11-21T09:00:00Z"
                "2026/iotseal-2026-0001.json","2026-11-20T09:00:00Z"
                """);
    }

    @Test
    void indexTxtListsEachPathOnce() {
        assertThat(CsafProviderFiles.indexTxt(List.of("2026/b.json", "2025/a.json", "2026/b.json")))
                .isEqualTo("2025/a.json\n2026/b.json\n");
    }

    @Test
    void theHashFileIsWhatSha512sumWritesAndChecks() throws Exception {
        byte[] document = CsafWriter.write(CsafExamples.vex("IOTSEAL-2026-0011"), DIRECTORY).bytes();
        Path dir = Files.createTempDirectory("csaf-sha512");
        Files.write(dir.resolve("iotseal-2026-0011.json"), document);
        String ours = CsafProviderFiles.sha512File(document, "iotseal-2026-0011.json");

        Process sum = new ProcessBuilder("sha512sum", "iotseal-2026-0011.json").directory(dir.toFile()).start();
        assertThat(new String(sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ours);
        assertThat(sum.waitFor()).isZero();

        // sha512sum -c accepts our file, and refuses it once the document changes (positive control first).
        Files.writeString(dir.resolve("iotseal-2026-0011.json.sha512"), ours);
        assertThat(new ProcessBuilder("sha512sum", "-c", "iotseal-2026-0011.json.sha512").directory(dir.toFile())
                .start().waitFor()).isZero();
        document[10] ^= 1;
        Files.write(dir.resolve("iotseal-2026-0011.json"), document);
        assertThat(new ProcessBuilder("sha512sum", "-c", "iotseal-2026-0011.json.sha512").directory(dir.toFile())
                .start().waitFor()).isNotZero();
    }
}
