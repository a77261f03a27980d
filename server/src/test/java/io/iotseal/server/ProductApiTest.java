package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProductApiTest extends ApiTest {

    private ObjectNode input(String name) {
        ObjectNode node = json.valueToTree(World.product(world.vendorA, name, false));
        node.remove("vendorId"); // a member of exactly one vendor may leave it out
        return node;
    }

    private JsonNode create(Who who, Object body) throws Exception {
        return body(mvc.perform(as(who, withJson(post("/api/v1/products"), body))).andExpect(status().isCreated()).andReturn());
    }

    @Test
    void vendorCreatesAFullProductRecordWithScopeDecision() throws Exception {
        ObjectNode in = input("Kitchen Camera");
        in.put("nameJa", "キッチンカメラ");
        in.put("category", "CAMERA");
        in.putArray("modelNumbers").add("KC-100").add("KC-100W");
        in.putArray("services").addObject().put("kind", "CLOUD").put("name", "Kitchen Cloud");
        JsonNode p = create(Who.VENDOR_MEMBER, in);
        assertThat(p.get("vendorId").asText()).isEqualTo(world.vendorA.toString());
        assertThat(p.get("vendorName").asText()).isEqualTo("Vendor A");
        assertThat(p.get("nameJa").asText()).isEqualTo("キッチンカメラ");
        assertThat(p.get("modelNumbers")).hasSize(2);
        assertThat(p.get("services").get(0).get("kind").asText()).isEqualTo("CLOUD");
        assertThat(p.get("supportEndDate").asText()).isEqualTo("2030-12-31");
        assertThat(p.get("vulnerabilityDisclosureUrl").asText()).isEqualTo("https://example.com/vdp");
        assertThat(p.get("scope").get("inScope").asBoolean()).isTrue();
        assertThat(p.get("scope").get("reason").asText()).contains("IP-capable");
        assertThat(p.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void phonesAndNonIpDevicesAreOutOfScopeWithAReason() throws Exception {
        ObjectNode phone = input("Phone X");
        phone.put("category", "SMARTPHONE");
        JsonNode p = create(Who.VENDOR_ADMIN, phone);
        assertThat(p.get("scope").get("inScope").asBoolean()).isFalse();
        assertThat(p.get("scope").get("reason").asText()).contains("general-purpose");

        ObjectNode wired = input("Wired bell");
        wired.put("ipCapable", false);
        JsonNode w = create(Who.VENDOR_ADMIN, wired);
        assertThat(w.get("scope").get("inScope").asBoolean()).isFalse();
        assertThat(w.get("scope").get("reason").asText()).contains("Internet Protocol");
    }

    /** Issue 12: the decision follows each scheme's product scope in the standards data and says whose it is. */
    @Test
    void theScopeDecisionNamesTheSchemeWhoseDataDecidedIt() throws Exception {
        ObjectNode tablet = input("Tablet T");
        tablet.put("category", "TABLET");
        assertThat(create(Who.VENDOR_ADMIN, tablet).get("scope").get("reason").asText())
                .contains("jc-star: out of scope: the scheme excludes the device class tablet");
        assertThat(create(Who.VENDOR_ADMIN, input("Hub H")).get("scope").get("reason").asText())
                .contains("jc-star: in scope", "through another device");
    }

    @Test
    void updateNeedsTheCurrentETag() throws Exception {
        JsonNode p = create(Who.VENDOR_ADMIN, input("Locked lamp"));
        String path = "/api/v1/products/" + p.get("id").asText();
        ObjectNode changed = input("Locked lamp v2");

        mvc.perform(as(Who.VENDOR_ADMIN, withJson(put(path), changed))).andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.status").value(428));
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(put(path), changed)).header(HttpHeaders.IF_MATCH, "\"7\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(put(path), changed)).header(HttpHeaders.IF_MATCH, "W/\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(put(path), changed)).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.nameEn").value("Locked lamp v2"));
        // A second writer who read version 1 loses, instead of overwriting silently.
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(put(path), input("Lost update"))).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + world.token(Who.VENDOR_ADMIN)))
                .andExpect(jsonPath("$.nameEn").value("Locked lamp v2"));
    }

    @Test
    void conditionalGetAnswers304WhileTheRecordIsUnchanged() throws Exception {
        JsonNode p = create(Who.VENDOR_ADMIN, input("Cached bulb"));
        String path = "/api/v1/products/" + p.get("id").asText();
        mvc.perform(as(Who.VENDOR_ADMIN, get(path)).header(HttpHeaders.IF_NONE_MATCH, "\"1\""))
                .andExpect(status().isNotModified());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(put(path), input("Cached bulb 2"))).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk());
        mvc.perform(as(Who.VENDOR_ADMIN, get(path)).header(HttpHeaders.IF_NONE_MATCH, "\"1\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameEn").value("Cached bulb 2"));
    }

    @Test
    void anotherVendorsProductLooksExactlyLikeAMissingOne() throws Exception {
        String path = "/api/v1/products/" + world.productA;
        MvcResult other = mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(path))).andExpect(status().isNotFound()).andReturn();
        String missing = "/api/v1/products/" + UUID.randomUUID();
        MvcResult none = mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(missing))).andExpect(status().isNotFound()).andReturn();
        JsonNode a = body(other);
        JsonNode b = body(none);
        assertThat(a.get("title")).isEqualTo(b.get("title"));
        assertThat(a.get("detail").asText().replace(world.productA.toString(), "ID"))
                .isEqualTo(b.get("detail").asText().replace(missing.substring(missing.lastIndexOf('/') + 1), "ID"));
        assertThat(a.size()).isEqualTo(b.size());
        // Not in their search results either.
        JsonNode search = body(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get("/api/v1/products").param("q", "World Router A"))).andReturn());
        assertThat(search.get("totalItems").asLong()).isZero();
    }

    @Test
    void sqlAndHtmlInTextAreStoredAndReturnedVerbatim() throws Exception {
        String sql = "Robert'); DROP TABLE product; --";
        String html = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        ObjectNode in = input(sql);
        in.put("nameJa", html);
        in.put("description", "\" OR 1=1 -- ' ; <b>bold</b> & \\ %_");
        JsonNode p = create(Who.VENDOR_ADMIN, in);
        MvcResult read = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products/" + p.get("id").asText())))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andReturn();
        assertThat(read.getResponse().getContentType()).startsWith("application/json");
        JsonNode back = body(read);
        assertThat(back.get("nameEn").asText()).isEqualTo(sql);
        assertThat(back.get("nameJa").asText()).isEqualTo(html);
        assertThat(back.get("description").asText()).isEqualTo("\" OR 1=1 -- ' ; <b>bold</b> & \\ %_");
        // The table is still there and still answers searches for the literal text.
        JsonNode found = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", "DROP TABLE product"))).andReturn());
        assertThat(found.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void searchWildcardsAreLiteralAndInjectionFindsNothing() throws Exception {
        create(Who.VENDOR_ADMIN, input("Percent 100% plug"));
        JsonNode all = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("size", "100"))).andReturn());
        assertThat(all.get("totalItems").asLong()).isGreaterThan(1);
        JsonNode percent = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", "%"))).andReturn());
        assertThat(percent.get("items")).isNotEmpty().allSatisfy(i -> assertThat(i.get("nameEn").asText()).contains("%"));
        JsonNode underscore = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", "_"))).andReturn());
        assertThat(underscore.get("totalItems").asLong()).isLessThan(all.get("totalItems").asLong());
        JsonNode injection = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", "' OR '1'='1"))).andReturn());
        assertThat(injection.get("totalItems").asLong()).isZero();
    }

    @Test
    void searchMatchesJapaneseNamesModelNumbersAndFullWidthInput() throws Exception {
        ObjectNode in = input("Garden Sensor");
        in.put("nameJa", "庭センサー");
        in.putArray("modelNumbers").add("GS-42X");
        JsonNode p = create(Who.VENDOR_ADMIN, in);
        for (String q : List.of("庭セン", "gs-42x", "ＧＳ－４２", "garden SENSOR")) {
            JsonNode found = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", q))).andReturn());
            assertThat(found.get("items")).as(q).anySatisfy(i -> assertThat(i.get("id").asText()).isEqualTo(p.get("id").asText()));
        }
    }

    @Test
    void anonymousSeesOnlyPublishedInScopeProducts() throws Exception {
        ObjectNode published = input("Public speaker");
        published.put("published", true);
        create(Who.VENDOR_ADMIN, published);
        ObjectNode publishedPhone = input("Public phone");
        publishedPhone.put("published", true);
        publishedPhone.put("category", "SMARTPHONE");
        create(Who.VENDOR_ADMIN, publishedPhone);
        JsonNode page = body(mvc.perform(get("/api/v1/products").param("size", "100")).andExpect(status().isOk()).andReturn());
        assertThat(page.get("items")).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("published").asBoolean()).isTrue();
            assertThat(i.get("inScope").asBoolean()).isTrue();
        });
        assertThat(page.get("items")).anySatisfy(i -> assertThat(i.get("nameEn").asText()).isEqualTo("Public speaker"));
    }

    @Test
    void paginationReportsTotalsAndRejectsBadPages() throws Exception {
        for (int i = 0; i < 3; i++) {
            create(Who.VENDOR_ADMIN, input("Paged item " + i));
        }
        JsonNode first = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", "Paged item")
                .param("size", "2"))).andReturn());
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        JsonNode second = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products").param("q", "Paged item")
                .param("size", "2").param("page", "1"))).andReturn());
        assertThat(second.get("items")).hasSize(1);
        mvc.perform(get("/api/v1/products").param("size", "1000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/products").param("page", "-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/products").param("category", "TOASTER")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/api/v1/products").param("q", "x".repeat(201))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void versionsAreAddedOnceAndChangeTheProductsETag() throws Exception {
        JsonNode p = create(Who.VENDOR_ADMIN, input("Versioned hub"));
        String path = "/api/v1/products/" + p.get("id").asText();
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(post(path + "/versions"), "{\"version\":\"2.0.1\",\"releaseDate\":\"2026-10-01\"}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value("2.0.1"));
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(post(path + "/versions"), "{\"version\":\"2.0.1\"}")))
                .andExpect(status().isConflict());
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(post(path + "/versions"), "{\"version\":\"3\",\"releaseDate\":\"1st May\"}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("releaseDate"));
        mvc.perform(as(Who.VENDOR_ADMIN, get(path))).andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.versions[0].version").value("2.0.1"));
    }

    @Test
    void validationErrorsNameTheFields() throws Exception {
        ObjectNode bad = input("");
        bad.putArray("modelNumbers");
        bad.put("vulnerabilityDisclosureUrl", "javascript:alert(1)");
        bad.put("vulnerabilityContact", "not an email");
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), bad)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "modelNumbers", "nameEn", "vulnerabilityContact", "vulnerabilityDisclosureUrl")));
        ObjectNode unknown = input("Unknown field");
        unknown.put("price", 10);
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), unknown)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("price"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown field"));
        ObjectNode wrongEnum = input("Wrong enum");
        wrongEnum.put("category", "TOASTER");
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), wrongEnum)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        ObjectNode nested = input("Nested");
        nested.putArray("services").addObject().put("kind", "CLOUD");
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), nested)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("services[0].name"));
        // An operator admin belongs to no vendor: the vendor must be named, and must be a vendor.
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/products"), input("No vendor"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("vendorId"));
        ObjectNode labAsVendor = input("Lab as vendor");
        labAsVendor.put("vendorId", world.lab.toString());
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/products"), labAsVendor)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("vendorId"));
    }

    @Test
    void aLabSeesAProductOnlyWhileAssigned() throws Exception {
        JsonNode p = create(Who.VENDOR_ADMIN, input("Lab target"));
        String path = "/api/v1/products/" + p.get("id").asText();
        mvc.perform(as(Who.LAB_EVALUATOR, get(path))).andExpect(status().isNotFound());
        mvc.perform(as(Who.OPERATOR_ADMIN, put(path + "/labs/" + world.lab))).andExpect(status().isNoContent());
        mvc.perform(as(Who.LAB_EVALUATOR, get(path))).andExpect(status().isOk());
        mvc.perform(as(Who.OPERATOR_ADMIN, put(path + "/labs/" + world.vendorB))).andExpect(status().isNotFound());
        mvc.perform(as(Who.OPERATOR_ADMIN, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete(path + "/labs/" + world.lab))).andExpect(status().isNoContent());
        mvc.perform(as(Who.LAB_EVALUATOR, get(path))).andExpect(status().isNotFound());
    }

    /** Both databases have the same migration history; PostgreSQL also has the trigram search indexes. */
    @Test
    void migrationsAreTheSameOnBothDatabasesAndPostgresHasTheSearchIndex() {
        List<String> versions = jdbc.sql("select version from flyway_schema_history where success = true"
                + " and version is not null order by installed_rank").query(String.class).list();
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "9", "10", "11", "12", "13", "14", "16", "17", "19",
                "21", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "37", "38");
        if (TestDatabase.postgres()) {
            List<String> indexes = jdbc.sql("select indexname from pg_indexes where schemaname = current_schema()"
                    + " and indexname in ('product_search_trgm_idx', 'product_public_name_idx', 'label_vendor_name_trgm_idx')")
                    .query(String.class).list();
            assertThat(indexes).containsExactlyInAnyOrder("product_search_trgm_idx", "product_public_name_idx",
                    "label_vendor_name_trgm_idx");
        }
    }
}
