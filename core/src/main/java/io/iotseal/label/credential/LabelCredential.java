package io.iotseal.label.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.Label;
import io.iotseal.label.LabelFacts;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.jose.CompactJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.status.StatusPurpose;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A label as a W3C Verifiable Credential 2.0 secured with JOSE ({@code application/vc+jwt}): the JWS
 * payload is the credential itself (ADR 0030). Terms IoTSeal adds are defined by IoTSeal's own context,
 * served by the issuing registry and pinned by its digest in {@code relatedResource} (ADR 0056).
 */
public final class LabelCredential {
    public static final String TYP = "vc+jwt";
    public static final String MEDIA_TYPE = "application/vc+jwt";
    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String TYPE = "IoTSecurityLabelCredential";
    /** A credential larger than this is refused before parsing. */
    public static final int MAX_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = JsonMappers.plain();

    private LabelCredential() {
    }

    /** The unsigned credential; {@link #sign} secures it. */
    public static ObjectNode toJson(Label label, RegistryUrls urls) {
        ObjectNode vc = JSON.createObjectNode();
        String context = LabelContext.url(urls.issuer());
        vc.putArray("@context").add(VC_CONTEXT).add(context);
        vc.put("id", urls.labelPageBase() + label.id());
        vc.putArray("type").add("VerifiableCredential").add(TYPE);
        vc.put("issuer", urls.issuer());
        vc.putArray("relatedResource").addObject().put("id", context).put("digestSRI", LabelContext.DIGEST_SRI);
        vc.put("validFrom", label.validFrom().toString());
        vc.put("validUntil", label.validUntil().toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("type", "LabelledProduct");
        subject.put("labelId", label.id());
        subject.put("registrationNumber", label.registrationNumber());
        subject.put("scheme", label.level().scheme());
        subject.put("level", label.level().level());
        subject.put("vendor", label.product().vendor());
        ObjectNode name = subject.putObject("productName");
        label.product().name().asMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> name.put(e.getKey(), e.getValue()));
        ArrayNode models = subject.putArray("models");
        label.product().models().forEach(models::add);
        ArrayNode versions = subject.putArray("versions");
        label.product().versions().forEach(versions::add);
        subject.put("supportPeriodEnd", label.product().supportPeriodEnd().toString());
        ArrayNode status = vc.putArray("credentialStatus");
        for (StatusPurpose purpose : StatusPurpose.values()) {
            String list = urls.statusListUrl(purpose);
            status.addObject().put("id", list + "#" + label.statusIndex()).put("type", "BitstringStatusListEntry")
                    .put("statusPurpose", purpose.code()).put("statusListIndex", Integer.toString(label.statusIndex()))
                    .put("statusListCredential", list);
        }
        return vc;
    }

    public static String sign(Label label, RegistryUrls urls, SigningKey key) {
        return CompactJws.sign(toJson(label, urls), TYP, key);
    }

    /** A status entry of a verified credential. */
    public record StatusEntry(StatusPurpose purpose, int index, String listCredential) {
    }

    /** Reads the facts of a credential whose signature was verified; any shape error is a VerificationException. */
    public static LabelFacts facts(CompactJws.Verified jws) throws VerificationException {
        JsonNode vc = jws.payload();
        checkContext(vc);
        if (!contains(vc.path("type"), "VerifiableCredential") || !contains(vc.path("type"), TYPE)) {
            throw new VerificationException("type must include VerifiableCredential and " + TYPE);
        }
        JsonNode s = vc.path("credentialSubject");
        Map<String, String> names = new LinkedHashMap<>();
        s.path("productName").properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
        if (!names.containsKey("en")) {
            throw new VerificationException("credentialSubject.productName.en is missing");
        }
        List<StatusEntry> entries = statusEntries(vc);
        return new LabelFacts(text(s, "labelId"), text(s, "registrationNumber"),
                text(s, "scheme") + ":" + text(s, "level"), text(s, "vendor"), names, strings(s, "models"), 0,
                strings(s, "versions"), 0, instant(vc, "validFrom"), instant(vc, "validUntil"),
                entries.isEmpty() ? -1 : entries.get(0).index(), text(vc, "issuer"), jws.key().kid());
    }

    /**
     * The VC 2.0 context first, then IoTSeal's context at the issuer's registry, pinned by the digest of
     * the document this verifier knows. A label issued before ADR 0056 names only the VC 2.0 context;
     * it is still accepted, since its signed facts do not depend on JSON-LD processing.
     */
    private static void checkContext(JsonNode vc) throws VerificationException {
        JsonNode context = vc.path("@context");
        if (!context.isArray() || context.isEmpty() || !VC_CONTEXT.equals(context.get(0).asText())) {
            throw new VerificationException("@context must start with " + VC_CONTEXT);
        }
        if (context.size() == 1) {
            return;
        }
        String expected = LabelContext.url(text(vc, "issuer"));
        if (context.size() != 2 || !expected.equals(context.get(1).asText())) {
            throw new VerificationException("@context must be " + VC_CONTEXT + " and " + expected);
        }
        for (JsonNode resource : vc.path("relatedResource")) {
            if (expected.equals(resource.path("id").asText())) {
                if (!LabelContext.DIGEST_SRI.equals(resource.path("digestSRI").asText())) {
                    throw new VerificationException("relatedResource: the digest of " + expected
                            + " is not that of IoTSeal's label context v1");
                }
                return;
            }
        }
        throw new VerificationException("relatedResource must pin " + expected + " by its digestSRI");
    }

    public static List<StatusEntry> statusEntries(CompactJws.Verified jws) throws VerificationException {
        return statusEntries(jws.payload());
    }

    private static List<StatusEntry> statusEntries(JsonNode vc) throws VerificationException {
        JsonNode status = vc.path("credentialStatus");
        List<StatusEntry> entries = new ArrayList<>();
        if (status.isObject()) {
            entries.add(entry(status));
        } else if (status.isArray()) {
            for (JsonNode e : status) {
                entries.add(entry(e));
            }
        }
        if (entries.isEmpty()) {
            throw new VerificationException("credentialStatus is missing");
        }
        return entries;
    }

    private static StatusEntry entry(JsonNode e) throws VerificationException {
        if (!"BitstringStatusListEntry".equals(e.path("type").asText())) {
            throw new VerificationException("credentialStatus.type must be BitstringStatusListEntry");
        }
        String index = text(e, "statusListIndex");
        if (!index.matches("[0-9]{1,9}")) {
            throw new VerificationException("credentialStatus.statusListIndex '" + index + "' is not a number");
        }
        try {
            return new StatusEntry(StatusPurpose.fromCode(text(e, "statusPurpose")), Integer.parseInt(index),
                    text(e, "statusListCredential"));
        } catch (IllegalArgumentException ex) {
            throw new VerificationException("credentialStatus: " + ex.getMessage(), ex);
        }
    }

    static String text(JsonNode node, String field) throws VerificationException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new VerificationException(field + " is missing or not a string");
        }
        return value.asText();
    }

    static Instant instant(JsonNode node, String field) throws VerificationException {
        try {
            return java.time.OffsetDateTime.parse(text(node, field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new VerificationException(field + " is not an XML Schema dateTime with a time zone", e);
        }
    }

    private static List<String> strings(JsonNode node, String field) throws VerificationException {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            throw new VerificationException(field + " is missing or not a list");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new VerificationException(field + " holds something other than strings");
            }
            result.add(item.asText());
        }
        return result;
    }

    private static boolean contains(JsonNode array, String value) {
        if (array.isTextual()) {
            return array.asText().equals(value);
        }
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
