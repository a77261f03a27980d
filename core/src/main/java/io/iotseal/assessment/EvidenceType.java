package io.iotseal.assessment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of evidence file accepted, recognised from their content (ADR 0041): a declared type is
 * only believed when the bytes agree, so a renamed executable cannot pass as a PDF report. Binary
 * formats by their magic bytes; JSON by parsing; plain text as UTF-8 without control characters.
 */
public enum EvidenceType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    ZIP("application/zip"),
    JSON("application/json"),
    TEXT("text/plain");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY_MAGIC = {'P', 'K', 5, 6};
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final String mediaType;

    EvidenceType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type for a declared media type (parameters such as charset ignored), if accepted at all. */
    public static Optional<EvidenceType> ofMediaType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(base)).findFirst();
    }

    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(EvidenceType::mediaType).toList();
    }

    /** What the content is, judged from the whole file; empty when it is none of the accepted kinds. */
    public static Optional<EvidenceType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC) || startsWith(content, ZIP_EMPTY_MAGIC)) {
            return Optional.of(ZIP);
        }
        if (!isText(content)) {
            return Optional.empty();
        }
        return Optional.of(isJson(content) ? JSON : TEXT);
    }

    /** Whether content of type {@code detected} may be declared as this type: JSON is also plain text. */
    public boolean accepts(EvidenceType detected) {
        return detected == this || (this == TEXT && detected == JSON);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean isText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isJson(byte[] content) {
        try (JsonParser parser = JSON_FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
