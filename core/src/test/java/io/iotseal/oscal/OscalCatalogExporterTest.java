package io.iotseal.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.Catalog;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OscalCatalogExporterTest {
    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    static StandardsLibrary library;

    @BeforeAll
    static void load() {
        library = StandardsLoader.loadBuiltIn();
    }

    static Stream<String> catalogIds() {
        return StandardsLoader.loadBuiltIn().catalogs().stream().map(Catalog::id);
    }

    @ParameterizedTest
    @MethodSource("catalogIds")
    void everyBuiltInCatalogExportsValidOscal(String catalogId) {
        ObjectNode document = OscalCatalogExporter.export(library.requireCatalog(catalogId), NOW);
        assertThat(OscalSchemas.violations(OscalSchemas.CATALOG, document)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesABrokenDocument() {
        ObjectNode document = OscalCatalogExporter.export(library.requireCatalog("etsi-en-303-645"), NOW);
        ((ObjectNode) document.get("catalog")).put("uuid", "not-a-uuid");
        ((ObjectNode) document.get("catalog").get("metadata")).remove("title");
        assertThat(OscalSchemas.violations(OscalSchemas.CATALOG, document)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void controlsKeepTheOriginalIdStatusAndParaphrase() {
        JsonNode catalog = OscalCatalogExporter.export(library.requireCatalog("etsi-en-303-645"), NOW).get("catalog");
        JsonNode passwords = catalog.get("groups").findValues("controls").stream()
                .flatMap(list -> Stream.of(list).flatMap(l -> java.util.stream.StreamSupport.stream(l.spliterator(), false)))
                .filter(c -> c.get("id").asText().equals("id-5.1-5"))
                .findFirst().orElseThrow();
        assertThat(passwords.toString()).contains("\"label\"", "\"5.1-5\"", "M C F(14,e)", "paraphrase");
        assertThat(catalog.get("metadata").get("oscal-version").asText()).isEqualTo("1.1.3");
    }

    @Test
    void exportIsDeterministic() {
        Catalog c = library.requireCatalog("jc-star-star1");
        assertThat(OscalJson.write(OscalCatalogExporter.export(c, NOW)))
                .isEqualTo(OscalJson.write(OscalCatalogExporter.export(c, NOW)));
    }
}
