package io.iotseal.server.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fingerprint a vendor declared for a product (V35 {@code product_fingerprint}): what a survey may see of the
 * product's devices. {@code port} null means any port.
 */
public record Fingerprint(UUID id, UUID productId, String kind, String matchType, String value, Integer port,
                          String declaredBy, OffsetDateTime declaredAt) {

    public static final java.util.List<String> KINDS = java.util.List.of("HTTP_TITLE", "HTTP_SERVER", "BANNER",
            "TLS_CERT_SHA256", "UPNP_MODEL");
    public static final java.util.List<String> MATCH_TYPES = java.util.List.of("EXACT", "PREFIX");

    /**
     * A certificate's SHA-256 compared as lower-case hex without separators, however a vendor or a probe writes it
     * (AB:12:… or ab12…); other kinds are compared as they are.
     */
    static String normalised(String kind, String value) {
        return "TLS_CERT_SHA256".equals(kind) && value != null
                ? value.replace(":", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT) : value;
    }

    boolean exact() {
        return "EXACT".equals(matchType);
    }

    /** Whether a fingerprint the device showed is this one (kind equal, port equal when declared, value). */
    boolean matches(String seenKind, Integer seenPort, String seenValue) {
        if (!kind.equals(seenKind) || seenValue == null || (port != null && !port.equals(seenPort))) {
            return false;
        }
        return exact() ? value.equals(seenValue) : seenValue.startsWith(value);
    }

    /** How a finding names it: "HTTP_TITLE:8080 PREFIX Acme NetCam". */
    String describe() {
        return kind + (port == null ? "" : ":" + port) + " " + matchType + " " + value;
    }
}
