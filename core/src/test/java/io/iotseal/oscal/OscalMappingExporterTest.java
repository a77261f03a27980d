package io.iotseal.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OSCAL 1.2 mapping collections. The official 1.2 JSON schema is not served by the registries this
 * project reaches (liboscal-java 5.2.0, the newest on Maven Central here, ships 1.1.3; ADR 0057), so
 * the parts the mapping model shares with the catalog model (metadata, back matter, properties, links)
 * are validated against the official 1.1.3 catalog schema, and the mapping-specific structure is
 * checked here field by field, following the 1.2.0 mapping metaschema (relationship a plain token).
 */
class OscalMappingExporterTest {
    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    static final StandardsLibrary LIBRARY = StandardsLoader.loadBuiltIn();
    static final Set<String> RELATIONSHIPS = Set.of("equal-to", "equivalent-to", "subset-of", "superset-of",
            "intersects-with", "no-relationship");
    static final String UUID_V4_V5 = "^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    static Stream<String> crosswalkIds() {
        return LIBRARY.crosswalks().stream().map(Crosswalk::id);
    }

    private static Crosswalk crosswalk(String id) {
        return LIBRARY.crosswalks().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("crosswalkIds")
    void sharedPartsValidateAgainstTheOfficialSchema(String id) {
        JsonNode collection = OscalMappingExporter.export(crosswalk(id), LIBRARY, NOW).get("mapping-collection");
        ObjectNode probe = OscalJson.object();
        ObjectNode catalog = probe.putObject("catalog");
        catalog.put("uuid", collection.get("uuid").asText());
        catalog.set("metadata", collection.get("metadata"));
        ObjectNode control = catalog.putArray("controls").addObject().put("id", "probe").put("title", "probe");
        List<JsonNode> maps = list(collection.get("mappings").get(0).get("maps"));
        maps.forEach(m -> {
            m.get("props").forEach(control.withArray("props")::add);
            m.get("links").forEach(control.withArray("links")::add);
        });
        catalog.set("back-matter", collection.get("back-matter"));
        assertThat(OscalSchemas.violations(OscalSchemas.CATALOG, probe)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("crosswalkIds")
    void mapsReferenceControlsOfTheExportedCatalogs(String id) {
        Crosswalk x = crosswalk(id);
        JsonNode collection = OscalMappingExporter.export(x, LIBRARY, NOW).get("mapping-collection");
        assertThat(collection.get("uuid").asText()).matches(UUID_V4_V5);
        assertThat(collection.get("metadata").get("oscal-version").asText()).isEqualTo("1.2.0");
        assertThat(collection.get("provenance").get("method").asText()).isNotBlank();
        JsonNode mapping = collection.get("mappings").get(0);
        Set<String> resourceUuids = new HashSet<>();
        collection.get("back-matter").get("resources").forEach(r -> resourceUuids.add(r.get("uuid").asText()));
        assertThat(resourceUuids).contains(mapping.get("source-resource").get("href").asText().substring(1),
                mapping.get("target-resource").get("href").asText().substring(1));

        Set<String> sourceControls = controlIds(x.source());
        Set<String> targetControls = controlIds(x.target());
        Set<String> mapUuids = new HashSet<>();
        List<JsonNode> maps = list(mapping.get("maps"));
        assertThat(maps).hasSize(x.mappings().size());
        for (JsonNode map : maps) {
            assertThat(mapUuids.add(map.get("uuid").asText())).as("unique map uuid").isTrue();
            assertThat(map.get("uuid").asText()).matches(UUID_V4_V5);
            assertThat(map.get("relationship").isTextual()).as("OSCAL 1.2: relationship is a plain token").isTrue();
            assertThat(RELATIONSHIPS).contains(map.get("relationship").asText());
            assertThat(sourceControls).contains(map.get("sources").get(0).get("id-ref").asText());
            assertThat(targetControls).contains(map.get("targets").get(0).get("id-ref").asText());
            assertThat(map.get("remarks").asText()).isNotBlank();
        }
    }

    private static Set<String> controlIds(String catalogId) {
        JsonNode catalog = OscalCatalogExporter.export(LIBRARY.requireCatalog(catalogId), NOW);
        Set<String> ids = new HashSet<>();
        catalog.findValues("controls").forEach(list -> list.forEach(c -> ids.add(c.get("id").asText())));
        return ids;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
