package io.iotseal.label.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.label.TestLabels;
import io.iotseal.label.jose.CompactJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.status.BitstringStatusList;
import io.iotseal.label.status.StatusListCredential;
import io.iotseal.label.status.StatusPurpose;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Label credentials through Titanium, an independent JSON-LD 1.1 processor, in safe mode (undefined
 * terms fail instead of being dropped). Contexts come only from a local loader: the W3C VC 2.0
 * context bundled from its npm package (see jsonld/SOURCE.md) and IoTSeal's context from the core jar,
 * refused when its bytes do not match the digest the credential pins (ADR 0056).
 */
class LabelCredentialJsonLdTest {
    private static final String VOCAB = "urn:iotseal:ns:label#";
    private final SigningKey key = TestLabels.key();

    @Test
    void everyTermOfALabelCredentialIsDefined() throws Exception {
        ObjectNode vc = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);

        JsonArray expanded = expand(vc, pinnedLoader(vc));

        String json = expanded.toString();
        assertThat(json).contains(VOCAB + "labelId", VOCAB + "registrationNumber", VOCAB + "productName",
                VOCAB + "supportPeriodEnd", VOCAB + "IoTSecurityLabelCredential", VOCAB + "LabelledProduct",
                "\"@language\":\"ja\"", "https://www.w3.org/ns/credentials/status#statusListIndex");
    }

    @Test
    void theFormerContextLeftLabelIdUndefined() {
        // Labels issued before ADR 0056 named the VC 2.0 context only; its final version has no @vocab.
        ObjectNode vc = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);
        vc.set("@context", vc.arrayNode().add(LabelCredential.VC_CONTEXT));
        vc.remove("relatedResource");

        assertThatThrownBy(() -> expand(vc, pinnedLoader(vc)))
                .isInstanceOf(JsonLdError.class).hasMessageContaining("labelId");
    }

    @Test
    void statusListCredentialsUseOnlyTermsOfTheVcContext() throws Exception {
        ObjectNode vc = StatusListCredential.toJson(TestLabels.URLS.statusListUrl(StatusPurpose.REVOCATION),
                TestLabels.URLS.issuer(), StatusPurpose.REVOCATION, BitstringStatusList.empty(131_072),
                Instant.parse("2027-06-01T00:00:00Z"), Duration.ofDays(7), Duration.ofMinutes(5));

        assertThat(expand(vc, pinnedLoader(vc)).toString()).contains("https://www.w3.org/ns/credentials/status#encodedList");
    }

    @Test
    void aContextWhoseBytesDifferFromThePinnedDigestIsNotLoaded() {
        ObjectNode vc = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);
        String served = new String(LabelContext.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"urn:iotseal:ns:label#vendor\"", "\"https://attacker.example/vendor\"");

        assertThatThrownBy(() -> expand(vc, loader(vc, served.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(JsonLdError.class).hasStackTraceContaining("does not match the digest the credential pins");
    }

    @Test
    void theVerifierRefusesACredentialPinningAnotherDigest() {
        ObjectNode vc = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);
        ((ObjectNode) vc.get("relatedResource").get(0)).put("digestSRI", "sha384-" + "A".repeat(64));

        assertThatThrownBy(() -> LabelCredential.facts(verified(vc)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("digest");
    }

    @Test
    void theVerifierRefusesAnUnpinnedOrForeignContext() {
        ObjectNode unpinned = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);
        unpinned.remove("relatedResource");
        ObjectNode foreign = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);
        ((ArrayNode) foreign.get("@context")).set(1, "https://attacker.example" + LabelContext.PATH);

        assertThatThrownBy(() -> LabelCredential.facts(verified(unpinned)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("relatedResource");
        assertThatThrownBy(() -> LabelCredential.facts(verified(foreign)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("@context");
    }

    @Test
    void aLabelIssuedWithTheFormerContextStillVerifies() throws Exception {
        ObjectNode vc = LabelCredential.toJson(TestLabels.star1(), TestLabels.URLS);
        vc.set("@context", vc.arrayNode().add(LabelCredential.VC_CONTEXT));
        vc.remove("relatedResource");

        assertThat(LabelCredential.facts(verified(vc)).registrationNumber()).isEqualTo("JC-STAR-STAR-1-A0012345");
    }

    private CompactJws.Verified verified(JsonNode vc) throws VerificationException {
        return CompactJws.verify(CompactJws.sign(vc, LabelCredential.TYP, key), LabelCredential.TYP,
                TestLabels.trusting(key), LabelCredential.MAX_CHARS);
    }

    private static JsonArray expand(JsonNode vc, DocumentLoader loader) throws JsonLdError {
        JsonLdOptions options = new JsonLdOptions(loader);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(vc.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)))).options(options).get();
    }

    private static DocumentLoader pinnedLoader(JsonNode vc) {
        return loader(vc, LabelContext.bytes());
    }

    /**
     * Serves the bundled VC 2.0 context and, as IoTSeal's context at the credential's registry, the
     * given bytes, which a verifier accepts only when their digest is the one the credential pins.
     * Every other URL fails: nothing is fetched from the network.
     */
    private static DocumentLoader loader(JsonNode vc, byte[] iotsealContext) {
        String ours = LabelContext.url(vc.path("issuer").asText());
        String pinned = null;
        for (JsonNode resource : vc.path("relatedResource")) {
            if (ours.equals(resource.path("id").asText())) {
                pinned = resource.path("digestSRI").asText();
            }
        }
        String digest = pinned;
        Map<String, byte[]> local = Map.of(LabelCredential.VC_CONTEXT, resource("/jsonld/credentials-v2.jsonld"),
                ours, iotsealContext);
        return (URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions options) -> {
            byte[] bytes = local.get(url.toString());
            if (bytes == null) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no local copy of " + url);
            }
            if (url.toString().equals(ours) && !sri(bytes).equals(digest)) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                        url + " does not match the digest the credential pins");
            }
            JsonDocument document = JsonDocument.of(new ByteArrayInputStream(bytes));
            document.setDocumentUrl(url);
            return document;
        };
    }

    private static String sri(byte[] bytes) {
        try {
            return "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = LabelCredentialJsonLdTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
