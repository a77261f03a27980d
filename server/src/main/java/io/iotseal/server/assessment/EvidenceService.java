package io.iotseal.server.assessment;

import io.iotseal.assessment.EvidenceType;
import io.iotseal.assessment.Party;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files for assessments (ADR 0041). Everything is checked before anything is stored — the
 * caller's right to change the assessment, its ETag, the file name, the requirement, the declared
 * type, the size cap, emptiness and the content's real type — so a refused upload leaves the
 * assessment exactly as it was. The same file attached again to the same place is not a second
 * attachment: the first is answered again (uploads are idempotent by content).
 */
@Service
public class EvidenceService {

    private final AssessmentRepository repository;
    private final AssessmentAccess access;
    private final AssessmentService assessments;
    private final EvidenceStore store;
    private final EvidenceBlobs blobs;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceService(AssessmentRepository repository, AssessmentAccess access, AssessmentService assessments,
                    EvidenceStore store, EvidenceBlobs blobs, AuditLog audit, Clock clock) {
        this.blobs = blobs;
        this.repository = repository;
        this.access = access;
        this.assessments = assessments;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored evidence and whether it was new (201) or the same file attached before (200). */
    public record Upload(EvidenceView evidence, boolean created, long assessmentVersion) {
    }

    /**
     * Bidirectional controls (LRM, RLM, ALM, embeddings, overrides, isolates) make "report" + U+202E + "txt.exe" show as
     * "reportexe.txt": removed from file names, which never need them.
     */
    private static final java.util.regex.Pattern BIDI_CONTROLS =
            java.util.regex.Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    @Transactional
    public Upload upload(Actor actor, UUID id, String ifMatch, String contentType, long contentLength, String fileName,
                         String requirement, EvidenceKind kind, InputStream body) {
        AssessmentRow a = access.visible(actor, id);
        Party editor = AssessmentAccess.editor(actor, a);
        EvidenceKind k = kind == null ? EvidenceKind.EVIDENCE : kind;
        if (k == EvidenceKind.LAB_REPORT && editor != Party.LAB) {
            throw ApiException.forbidden("only the assigned lab attaches its evaluation report");
        }
        ETags.requireMatch(ifMatch, a.version());
        String name = fileName == null ? "" : BIDI_CONTROLS.matcher(fileName).replaceAll("").strip();
        if (name.isEmpty() || name.length() > 255 || name.contains("/") || name.contains("\\")
                || name.chars().anyMatch(c -> c < 0x20)) {
            throw ApiException.invalid("fileName", "required: a plain file name of 1 to 255 characters, no folders");
        }
        RequirementRef ref = null;
        if (requirement != null && !requirement.isBlank()) {
            ref = AssessmentService.parseRef(requirement);
            if (ref == null || !assessments.scope(a, null).contains(ref)) {
                throw ApiException.invalid("requirement", "'" + requirement
                        + "' is not a requirement of this assessment (" + a.target() + "); write it as catalog#id");
            }
        }
        Optional<EvidenceType> declared = EvidenceType.ofMediaType(contentType);
        if (declared.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    List.of(new FieldError("Content-Type", "declare the file's type, one of " + EvidenceType.mediaTypes()
                            + (contentType == null ? "" : "; not " + contentType))));
        }
        if (contentLength > store.maxBytes()) {
            throw tooLarge(contentLength + " bytes");
        }
        byte[] content;
        try {
            content = store.readCapped(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        if (content == null) {
            throw tooLarge("more than " + store.maxBytes() + " bytes");
        }
        if (content.length == 0) {
            throw ApiException.invalid("file", "empty; attach a file with content");
        }
        Optional<EvidenceType> detected = EvidenceType.detect(content);
        if (detected.isEmpty() || !declared.get().accepts(detected.get())) {
            throw ApiException.withErrors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    List.of(new FieldError("Content-Type", "declared " + declared.get().mediaType() + " but the content is "
                            + detected.map(EvidenceType::mediaType).orElse("none of " + EvidenceType.mediaTypes()))));
        }
        String sha = store.put(content);
        String target = ref == null ? null : ref.toString();
        Optional<EvidenceView> same = repository.evidence(id).stream()
                .filter(e -> e.sha256().equals(sha) && e.kind() == k && java.util.Objects.equals(e.requirement(), target))
                .findFirst();
        if (same.isPresent()) {
            return new Upload(same.get(), false, a.version());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        blobs.recordIfAbsent(sha, content.length, detected.get().mediaType(), now);
        assessments.advance(a, a.state(), a.labId());
        EvidenceView view = new EvidenceView(UUID.randomUUID(), sha, name, declared.get().mediaType(), content.length, k,
                target, actor.auditName(), now);
        repository.insertEvidence(id, view, ref == null ? null : ref.catalog(), ref == null ? null : ref.requirement());
        audit.record(actor, "assessment.evidence.add", "assessment", id, null, view);
        return new Upload(view, true, a.version() + 1);
    }

    /** The file, if it is attached to an assessment the caller may see. */
    @Transactional(readOnly = true)
    public Download download(Actor actor, UUID id, String sha256) {
        access.visible(actor, id);
        EvidenceView e = repository.evidence(id).stream().filter(x -> x.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> ApiException.notFound("evidence " + sha256 + " of assessment " + id));
        byte[] content = store.get(sha256).orElseThrow(() -> ApiException.notFound("evidence " + sha256));
        return new Download(e, content);
    }

    public record Download(EvidenceView evidence, byte[] content) {
    }

    private ApiException tooLarge(String size) {
        return ApiException.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", List.of(new FieldError("file",
                "the file is " + size + "; evidence files may be at most " + store.maxBytes() + " bytes")));
    }
}
