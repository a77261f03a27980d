package io.iotseal.sbom;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SBOM formats the registry accepts (ADR 0091), each with the media type registered for it:
 * CycloneDX JSON and XML ({@code application/vnd.cyclonedx+json}, {@code +xml}) and SPDX JSON
 * ({@code application/spdx+json}).
 */
public enum SbomFormat {
    CYCLONEDX_JSON("application/vnd.cyclonedx+json"),
    CYCLONEDX_XML("application/vnd.cyclonedx+xml"),
    SPDX_JSON("application/spdx+json");

    private final String mediaType;

    SbomFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(SbomFormat::mediaType).toList();
    }

    /** The format a media type names (parameters such as {@code ; version=1.6} ignored), if any. */
    public static Optional<SbomFormat> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }

    /**
     * The format the content looks like, from its first characters: XML is CycloneDX XML; a JSON object
     * naming {@code "bomFormat"} is CycloneDX, one naming {@code "spdxVersion"} is SPDX. Only a guess for
     * uploads sent without a specific type; the parser then checks the document in full.
     */
    public static Optional<SbomFormat> detect(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (head.startsWith("<")) {
            return Optional.of(CYCLONEDX_XML);
        }
        if (head.startsWith("{")) {
            if (head.contains("\"bomFormat\"")) {
                return Optional.of(CYCLONEDX_JSON);
            }
            if (head.contains("\"spdxVersion\"")) {
                return Optional.of(SPDX_JSON);
            }
        }
        return Optional.empty();
    }
}
