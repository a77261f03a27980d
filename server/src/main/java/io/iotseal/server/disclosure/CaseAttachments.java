package io.iotseal.server.disclosure;

import io.iotseal.server.access.Actor;
import io.iotseal.server.assessment.EvidenceBlobs;
import io.iotseal.server.assessment.EvidenceStore;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.CappedUpload;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Files attached to a case (ADR 0099): a proof of concept, a log, a screenshot. The bytes go to the evidence store
 * (ADR 0041) like assessment evidence; the case keeps the name, type and size. Only plain text, PDF, PNG and JSON,
 * each checked by its first bytes, up to {@code iotseal.cases.max-attachment-bytes}: a case must not become a way
 * to pass executables between strangers.
 */
@Service
public class CaseAttachments {

    static final List<String> TYPES = List.of("text/plain", "application/pdf", "image/png", "application/json");

    private final CaseService cases;
    private final CaseRepository repository;
    private final EvidenceStore store;
    private final EvidenceBlobs blobs;
    private final AuditLog audit;
    private final CaseProperties properties;
    private final Clock clock;

    CaseAttachments(CaseService cases, CaseRepository repository, EvidenceStore store, EvidenceBlobs blobs,
                    AuditLog audit, CaseProperties properties, Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.store = store;
        this.blobs = blobs;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A file from the vendor's or operator's people. */
    @Transactional
    public CaseView.Attachment attach(Actor actor, UUID caseId, String fileName, String contentType,
                                      long declaredLength, InputStream body) {
        String kind = CaseService.authorKind(actor, cases.writableCase(actor, caseId));
        return store(actor, caseId, kind, fileName, contentType, declaredLength, body);
    }

    /** A file from the reporter, through the capability link. */
    @Transactional
    public CaseView.Attachment attachAsReporter(String token, String fileName, String contentType, long declaredLength,
                                                InputStream body) {
        UUID caseId = cases.caseOfLink(token);
        return store(ReportIntake.REPORTER, caseId, "REPORTER", fileName, contentType, declaredLength, body);
    }

    /** A file's bytes, for those who may read the case. */
    @Transactional(readOnly = true)
    public Download download(Actor actor, UUID caseId, UUID attachmentId) {
        cases.readableCase(actor, caseId);
        CaseView.Attachment a = repository.attachments(caseId).stream().filter(x -> x.id().equals(attachmentId))
                .findFirst().orElseThrow(() -> ApiException.notFound("attachment"));
        byte[] bytes = store.get(a.sha256()).orElseThrow(() -> ApiException.notFound("attachment"));
        return new Download(a, bytes);
    }

    public record Download(CaseView.Attachment attachment, byte[] bytes) {
    }

    public long maxBytes() {
        return properties.maxAttachmentBytes();
    }

    private CaseView.Attachment store(Actor actor, UUID caseId, String kind, String fileName, String contentType,
                                      long declaredLength, InputStream body) {
        String type = mediaType(contentType);
        String name = fileName(fileName);
        byte[] content = CappedUpload.read(declaredLength, body, properties.maxAttachmentBytes(),
                size -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
                        "the file is " + size + "; the limit is " + properties.maxAttachmentBytes() + " bytes"));
        if (content.length == 0) {
            throw ApiException.invalid("file", "empty");
        }
        if (!looksLike(type, content)) {
            throw ApiException.withErrors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    List.of(new FieldError("file", "the content is not " + type)));
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String sha = store.put(content);
        blobs.recordIfAbsent(sha, content.length, type, now);
        UUID id = UUID.randomUUID();
        repository.addAttachment(id, caseId, sha, name, type, content.length, kind,
                "REPORTER".equals(kind) ? null : actor.auditName(), now);
        audit.record(actor, "case.attachment", "disclosure_case", caseId, null,
                Map.of("attachment", id.toString(), "sha256", sha, "mediaType", type, "authorKind", kind));
        return new CaseView.Attachment(id, name, type, content.length, sha, kind, now);
    }

    private static String mediaType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw ApiException.withErrors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    List.of(new FieldError("Content-Type", "one of " + TYPES + "; not " + (type.isEmpty() ? "none" : type))));
        }
        return type;
    }

    /** The name without any folder, control characters or more than 255 characters. */
    static String fileName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ApiException.invalid("fileName", "required: the file's name");
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** Whether the first bytes fit the type: PDF and PNG by their signatures, text and JSON as UTF-8 without NULs. */
    static boolean looksLike(String type, byte[] content) {
        return switch (type) {
            case "application/pdf" -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "image/png" -> startsWith(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            default -> isUtf8Text(content);
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }

    private static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
