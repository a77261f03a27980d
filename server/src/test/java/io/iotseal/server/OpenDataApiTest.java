package io.iotseal.server;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.digest.Sha256;
import io.iotseal.label.jose.DetachedJws;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.registry.OpenDataDumps;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The open-data dump (issue 13, ADR 0083): every public label as gzip JSON Lines, the same JSON as the
 * label search; a detached JWS that jose4j (a JOSE implementation we did not write) verifies with the
 * published JWKS and that fails for one changed byte; its checksum; and a DCAT-AP 3 description that
 * Titanium expands, checked for the properties the DCAT-AP 3 SHACL shapes require.
 */
class OpenDataApiTest extends ApiTest {

    private static final String DIR = "/api/v1/open-data/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    @Autowired
    private ApplicationContext context;
    @Autowired
    private OpenDataDumps dumps;
    @Autowired
    private TestClock clock;

    /** A published product of vendor A with a ★1 label; returns the label's public id. */
    private String labelled() {
        String name = "Open Data Cam " + UUID.randomUUID().toString().substring(0, 8);
        Actor operator = new Actor(UUID.randomUUID(), "open-data-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        UUID product = context.getBean(ProductService.class)
                .create(operator, World.product(world.vendorA, name, true, LocalDate.of(2030, 12, 31))).id();
        context.getBean(ProductService.class).addVersion(operator, product, new VersionInput("1.0.0", null, null, null));
        var accepted = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, "1.0.0");
        return jdbc.sql("select label_id from label where assessment_id = ?").param(accepted.id()).query(String.class).single();
    }

    private MockHttpServletResponse fetch(String file) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(DIR + file).header("Origin", "https://mirror.example")).andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(file).isEqualTo(200);
        assertThat(r.getHeader(HttpHeaders.CACHE_CONTROL)).as(file).contains("public").contains("max-age=");
        assertThat(r.getHeader(HttpHeaders.ETAG)).as(file).startsWith("\"");
        assertThat(r.getHeader("Access-Control-Allow-Origin")).as(file).isEqualTo("*");
        return r;
    }

    @Test
    void theDumpHoldsEveryPublicLabelAsTheSearchShowsItSignedWithAPublishedKey() throws Exception {
        String labelId = labelled();
        dumps.produce();
        long searchTotal = body(mvc.perform(get("/api/v1/labels")).andReturn()).get("totalItems").asLong();

        MockHttpServletResponse data = fetch("labels.jsonl.gz");
        assertThat(data.getContentType()).isEqualTo("application/gzip");
        byte[] gz = data.getContentAsByteArray();
        String jsonl = new String(gunzip(gz), StandardCharsets.UTF_8);
        assertThat(jsonl).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).hasSize((int) searchTotal);
        List<String> ids = lines.stream().map(l -> l.get("labelId").asText()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(labelId);
        // Each label's line is the search's item for it, field for field.
        for (String id : List.of(labelId, ids.get(0))) {
            JsonNode item = body(mvc.perform(get("/api/v1/labels").param("modelNumber",
                    lines.get(ids.indexOf(id)).get("models").get(0).asText()).param("size", "100")).andReturn()).get("items");
            JsonNode same = null;
            for (JsonNode i : item) {
                if (i.get("labelId").asText().equals(id)) {
                    same = i;
                }
            }
            assertThat(lines.get(ids.indexOf(id))).isEqualTo(same);
        }

        // The checksum file, in sha256sum's format.
        MockHttpServletResponse checksum = fetch("labels.jsonl.gz.sha256");
        assertThat(checksum.getContentAsString()).isEqualTo(Sha256.hex(gz) + "  labels.jsonl.gz\n");

        // jose4j verifies the detached signature with the published JWKS; one changed byte fails there and here.
        String jws = fetch("labels.jsonl.gz.jws").getContentAsString();
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
        assertThat(jose4j(jws, gz, jwks)).isTrue();
        byte[] tampered = gz.clone();
        tampered[gz.length / 2] ^= 0x01;
        assertThat(jose4j(jws, tampered, jwks)).isFalse();
        assertThat(DetachedJws.verify(jws, gz, OpenDataDumps.TYP, TrustedKeys.fromJwks(jwks)).key().kid())
                .isEqualTo(dumps.current().kid());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DetachedJws.verify(jws, tampered, OpenDataDumps.TYP,
                TrustedKeys.fromJwks(jwks))).hasMessageContaining("not what was signed");

        // Revalidation: the same ETag gets a 304 without a body.
        MvcResult again = mvc.perform(get(DIR + "labels.jsonl.gz").header(HttpHeaders.IF_NONE_MATCH, data.getHeader(HttpHeaders.ETAG)))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void aNewDumpReplacesTheServedOneOnlyWhenCompleteAndOldOnesAreRemoved() throws Exception {
        OpenDataDumps.Dump first = dumps.produce();
        OpenDataDumps.Dump second = dumps.produce();
        assertThat(dumps.current()).isEqualTo(second);
        assertThat(first.folder()).exists(); // kept: a download of it may still be running
        // A half-written dump (no metadata yet) is never served, even when its name sorts newest.
        Path half = first.folder().resolveSibling("99991231T235959999Z-halfdone");
        Files.createDirectories(half);
        Files.writeString(half.resolve("labels.jsonl.gz"), "not yet");
        OpenDataDumps.Dump third = dumps.produce();
        assertThat(dumps.current()).isEqualTo(third);
        assertThat(first.folder()).doesNotExist();
        assertThat(second.folder()).exists();
        try (Stream<Path> folders = Files.list(first.folder().getParent())) {
            assertThat(folders.filter(p -> !p.equals(half)).filter(p -> !p.getFileName().toString().startsWith(".")))
                    .containsExactlyInAnyOrder(second.folder(), third.folder());
        }
        deleteTree(half);
    }

    @Test
    void theScheduledCheckMakesADumpOnlyWhenTheServedOneIsAnIntervalOld() throws Exception {
        OpenDataDumps.Dump served = dumps.produce();
        dumps.refreshIfDue();
        assertThat(dumps.current()).isEqualTo(served);
        try {
            clock.advance(java.time.Duration.ofHours(1)); // the default interval
            dumps.refreshIfDue();
            assertThat(dumps.current().generated()).isAfter(served.generated());
        } finally {
            clock.reset();
            // The dump dated an hour ahead would sort newest on disk; the other tests expect today's.
            deleteTree(dumps.current().folder());
            dumps.produce();
        }
    }

    @Test
    void theDcatDescriptionExpandsWithTitaniumAndHasWhatDcatAp3Requires() throws Exception {
        OpenDataDumps.Dump dump = dumps.produce();
        MockHttpServletResponse r = fetch("dcat.jsonld");
        assertThat(r.getContentType()).isEqualTo("application/ld+json");
        JsonNode compact = json.readTree(r.getContentAsByteArray());
        // Expanded by Titanium from the document alone (its context is inline: no remote loading).
        jakarta.json.JsonArray expandedJsonP = JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(r.getContentAsByteArray())))
                .get();
        JsonNode expanded = json.readTree(expandedJsonP.toString());
        assertThat(expanded).hasSize(1);
        JsonNode dataset = expanded.get(0);
        // Every property written survived expansion (a term without a prefix would be dropped silently).
        assertSameProperties(compact, dataset);

        // DCAT-AP 3 dcat:Dataset: mandatory dct:title and dct:description (here in en and ja); recommended
        // publisher, temporal (dct:PeriodOfTime with start and end), modified as xsd:dateTime, distributions.
        assertThat(dataset.get("@type").get(0).asText()).isEqualTo(DCAT + "Dataset");
        assertThat(languages(dataset.get(DCT + "title"))).containsExactlyInAnyOrder("en", "ja");
        assertThat(languages(dataset.get(DCT + "description"))).containsExactlyInAnyOrder("en", "ja");
        assertThat(dataset.get(DCT + "modified").get(0).get("@type").asText()).isEqualTo(XSD + "dateTime");
        assertThat(dataset.get(DCT + "modified").get(0).get("@value").asText()).isEqualTo(dump.generated().toString());
        assertThat(dataset.get(DCT + "publisher").get(0).get("http://xmlns.com/foaf/0.1/name")).isNotEmpty();
        JsonNode period = dataset.get(DCT + "temporal").get(0);
        assertThat(period.get("@type").get(0).asText()).isEqualTo(DCT + "PeriodOfTime");
        assertThat(period.get(DCAT + "startDate").get(0).get("@value").asText()).isEqualTo(dump.firstIssued().toString());
        assertThat(period.get(DCAT + "endDate").get(0).get("@type").asText()).isEqualTo(XSD + "date");
        assertThat(dataset.get(DCT + "accrualPeriodicity").get(0).get("@id").asText())
                .isEqualTo("http://publications.europa.eu/resource/authority/frequency/HOURLY");

        // dcat:Distribution: mandatory dcat:accessURL (an IRI); here also downloadURL, licence, title.
        JsonNode distributions = dataset.get(DCAT + "distribution");
        assertThat(distributions).hasSize(3);
        List<String> urls = new ArrayList<>();
        for (JsonNode d : distributions) {
            assertThat(d.get("@type").get(0).asText()).isEqualTo(DCAT + "Distribution");
            String access = d.get(DCAT + "accessURL").get(0).get("@id").asText();
            assertThat(d.get(DCAT + "downloadURL").get(0).get("@id").asText()).isEqualTo(access);
            assertThat(d.get(DCT + "license").get(0).get("@id").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
            assertThat(d.get(DCT + "title")).isNotEmpty();
            urls.add(access);
        }
        assertThat(urls).containsExactly("https://registry.example" + DIR + "labels.jsonl.gz",
                "https://registry.example" + DIR + "labels.jsonl.gz.jws", "https://registry.example" + DIR + "labels.jsonl.gz.sha256");
        // spdx:Checksum: exactly one algorithm and one xsd:hexBinary value, the file's real SHA-256; byteSize
        // an xsd:nonNegativeInteger, the file's real size.
        JsonNode data = distributions.get(0);
        JsonNode checksum = data.get(SPDX + "checksum").get(0);
        assertThat(checksum.get("@type").get(0).asText()).isEqualTo(SPDX + "Checksum");
        assertThat(checksum.get(SPDX + "algorithm").get(0).get("@id").asText()).isEqualTo(SPDX + "checksumAlgorithm_sha256");
        assertThat(checksum.get(SPDX + "checksumValue").get(0).get("@type").asText()).isEqualTo(XSD + "hexBinary");
        byte[] gz = mvc.perform(get(DIR + "labels.jsonl.gz")).andReturn().getResponse().getContentAsByteArray();
        assertThat(checksum.get(SPDX + "checksumValue").get(0).get("@value").asText()).isEqualTo(Sha256.hex(gz));
        assertThat(data.get(DCAT + "byteSize").get(0).get("@value").asText()).isEqualTo(Long.toString(gz.length));
        assertThat(data.get(DCAT + "byteSize").get(0).get("@type").asText()).isEqualTo(XSD + "nonNegativeInteger");
        assertThat(distributions.get(1).get(DCAT + "mediaType").get(0).get("@id").asText())
                .isEqualTo("http://www.iana.org/assignments/media-types/application/jose");
    }

    @Test
    void unknownParametersAreProblemsNamingThem() throws Exception {
        dumps.produce();
        for (String file : List.of("labels.jsonl.gz", "labels.jsonl.gz.jws", "labels.jsonl.gz.sha256", "dcat.jsonld")) {
            MvcResult r = mvc.perform(get(DIR + file).param("since", "2026-01-01")).andReturn();
            assertThat(r.getResponse().getStatus()).as(file).isEqualTo(400);
            assertThat(r.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(body(r).get("errors").get(0).get("field").asText()).isEqualTo("since");
        }
    }

    /** The compact document's properties (prefixed names) and the expanded node's (IRIs) are the same ones. */
    private static void assertSameProperties(JsonNode compact, JsonNode expanded) {
        List<String> written = new ArrayList<>();
        compact.fieldNames().forEachRemaining(n -> {
            if (!n.startsWith("@")) {
                written.add(n);
            }
        });
        List<String> kept = new ArrayList<>();
        expanded.fieldNames().forEachRemaining(n -> {
            if (!n.startsWith("@")) {
                kept.add(n);
            }
        });
        assertThat(kept).as("expanded properties of " + compact.path("@id")).hasSameSizeAs(written);
        JsonNode distributions = compact.get("dcat:distribution");
        if (distributions != null) {
            for (int i = 0; i < distributions.size(); i++) {
                assertSameProperties(distributions.get(i), expanded.get(DCAT + "distribution").get(i));
            }
        }
    }

    private static List<String> languages(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.get("@language").asText()));
        return out;
    }

    /** jose4j's verdict: EdDSA only, the key by kid from the JWKS, RFC 7797's unencoded detached payload. */
    private static boolean jose4j(String detached, byte[] content, String jwks) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.EDDSA));
        jws.setKnownCriticalHeaders(HeaderParameterNames.BASE64URL_ENCODE_PAYLOAD);
        jws.setCompactSerialization(detached);
        jws.setPayloadBytes(content);
        List<JsonWebKey> keys = new JsonWebKeySet(jwks).findJsonWebKeys(jws.getKeyIdHeaderValue(), null, null, null);
        assertThat(keys).hasSize(1);
        jws.setKey(keys.get(0).getKey());
        return jws.verifySignature();
    }

    private static byte[] gunzip(byte[] gz) throws Exception {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
