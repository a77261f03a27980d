package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.EvidenceBlobs;
import io.iotseal.server.assessment.EvidenceStore;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.label.StatusListService;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.sbom.SbomAccess;
import io.iotseal.server.sbom.SbomProperties;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.CappedUpload;
import io.iotseal.server.web.FieldError;
import io.iotseal.surveillance.TriageState;
import io.iotseal.vex.CycloneDxVex;
import io.iotseal.vex.ProductRef;
import io.iotseal.vex.VexDocument;
import io.iotseal.vex.VexException;
import io.iotseal.vex.VexFormat;
import io.iotseal.vex.VexJustification;
import io.iotseal.vex.VexReader;
import io.iotseal.vex.VexStatement;
import io.iotseal.vex.VexStatements;
import io.iotseal.vex.VexStatus;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * VEX documents for a product version (ADR 0096, core {@code io.iotseal.vex}, ADR 0094): an imported CycloneDX,
 * OpenVEX or CSAF VEX document becomes triage statements, all or nothing; statements naming a component that
 * is not in the version's SBOMs refuse the whole document, each named. The document is kept in the
 * evidence store. The export is CycloneDX 1.6 VEX of the current statements.
 */
@Service
public class VexService {

    private final SbomAccess access;
    private final TriageService triage;
    private final TriageRepository repository;
    private final EvidenceStore store;
    private final EvidenceBlobs blobs;
    private final SbomProperties limits;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StatusListService labelPages;
    private final Clock clock;

    VexService(SbomAccess access, TriageService triage, TriageRepository repository, EvidenceStore store,
               EvidenceBlobs blobs, SbomProperties limits, JdbcClient jdbc, AuditLog audit,
               StatusListService labelPages, Clock clock) {
        this.access = access;
        this.triage = triage;
        this.repository = repository;
        this.store = store;
        this.blobs = blobs;
        this.limits = limits;
        this.jdbc = jdbc;
        this.audit = audit;
        this.labelPages = labelPages;
        this.clock = clock;
    }

    /** What an import recorded. */
    public record Imported(String sha256, VexFormat format, int statements, List<String> warnings) {
    }

    @Transactional
    public Imported importDocument(Actor actor, UUID productId, UUID versionId, long contentLength, InputStream body) {
        Product product = access.writable(actor, productId, "import VEX documents");
        ProductVersion version = SbomAccess.version(product, versionId);
        byte[] content = CappedUpload.read(contentLength, body, limits.maxBytes(), this::tooLarge);
        VexDocument document;
        try {
            document = VexReader.read(content, "body");
        } catch (VexException e) {
            throw refusal(e);
        }
        Map<String, String> purlOfRef = new HashMap<>();
        jdbc.sql("select c.ref, c.purl from sbom_component c join sbom s on s.id = c.sbom_id"
                        + " where s.version_id = ? and c.ref is not null order by s.uploaded_at, c.seq")
                .param(version.id()).query((rs, n) -> purlOfRef.put(rs.getString(1), rs.getString(2))).list();
        var purls = triage.currentComponents(version.id());
        List<VexStatement> unknown = VexStatements.unknownComponents(document.statements(), purls, purlOfRef.keySet());
        if (!unknown.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "VEX names unknown components",
                    unknown.stream().limit(20).map(s -> new FieldError(s.vulnerabilityId(), s.component()
                            + " is not a component of this version's SBOMs")).toList());
        }
        String sha = store.put(content);
        OffsetDateTime now = OffsetDateTime.now(clock);
        blobs.recordIfAbsent(sha, content.length, mediaType(document.format()), now);
        boolean vendor = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId());
        List<FieldError> problems = new ArrayList<>();
        for (VexStatement s : document.statements()) {
            String purl = s.componentPurl() != null && purls.contains(s.componentPurl()) ? s.componentPurl()
                    : purlOfRef.get(s.componentRef());
            if (purl == null) {
                problems.add(new FieldError(s.vulnerabilityId(), s.component() + " has no package URL in the SBOM"));
                continue;
            }
            repository.replace(new TriageStatement(UUID.randomUUID(), product.id(), version.id(), s.vulnerabilityId(),
                    purl, TriageState.valueOf(s.status().name()), s.justification() == null ? null
                    : s.justification().label(), s.impactStatement(), s.actionStatement(), s.fixedInVersion(),
                    source(document.format()), sha, actor.auditName(), !vendor, now, null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "VEX names components without a package URL",
                    problems.stream().limit(20).toList());
        }
        labelPages.securityInformationChanged();
        Imported imported = new Imported(sha, document.format(), document.statements().size(), document.warnings());
        audit.record(actor, "product.vex.import", "product", product.id(), null, imported);
        return imported;
    }

    /** The current statements of the version as a CycloneDX 1.6 VEX document. */
    @Transactional(readOnly = true)
    public byte[] export(Actor actor, UUID productId, UUID versionId) {
        Product product = access.readable(actor, productId);
        ProductVersion version = SbomAccess.version(product, versionId);
        List<VexStatement> statements = repository.current(version.id()).stream().map(s -> new VexStatement(
                s.vulnerability(), s.component(), null, VexStatus.valueOf(s.status().name()), justification(s),
                s.impactStatement(), s.actionStatement(), s.fixedIn(), s.decidedAt().toInstant())).toList();
        return CycloneDxVex.write(new ProductRef(product.nameEn(), version.version(), product.vendorName(),
                "product:" + product.id() + "@" + version.id()), statements, clock.instant());
    }

    private static VexJustification justification(TriageStatement s) {
        if (s.justification() == null) {
            return null;
        }
        return Arrays.stream(VexJustification.values()).filter(j -> j.label().equals(s.justification())).findFirst()
                .orElseThrow(() -> new IllegalStateException("stored justification " + s.justification()));
    }

    private ApiException tooLarge(String size) {
        return ApiException.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", List.of(new FieldError("body",
                "the VEX document is " + size + "; documents may be at most " + limits.maxBytes()
                        + " bytes (iotseal.sbom.max-bytes, as SBOMs)")));
    }

    private static ApiException refusal(VexException e) {
        HttpStatus status = e.reason() == VexException.Reason.MALFORMED ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_ENTITY;
        String title = switch (e.reason()) {
            case MALFORMED -> "Malformed VEX document";
            case UNSUPPORTED_VERSION -> "Unsupported VEX format or version";
            case INVALID -> "Invalid VEX document";
        };
        return ApiException.withErrors(status, title, e.problems().stream().limit(20)
                .map(p -> new FieldError(p.location() == null ? "body" : p.location(), p.message())).toList());
    }

    private static String source(VexFormat format) {
        return switch (format) {
            case CYCLONEDX_JSON, CYCLONEDX_XML -> "CYCLONEDX_VEX";
            case OPENVEX_JSON -> "OPENVEX";
            case CSAF_VEX_JSON -> "CSAF_VEX";
        };
    }

    private static String mediaType(VexFormat format) {
        return switch (format) {
            case CYCLONEDX_JSON -> "application/vnd.cyclonedx+json";
            case CYCLONEDX_XML -> "application/vnd.cyclonedx+xml";
            case OPENVEX_JSON, CSAF_VEX_JSON -> "application/json";
        };
    }
}
