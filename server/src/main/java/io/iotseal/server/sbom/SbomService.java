package io.iotseal.server.sbom;

import io.iotseal.sbom.SbomComponent;
import io.iotseal.sbom.SbomDocument;
import io.iotseal.sbom.SbomException;
import io.iotseal.sbom.SbomFormat;
import io.iotseal.sbom.SbomParser;
import io.iotseal.sbom.SbomWarning;
import io.iotseal.server.access.Actor;
import io.iotseal.server.assessment.EvidenceBlobs;
import io.iotseal.server.assessment.EvidenceStore;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.CappedUpload;
import io.iotseal.server.web.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SBOMs per product version (issue 16 item 1, ADR 0091). Reading and validation are the core's
 * {@link SbomParser}; this class decides who may, caps the size, stores the bytes in the evidence store
 * (content-addressed, ADR 0041) and keeps the extracted components and warnings.
 *
 * <p>Who may: see {@link SbomAccess}.
 */
@Service
public class SbomService {

    /** Media types that say "some JSON/XML" without naming the SBOM format: the content decides. */
    private static final Set<String> GENERIC_TYPES = Set.of("application/json", "application/xml", "text/xml",
            "application/octet-stream", "text/plain");
    /** Column widths of V25; a longer value is refused by name rather than cut. */
    private static final int MAX_TEXT = 2000;
    private static final int MAX_VERSION = 500;
    private static final int MAX_MESSAGE = 4000;

    private final SbomAccess access;
    private final SbomRepository repository;
    private final SbomParser parser;
    private final EvidenceStore store;
    private final EvidenceBlobs blobs;
    private final SbomProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SbomService(SbomAccess access, SbomRepository repository, SbomParser parser, EvidenceStore store,
                EvidenceBlobs blobs, SbomProperties properties, AuditLog audit, Clock clock,
                ApplicationEventPublisher events) {
        this.access = access;
        this.repository = repository;
        this.parser = parser;
        this.store = store;
        this.blobs = blobs;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** The stored SBOM and whether it is new (201) or the same content uploaded before for this version (200). */
    public record Upload(SbomSummary sbom, boolean created) {
    }

    public record Download(SbomSummary sbom, byte[] content) {
    }

    public long maxBytes() {
        return properties.maxBytes();
    }

    @Transactional
    public Upload upload(Actor actor, UUID productId, UUID versionId, String contentType, long contentLength,
                         InputStream body) {
        Product product = access.writable(actor, productId, "upload SBOMs");
        ProductVersion version = SbomAccess.version(product, versionId);
        SbomFormat declared = declaredFormat(contentType);
        byte[] content = CappedUpload.read(contentLength, body, properties.maxBytes(), this::tooLarge);
        SbomDocument document;
        try {
            document = parser.parse(content, declared);
        } catch (SbomException e) {
            throw refusal(e);
        }
        checkWidths(document);
        String sha = store.put(content);
        Optional<SbomSummary> same = repository.find(version.id(), sha);
        if (same.isPresent()) {
            return new Upload(same.get(), false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        blobs.recordIfAbsent(sha, content.length, document.format().mediaType(), now);
        List<SbomWarning> warnings = document.warnings().stream()
                .map(w -> new SbomWarning(w.location(), cut(w.message()))).toList();
        SbomDocument kept = new SbomDocument(document.format(), document.specVersion(), document.components(), warnings);
        SbomSummary summary = new SbomSummary(UUID.randomUUID(), productId, version.id(), sha, document.format(),
                document.format().mediaType(), document.specVersion(), content.length, document.components().size(),
                warnings.size(), actor.auditName(), now);
        repository.insert(summary, kept);
        audit.record(actor, "product.sbom.add", "product", productId, null, summary);
        events.publishEvent(new SbomStored(summary.id()));
        return new Upload(summary, true);
    }

    @Transactional(readOnly = true)
    public List<SbomSummary> list(Actor actor, UUID productId, UUID versionId) {
        ProductVersion version = SbomAccess.version(access.readable(actor, productId), versionId);
        return repository.list(version.id());
    }

    @Transactional(readOnly = true)
    public SbomView get(Actor actor, UUID productId, UUID versionId, String sha256) {
        SbomSummary s = find(actor, productId, versionId, sha256);
        return new SbomView(s, repository.components(s.id()), repository.warnings(s.id()));
    }

    @Transactional(readOnly = true)
    public Download download(Actor actor, UUID productId, UUID versionId, String sha256) {
        SbomSummary s = find(actor, productId, versionId, sha256);
        byte[] content = store.get(s.sha256()).orElseThrow(() -> ApiException.notFound("SBOM content " + sha256));
        return new Download(s, content);
    }

    private SbomSummary find(Actor actor, UUID productId, UUID versionId, String sha256) {
        ProductVersion version = SbomAccess.version(access.readable(actor, productId), versionId);
        String sha = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        return repository.find(version.id(), sha)
                .orElseThrow(() -> ApiException.notFound("SBOM " + sha256 + " of version " + versionId));
    }

    /** The declared format; null (detect from content) for no or a generic type; 415 for any other type. */
    static SbomFormat declaredFormat(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        Optional<SbomFormat> f = SbomFormat.ofMediaType(contentType);
        if (f.isPresent()) {
            return f.get();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (GENERIC_TYPES.contains(bare)) {
            return null;
        }
        throw ApiException.withErrors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                List.of(new FieldError("Content-Type", "one of " + SbomFormat.mediaTypes()
                        + " (or application/json, application/xml to detect the format); not " + contentType)));
    }

    /** Malformed → 400, unsupported version or schema-invalid → 422; each problem named by where it is. */
    private static ApiException refusal(SbomException e) {
        HttpStatus status = e.reason() == SbomException.Reason.MALFORMED ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_ENTITY;
        String title = switch (e.reason()) {
            case MALFORMED -> "Malformed SBOM";
            case UNSUPPORTED_VERSION -> "Unsupported SBOM version";
            case INVALID -> "Invalid SBOM";
        };
        return ApiException.withErrors(status, title, e.problems().stream()
                .map(p -> new FieldError(p.location() == null ? "body" : p.location(), cut(p.message()))).toList());
    }

    private static void checkWidths(SbomDocument d) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < d.components().size(); i++) {
            SbomComponent c = d.components().get(i);
            String at = "component " + (i + 1) + " ('" + cut(c.name(), 100) + "')";
            for (String[] f : new String[][]{{"name", c.name()}, {"purl", c.purl()}, {"cpe", c.cpe()},
                    {"supplier", c.supplier()}, {"ref", c.ref()}}) {
                if (f[1] != null && f[1].length() > MAX_TEXT) {
                    errors.add(new FieldError(at, f[0] + " is longer than " + MAX_TEXT + " characters"));
                }
            }
            if (c.version() != null && c.version().length() > MAX_VERSION) {
                errors.add(new FieldError(at, "version is longer than " + MAX_VERSION + " characters"));
            }
            if (errors.size() >= 20) {
                break;
            }
        }
        for (SbomWarning w : d.warnings()) {
            if (w.location() != null && w.location().length() > MAX_TEXT) {
                errors.add(new FieldError(cut(w.location(), 100), "nested too deeply to be stored"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid SBOM", errors);
        }
    }

    private static String cut(String s) {
        return cut(s, MAX_MESSAGE);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private ApiException tooLarge(String size) {
        return ApiException.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", List.of(new FieldError("body",
                "the SBOM is " + size + "; SBOMs may be at most " + properties.maxBytes()
                        + " bytes (iotseal.sbom.max-bytes)")));
    }
}
