package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SBOMs per product version over the API (issue 16 item 1, ADR 0091): upload of the camera firmware's
 * CycloneDX (JSON, XML) and SPDX documents from the core's fixtures, list, components and warnings,
 * download of the original bytes; and the bad input the issue names, each answered with problem+json
 * that names where the problem is.
 */
class SbomApiTest extends ApiTest {

    static String fixture(String name) {
        try (InputStream in = SbomApiTest.class.getResourceAsStream("/sbom/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh version of product A, so each test sees only its own SBOMs. */
    private String freshVersion() throws Exception {
        JsonNode v = body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + world.productA + "/versions"),
                java.util.Map.of("version", "s-" + UUID.randomUUID().toString().substring(0, 8), "releaseDate", "2026-11-01"))))
                .andExpect(status().isCreated()).andReturn());
        return "/api/v1/products/" + world.productA + "/versions/" + v.get("id").asText() + "/sboms";
    }

    private MvcResult upload(Who who, String path, String contentType, String document) throws Exception {
        var request = post(path).content(document.getBytes(StandardCharsets.UTF_8));
        if (contentType != null) {
            request.contentType(contentType);
        }
        return mvc.perform(as(who, request)).andReturn();
    }

    @Test
    void aVendorUploadsTheFirmwareSbomAndSeesComponentsAndWarnings() throws Exception {
        String sboms = freshVersion();
        String doc = fixture("camera-fw-cyclonedx-1.6.json");
        MvcResult created = upload(Who.VENDOR_MEMBER, sboms, "application/vnd.cyclonedx+json", doc);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode s = body(created);
        assertThat(s.get("format").asText()).isEqualTo("CYCLONEDX_JSON");
        assertThat(s.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(s.get("componentCount").asInt()).isEqualTo(4);
        assertThat(s.get("warningCount").asInt()).isEqualTo(1);
        assertThat(s.get("sha256").asText()).isEqualTo(io.iotseal.digest.Sha256.hex(doc.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(sboms + "/" + s.get("sha256").asText());

        // The same content again is the same SBOM (200), not a second one.
        assertThat(upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+json", doc).getResponse().getStatus())
                .isEqualTo(200);

        JsonNode view = body(mvc.perform(as(Who.LAB_EVALUATOR, get(sboms + "/" + s.get("sha256").asText())))
                .andExpect(status().isOk()).andReturn());
        JsonNode openssl = view.get("components").get(0);
        assertThat(openssl.get("name").asText()).isEqualTo("openssl");
        assertThat(openssl.get("version").asText()).isEqualTo("1.1.1k");
        assertThat(openssl.get("purl").asText()).isEqualTo("pkg:generic/openssl@1.1.1k");
        assertThat(openssl.get("cpe").asText()).isEqualTo("cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*");
        assertThat(openssl.get("supplier").asText()).isEqualTo("OpenSSL Software Foundation");
        assertThat(view.get("components").get(1).get("purl").asText()).isEqualTo("pkg:generic/busybox@1.33.1");
        assertThat(view.get("warnings").get(0).get("location").asText()).isEqualTo("/components/1/components/0");

        mvc.perform(as(Who.OPERATOR_REVIEWER, get(sboms + "/" + s.get("sha256").asText() + "/document")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/vnd.cyclonedx+json"))
                .andExpect(content().bytes(doc.getBytes(StandardCharsets.UTF_8)));

        JsonNode list = body(mvc.perform(as(Who.VENDOR_ADMIN, get(sboms))).andExpect(status().isOk()).andReturn());
        assertThat(list).hasSize(1);
    }

    @Test
    void xmlAndSpdxAreDetectedWhenTheTypeIsGenericOrMissing() throws Exception {
        String sboms = freshVersion();
        MvcResult xml = upload(Who.VENDOR_ADMIN, sboms, "application/xml", fixture("camera-fw-cyclonedx-1.5.xml"));
        assertThat(xml.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(xml).get("format").asText()).isEqualTo("CYCLONEDX_XML");
        MvcResult spdx = upload(Who.VENDOR_ADMIN, sboms, null, fixture("camera-fw-spdx-2.3.json"));
        assertThat(spdx.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(spdx).get("format").asText()).isEqualTo("SPDX_JSON");
        assertThat(body(spdx).get("mediaType").asText()).isEqualTo("application/spdx+json");
        assertThat(body(mvc.perform(as(Who.VENDOR_ADMIN, get(sboms))).andReturn())).hasSize(2);
    }

    @Test
    void truncatedJsonIsA400NamingThePointerAndLine() throws Exception {
        String full = fixture("camera-fw-cyclonedx-1.6.json");
        MvcResult r = upload(Who.VENDOR_ADMIN, freshVersion(), "application/vnd.cyclonedx+json",
                full.substring(0, full.indexOf("\"purl\": \"pkg:generic/busybox")));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode p = body(r);
        assertThat(p.get("title").asText()).isEqualTo("Malformed SBOM");
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("/components/1/version");
        assertThat(p.get("errors").get(0).get("message").asText()).contains("line 32");
    }

    @Test
    void schemaViolationsAndUnsupportedVersionsAre422ByName() throws Exception {
        String sboms = freshVersion();
        MvcResult invalid = upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+json",
                fixture("camera-fw-cyclonedx-1.6.json").replace("\"type\": \"application\"", "\"type\": \"toaster\""));
        assertThat(invalid.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(invalid).get("errors").findValuesAsText("field")).contains("/components/1/type");

        MvcResult old = upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+json",
                fixture("camera-fw-cyclonedx-1.4.json").replace("\"1.4\"", "\"1.3\""));
        assertThat(old.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(old).get("title").asText()).isEqualTo("Unsupported SBOM version");
        assertThat(body(old).get("errors").get(0).get("message").asText()).contains("CycloneDX version 1.3 is not supported");

        MvcResult xml = upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+xml",
                fixture("camera-fw-cyclonedx-1.5.xml").replace("<component type=\"application\"", "<component type=\"toaster\""));
        assertThat(xml.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(xml).get("errors").get(0).get("field").asText()).isEqualTo("line 20, column 49");

        MvcResult spdx22 = upload(Who.VENDOR_ADMIN, sboms, "application/spdx+json",
                fixture("camera-fw-spdx-2.3.json").replace("SPDX-2.3", "SPDX-2.2"));
        assertThat(spdx22.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(spdx22).get("errors").get(0).get("field").asText()).isEqualTo("/spdxVersion");
        // Nothing refused was stored.
        assertThat(body(mvc.perform(as(Who.VENDOR_ADMIN, get(sboms))).andReturn())).isEmpty();
    }

    @Test
    void otherMediaTypesAre415AndUnknownContent400() throws Exception {
        String sboms = freshVersion();
        MvcResult pdf = upload(Who.VENDOR_ADMIN, sboms, "application/pdf", "%PDF-1.7");
        assertThat(pdf.getResponse().getStatus()).isEqualTo(415);
        assertThat(body(pdf).get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
        MvcResult unknown = upload(Who.VENDOR_ADMIN, sboms, "application/json", "{\"hello\": \"world\"}");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(upload(Who.VENDOR_ADMIN, sboms, "application/json", "").getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void anSbomOverTheCapIs413NamingTheLimitWhileOneOverTheGeneralCapIsAccepted() throws Exception {
        String sboms = freshVersion();
        // 1.5 MiB of description: over the general 1 MiB request cap, under the SBOM cap (10 MiB).
        String big = fixture("camera-fw-cyclonedx-1.4.json").replace("\"name\": \"openssl\",",
                "\"name\": \"openssl\", \"description\": \"" + "x".repeat(1536 * 1024) + "\",");
        assertThat(upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+json", big).getResponse().getStatus())
                .isEqualTo(201);
        String huge = fixture("camera-fw-cyclonedx-1.4.json").replace("\"name\": \"openssl\",",
                "\"name\": \"openssl\", \"description\": \"" + "x".repeat(10 * 1024 * 1024) + "\",");
        MvcResult r = upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+json", huge);
        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(body(r).get("errors").get(0).get("message").asText()).contains("at most 10485760 bytes");
    }

    @Test
    void unknownVersionsAndShasAre404() throws Exception {
        String sboms = freshVersion();
        mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products/" + world.productA + "/versions/" + UUID.randomUUID() + "/sboms")))
                .andExpect(status().isNotFound());
        mvc.perform(as(Who.VENDOR_ADMIN, get(sboms + "/" + "0".repeat(64)))).andExpect(status().isNotFound());
        mvc.perform(as(Who.VENDOR_ADMIN, get(sboms + "/../../etc"))).andExpect(r ->
                assertThat(r.getResponse().getStatus()).isBetween(400, 404));
    }

    @Test
    void theVendorConsoleShowsComponentsAndWarningsInJapanese() throws Exception {
        String sboms = freshVersion();
        assertThat(upload(Who.VENDOR_ADMIN, sboms, "application/vnd.cyclonedx+json", fixture("camera-fw-cyclonedx-1.6.json"))
                .getResponse().getStatus()).isEqualTo(201);
        var response = mvc.perform(as(Who.VENDOR_MEMBER, get(sboms.replace("/api/v1/", "/vendor/"))
                .header("Accept-Language", "ja"))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        String html = response.getContentAsString();
        assertThat(response.getStatus()).as(html).isEqualTo(200);
        assertThat(html).contains("CycloneDX 1.6（JSON）", "コンポーネント（4件）", "警告（1件）", "パッケージURL",
                "pkg:generic/openssl@1.1.1k", "cpe:2.3:a:busybox:busybox:1.33.1:*:*:*:*:*:*:*",
                "OpenSSL Software Foundation", "/components/1/components/0");
        // CSP-safe: no inline script or style.
        assertThat(html).doesNotContain("<script>", "style=\"", "<style");
        // The product page links each version to it.
        String product = mvc.perform(as(Who.VENDOR_MEMBER, get("/vendor/products/" + world.productA))).andReturn()
                .getResponse().getContentAsString();
        assertThat(product).contains(sboms.replace("/api/v1/", "/vendor/"));
        // Another vendor's admin does not see it.
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(sboms.replace("/api/v1/", "/vendor/")))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }
}
