package io.iotseal.server;

import io.iotseal.digest.Sha256;
import io.iotseal.server.registry.OpenDataDumps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Nothing of a case is public before disclosure (issue 17 "Security", ADR 0099): a case about a published product's
 * label, with distinctive text in every field a vendor or reporter fills, is looked for on every public surface the
 * registry has. Each surface must show the label or product (so an empty answer cannot pass), and none may show
 * anything of the case; the vendor's own view shows all of it (the positive control).
 */
class CaseConfidentialityTest extends ApiTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private OpenDataDumps openData;

    @Test
    void noPublicSurfaceShowsAnythingOfAnUndisclosedCase() throws Exception {
        String name = "Secret Cam " + UUID.randomUUID().toString().substring(0, 8);
        CaseFixtures.Labelled labelled = CaseFixtures.labelled(context, world, name, true, "1.0.0");
        UUID product = labelled.product();
        String labelId = labelled.labelId();
        String model = name.replace(' ', '-').toUpperCase();

        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String cve = "CVE-2026-" + (1_000_000 + (int) (Math.random() * 8_000_000));
        String fixed = "1.0.1-" + marker;
        MvcResult sent = mvc.perform(withJson(post("/api/v1/labels/" + labelId + "/reports"), Map.of(
                "summary", "Summary " + marker, "details", "Details " + marker, "affectedVersion", "1.0.0",
                "reporterName", "Name " + marker, "reporterEmail", marker + "@example.org", "consentToContact", true))
                .with(r -> {
                    r.setRemoteAddr("198.51.100.77");
                    return r;
                })).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(201);
        String token = body(sent).get("token").asText();
        UUID id = jdbc.sql("select case_id from disclosure_link where token_sha256 = ?").param(Sha256.hex(token))
                .query(UUID.class).single();
        String path = "/api/v1/cases/" + id;
        for (Object[] step : new Object[][]{
                {post(path + "/transitions"), Map.of("state", "ACKNOWLEDGED")},
                {put(path + "/facts"), Map.of("cveId", cve, "activelyExploited", true,
                        "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")},
                {post(path + "/transitions"), Map.of("state", "TRIAGED")},
                {post(path + "/transitions"), Map.of("state", "FIXED", "fixedVersion", fixed)}}) {
            String etag = mvc.perform(as(Who.VENDOR_ADMIN, get(path))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
            MvcResult r = mvc.perform(as(Who.VENDOR_ADMIN, withJson((MockHttpServletRequestBuilder) step[0], step[1])
                    .header(HttpHeaders.IF_MATCH, etag))).andReturn();
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        }
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post(path + "/messages"), Map.of("body", "Reply " + marker))));
        List<String> secrets = List.of(marker, cve, "CVSS:3.1/AV:N");

        // Positive control: the vendor sees every secret.
        String own = mvc.perform(as(Who.VENDOR_ADMIN, get(path))).andReturn().getResponse().getContentAsString();
        assertThat(own).contains(secrets);

        openData.produce();
        Map<String, Surface> surfaces = new LinkedHashMap<>();
        surfaces.put("label page", new Surface(get("/l/" + labelId), labelId));
        surfaces.put("label page JSON", new Surface(get("/l/" + labelId).header(HttpHeaders.ACCEPT, "application/json"), labelId));
        surfaces.put("label JSON", new Surface(get("/api/v1/labels/" + labelId), labelId));
        surfaces.put("label artwork", new Surface(get("/api/v1/labels/" + labelId + "/artwork.svg"), "svg"));
        surfaces.put("label search", new Surface(get("/api/v1/labels").param("modelNumber", model), labelId));
        surfaces.put("label export csv", new Surface(get("/api/v1/labels/export").param("format", "csv")
                .param("modelNumber", model), labelId));
        surfaces.put("label export jsonl", new Surface(get("/api/v1/labels/export").param("format", "jsonl")
                .param("modelNumber", model), labelId));
        surfaces.put("status feed", new Surface(get("/api/v1/labels/feed"), "feed"));
        surfaces.put("open data", new Surface(get("/api/v1/open-data/labels.jsonl.gz"), labelId));
        surfaces.put("open data DCAT", new Surface(get("/api/v1/open-data/dcat.jsonld"), "dcat"));
        surfaces.put("registry page", new Surface(get("/registry").param("q", name), name));
        surfaces.put("product page", new Surface(get("/products/" + product), name));
        surfaces.put("product JSON", new Surface(get("/api/v1/products/" + product), name));
        surfaces.put("product versions", new Surface(get("/api/v1/products/" + product + "/versions"), "1.0.0"));
        surfaces.put("product search", new Surface(get("/api/v1/products").param("q", model), name));
        surfaces.put("home page", new Surface(get("/"), "<html"));
        surfaces.put("report form", new Surface(get("/labels/" + labelId + "/report"), name));
        for (Map.Entry<String, Surface> s : surfaces.entrySet()) {
            String text = fetch(s.getValue().request());
            assertThat(text).as(s.getKey() + " shows the label or product (else this check could not fail)")
                    .contains(s.getValue().mustShow());
            assertThat(text).as(s.getKey() + " shows nothing of the case").doesNotContain(secrets);
        }
    }

    private record Surface(MockHttpServletRequestBuilder request, String mustShow) {
    }

    /** The anonymous answer as text: streamed bodies dispatched, gzip unpacked. */
    private String fetch(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        if (r.getRequest().isAsyncStarted()) {
            r = mvc.perform(asyncDispatch(r)).andReturn();
        }
        assertThat(r.getResponse().getStatus()).as(r.getRequest().getRequestURI()).isEqualTo(200);
        byte[] bytes = r.getResponse().getContentAsByteArray();
        if ("application/gzip".equals(r.getResponse().getContentType())) {
            bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
