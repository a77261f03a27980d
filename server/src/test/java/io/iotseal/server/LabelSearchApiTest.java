package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.iotseal.label.credential.LabelContext;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.web.ETags;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The public label registry (issue 13, ADR 0080): search, export, retailers' look-ups, CORS. */
class LabelSearchApiTest extends ApiTest {

    /** A valid EAN-13 (an ISBN-13): the product version's barcode. */
    private static final String JAN = "9780306406157";

    @Autowired
    private ApplicationContext context;

    /** A published vendor A product with a ★1 label, its version carrying {@link #JAN}; returns the label's public id. */
    private record Labelled(UUID product, String name, String model, String labelId, UUID labelUuid) {
    }

    private Labelled labelled(boolean published, String gtin) {
        String name = "Registry Cam " + UUID.randomUUID().toString().substring(0, 8);
        ProductService products = context.getBean(ProductService.class);
        Actor operator = new Actor(UUID.randomUUID(), "search-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        UUID product = products.create(operator, World.product(world.vendorA, name, published, LocalDate.of(2030, 12, 31))).id();
        products.addVersion(operator, product, new VersionInput("2.0.0", null, null, gtin));
        var accepted = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, "2.0.0");
        var row = jdbc.sql("select id, label_id from label where assessment_id = ?").param(accepted.id())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).single();
        return new Labelled(product, name, name.replace(' ', '-').toUpperCase(), row.getValue(), row.getKey());
    }

    @Test
    void searchListsLabelsOfPublicProductsByModelNumberAndGtinAndProductsLinkTheirLabels() throws Exception {
        Labelled shown = labelled(true, JAN);
        Labelled hidden = labelled(false, null);

        JsonNode page = body(mvc.perform(get("/api/v1/labels").param("modelNumber", shown.model())).andReturn());
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        JsonNode label = page.get("items").get(0);
        assertThat(label.get("labelId").asText()).isEqualTo(shown.labelId());
        assertThat(label.get("status").asText()).isEqualTo("valid");
        assertThat(label.get("scheme").asText()).isEqualTo("jc-star");
        assertThat(label.get("level").asText()).isEqualTo("star-1");
        assertThat(label.has("credential")).isFalse();
        // An unpublished product's label is not listed, to anyone anonymous.
        assertThat(body(mvc.perform(get("/api/v1/labels").param("modelNumber", hidden.model())).andReturn())
                .get("totalItems").asLong()).isZero();

        // By barcode: the JAN and its GTIN-14 spelling find the same label.
        for (String code : List.of(JAN, "0" + JAN)) {
            JsonNode byGtin = body(mvc.perform(get("/api/v1/labels").param("gtin", code)).andReturn());
            assertThat(byGtin.get("items").findValuesAsText("labelId")).contains(shown.labelId());
        }

        // The product search links the product to its labels.
        JsonNode products = body(mvc.perform(get("/api/v1/products").param("q", shown.model())).andReturn());
        assertThat(products.get("items").get(0).get("labelIds").get(0).asText()).isEqualTo(shown.labelId());

        // Status: suspended by the operator, found by status, no longer valid.
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + shown.labelUuid() + "/status"),
                Map.of("action", "suspend", "reason", "Under investigation")).header(HttpHeaders.IF_MATCH, "\"1\""))
                );
        assertThat(body(mvc.perform(get("/api/v1/labels").param("modelNumber", shown.model()).param("status", "suspended"))
                .andReturn()).get("totalItems").asLong()).isEqualTo(1);
        assertThat(body(mvc.perform(get("/api/v1/labels").param("modelNumber", shown.model()).param("status", "valid"))
                .andReturn()).get("totalItems").asLong()).isZero();
    }

    @Test
    void filtersByDateSortsAndPages() throws Exception {
        labelled(true, null);
        labelled(true, null);
        JsonNode all = body(mvc.perform(get("/api/v1/labels").param("scheme", "jc-star").param("sort", "labelId")
                .param("size", "100")).andReturn());
        List<String> ids = all.get("items").findValuesAsText("labelId");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2).isSorted();
        JsonNode desc = body(mvc.perform(get("/api/v1/labels").param("scheme", "jc-star").param("sort", "-labelId")
                .param("size", "1").param("page", "0")).andReturn());
        assertThat(desc.get("items").get(0).get("labelId").asText()).isEqualTo(ids.get(ids.size() - 1));
        assertThat(desc.get("totalPages").asLong()).isEqualTo(ids.size());

        // Valid until: every JC-STAR label here expires before 2100 and after 2000; none before 2000. (Other tests
        // of the same database make labels of other schemes, so the count compared is the JC-STAR one.)
        assertThat(body(mvc.perform(get("/api/v1/labels").param("validUntilBefore", "2100-01-01")
                .param("validUntilAfter", "2000-01-01").param("scheme", "jc-star")).andReturn()).get("totalItems").asLong())
                .isEqualTo(all.get("totalItems").asLong());
        assertThat(body(mvc.perform(get("/api/v1/labels").param("validUntilBefore", "2000-01-01")).andReturn())
                .get("totalItems").asLong()).isZero();
        // Support end: vendor notices of other tests move some labels' ends as far as 2033, none past 2099.
        assertThat(body(mvc.perform(get("/api/v1/labels").param("supportEndAfter", "2099-12-31")).andReturn())
                .get("totalItems").asLong()).isZero();
        assertThat(body(mvc.perform(get("/api/v1/labels").param("supportEndBefore", "2100-01-01").param("scheme", "jc-star"))
                .andReturn()).get("totalItems").asLong()).isEqualTo(all.get("totalItems").asLong());
    }

    @Test
    void badFiltersAreProblemsNamingTheField() throws Exception {
        Map<String, String> cases = Map.of("colour", "red", "validUntilBefore", "2026-13-01", "gtin", "9780306406158",
                "status", "maybe", "sort", "price", "size", "1000", "category", "FRIDGE", "vendorId", "acme");
        for (var c : cases.entrySet()) {
            MvcResult r = mvc.perform(get("/api/v1/labels").param(c.getKey(), c.getValue())).andReturn();
            assertThat(r.getResponse().getStatus()).as(c.getKey()).isEqualTo(400);
            assertThat(r.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(body(r).get("errors").get(0).get("field").asText()).isEqualTo(c.getKey());
        }
        MvcResult export = mvc.perform(get("/api/v1/labels/export").param("format", "xml")).andReturn();
        assertThat(export.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(export).get("errors").get(0).get("field").asText()).isEqualTo("format");
        // A version's barcode is checked on write.
        MvcResult version = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/products/" + world.productB + "/versions"),
                Map.of("version", "9.9.9", "gtin", "9780306406158")))).andReturn();
        assertThat(version.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(version).get("errors").get(0).get("field").asText()).isEqualTo("gtin");
    }

    @Test
    void exportStreamsTheSameQueryAsCsvAndJsonLines() throws Exception {
        Labelled shown = labelled(true, null);
        MvcResult csv = export("csv", shown.model());
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.getResponse().getContentAsString());
        List<Map<String, String>> all = rows.readAll();
        assertThat(all).singleElement().satisfies(row -> {
            assertThat(row.get("labelId")).isEqualTo(shown.labelId());
            assertThat(row.get("status")).isEqualTo("valid");
            assertThat(row.get("models")).isEqualTo(shown.model());
        });

        MvcResult jsonl = export("jsonl", null);
        assertThat(jsonl.getResponse().getContentType()).startsWith("application/jsonl");
        List<String> labelIds = new ArrayList<>();
        for (String line : jsonl.getResponse().getContentAsString().split("\n")) {
            labelIds.add(json.readTree(line).get("labelId").asText());
        }
        long total = body(mvc.perform(get("/api/v1/labels")).andReturn()).get("totalItems").asLong();
        assertThat(labelIds).hasSize((int) total).contains(shown.labelId());
    }

    private MvcResult export(String format, String model) throws Exception {
        var request = get("/api/v1/labels/export").param("format", format);
        if (model != null) {
            request = request.param("modelNumber", model);
        }
        MvcResult started = mvc.perform(request).andReturn();
        return mvc.perform(asyncDispatch(started)).andReturn();
    }

    @Test
    void publicReadsAllowAnyOriginAndSignedInEndpointsNone() throws Exception {
        Labelled shown = labelled(true, null);
        String origin = "https://verifier.example";
        for (String path : List.of("/api/v1/labels", "/status/revocation", "/.well-known/jwks.json", LabelContext.PATH,
                "/api/v1/labels/" + shown.labelUuid(), "/l/" + shown.labelId())) {
            MvcResult preflight = mvc.perform(options(path).header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")).andReturn();
            assertThat(preflight.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).isEqualTo("*");
            MvcResult simple = mvc.perform(get(path).header(HttpHeaders.ORIGIN, origin)).andReturn();
            assertThat(simple.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(simple.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).isEqualTo("*");
            assertThat(simple.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isNull();
        }
        // Signed-in endpoints: no CORS at all, preflight or not, and writes to public paths are not allowed.
        MvcResult me = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/users/me")).header(HttpHeaders.ORIGIN, origin)).andReturn();
        assertThat(me.getResponse().getStatus()).isEqualTo(200);
        assertThat(me.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
        for (String[] c : List.of(new String[]{"/api/v1/users/me", "GET"}, new String[]{"/api/v1/products", "POST"},
                new String[]{"/api/v1/labels/" + shown.labelUuid() + "/status", "POST"},
                new String[]{"/api/v1/labels/" + shown.labelUuid(), "DELETE"})) {
            MvcResult preflight = mvc.perform(options(c[0]).header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, c[1])).andReturn();
            assertThat(preflight.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(c[0]).isNull();
        }
    }

    @Test
    void bulkCheckAnswersEachItemsCurrentStatusInOrder() throws Exception {
        Labelled shown = labelled(true, JAN);
        Labelled hidden = labelled(false, null);
        JsonNode answer = check(Map.of("modelNumbers", List.of(shown.model(), hidden.model(), "NO-SUCH-MODEL"),
                "gtins", List.of(JAN)), 200);
        JsonNode results = answer.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("modelNumber").asText()).isEqualTo(shown.model());
        assertThat(results.get(0).get("valid").asBoolean()).isTrue();
        assertThat(results.get(0).get("labels").get(0).get("labelId").asText()).isEqualTo(shown.labelId());
        assertThat(results.get(0).get("labels").get(0).get("status").asText()).isEqualTo("valid");
        assertThat(results.get(1).get("valid").asBoolean()).isFalse();   // not public: not vouched for
        assertThat(results.get(1).get("labels")).isEmpty();
        assertThat(results.get(2).get("valid").asBoolean()).isFalse();
        assertThat(results.get(3).get("gtin").asText()).isEqualTo(JAN);
        assertThat(results.get(3).get("labels").findValuesAsText("labelId")).contains(shown.labelId());

        // A suspension is answered at once (the test server checks the tables' last change on every call).
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labels/" + shown.labelUuid() + "/status"),
                Map.of("action", "suspend", "reason", "Under investigation")).header(HttpHeaders.IF_MATCH, "\"1\"")));
        JsonNode after = check(Map.of("modelNumbers", List.of(shown.model())), 200).get("results").get(0);
        assertThat(after.get("valid").asBoolean()).isFalse();
        assertThat(after.get("labels").get(0).get("status").asText()).isEqualTo("suspended");

        // The product withdrawn from the public registry: its labels are no longer vouched for.
        ProductService products = context.getBean(ProductService.class);
        Actor operator = new Actor(UUID.randomUUID(), "search-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        products.update(operator, shown.product(), World.product(world.vendorA, shown.name(), false, LocalDate.of(2030, 12, 31)),
                ETags.of(products.get(operator, shown.product()).version()));
        JsonNode withdrawn = check(Map.of("modelNumbers", List.of(shown.model()), "gtins", List.of(JAN)), 200).get("results");
        assertThat(withdrawn.get(0).get("labels")).isEmpty();
        assertThat(withdrawn.get(1).get("labels").findValuesAsText("labelId")).doesNotContain(shown.labelId());
    }

    @Test
    void bulkCheckTakesTenThousandItemsAndRefusesMoreNamingTheLimit() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add("BULK-" + i);
        }
        assertThat(check(Map.of("modelNumbers", many), 200).get("results")).hasSize(10_000);
        many.add("ONE-TOO-MANY");
        MvcResult tooMany = mvc.perform(withJson(post("/api/v1/labels/check"), Map.of("modelNumbers", many))).andReturn();
        assertThat(tooMany.getResponse().getStatus()).isEqualTo(413);
        assertThat(tooMany.getResponse().getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = body(tooMany);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("modelNumbers");
        assertThat(problem.get("detail").asText()).contains("at most 10000");

        MvcResult badGtin = mvc.perform(withJson(post("/api/v1/labels/check"),
                Map.of("gtins", List.of(JAN, "9780306406158")))).andReturn();
        assertThat(badGtin.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badGtin).get("errors").get(0).get("field").asText()).isEqualTo("gtins[1]");
        MvcResult empty = mvc.perform(withJson(post("/api/v1/labels/check"), Map.of())).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        MvcResult unknown = mvc.perform(withJson(post("/api/v1/labels/check"), Map.of("models", List.of("X")))).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theApiDocumentNamesTheSearchFilters() throws Exception {
        JsonNode doc = body(mvc.perform(get("/v3/api-docs")).andReturn());
        List<String> names = doc.at("/paths/~1api~1v1~1labels/get/parameters").findValuesAsText("name");
        assertThat(names).contains("scheme", "level", "status", "modelNumber", "gtin", "validUntilBefore",
                "supportEndAfter", "sort", "page", "size");
        assertThat(doc.at("/paths/~1api~1v1~1labels~1export/get/parameters").findValuesAsText("name")).contains("format");
    }

    private JsonNode check(Map<String, Object> body, int expected) throws Exception {
        MvcResult r = mvc.perform(withJson(post("/api/v1/labels/check"), body)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(expected);
        return body(r);
    }
}
