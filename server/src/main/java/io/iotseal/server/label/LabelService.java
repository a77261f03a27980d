package io.iotseal.server.label;

import io.iotseal.assessment.Target;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.label.IssuedLabel;
import io.iotseal.label.Label;
import io.iotseal.label.LabelIssuer;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.status.BitstringStatusList;
import io.iotseal.label.status.LabelState;
import io.iotseal.label.status.StatusLists;
import io.iotseal.label.status.StatusPurpose;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Scheme;
import io.iotseal.server.assessment.AssessmentAccepted;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.demo.DemoRecords;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Labels in the registry (issue 5, ADR 0050): issued inside the transaction that accepts an assessment,
 * signed with the registry's active key; suspended, reinstated and revoked by the operator; published
 * through two signed status lists that are re-signed after every change.
 */
@Service
public class LabelService {

    private static final char[] ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    /** A public label id as a path or a scanner may spell it (upper or lower case). */
    private static final java.util.regex.Pattern LABEL_ID_TEXT = java.util.regex.Pattern.compile("[A-Za-z0-9]{12}");
    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final LabelRepository repository;
    private final ProductRepository products;
    private final ProductService productService;
    private final StandardsLibrary library;
    private final RegistryKeys keys;
    private final LabelProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final RegistryUrls urls;
    private final Lifecycles lifecycles;
    private final LapseService lapses;
    private final SecureRandom random = new SecureRandom();
    private final StatusListCache statusLists;
    private final DemoRecords demo;

    /** A signed status list as served: the vc+jwt (and its bytes, ready to write), its ETag and when it was signed. */
    public record SignedList(String jwt, byte[] bytes, String etag, Instant signedAt) {
    }

    LabelService(LabelRepository repository, ProductRepository products, ProductService productService,
                 StandardsLibrary library, RegistryKeys keys, LabelProperties properties, AuditLog audit,
                 Clock clock, Lifecycles lifecycles, LapseService lapses, DemoRecords demo) {
        this.repository = repository;
        this.products = products;
        this.productService = productService;
        this.library = library;
        this.keys = keys;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.urls = RegistryUrls.at(properties.publicUrl());
        this.lifecycles = lifecycles;
        this.lapses = lapses;
        this.demo = demo;
        this.statusLists = new StatusListCache(this::freshness, this::signStatusLists, clock,
                properties.statusCheckInterval(), properties.statusValidity().dividedBy(2),
                properties.statusValidity());
    }

    public RegistryUrls urls() {
        return urls;
    }

    /** Issues the label of an accepted assessment, in the accepting transaction: no acceptance without its label. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onAccepted(AssessmentAccepted event) {
        Target target = Target.parse(event.target());
        if (!target.isLevel() || repository.findByAssessment(event.assessmentId()).isPresent()) {
            return; // a catalog-only assessment earns no label
        }
        LevelRef ref = target.level();
        Scheme scheme = library.scheme(ref.scheme()).orElseThrow(() -> ApiException.unprocessable(
                "label: unknown scheme '" + ref.scheme() + "'"));
        Product product = products.find(event.productId()).orElseThrow();
        int statusIndex = repository.nextStatusIndex();
        String labelId = newLabelId();
        LocalDate issuedOn = LocalDate.ofInstant(event.acceptedAt().toInstant(), ZoneOffset.UTC);
        IssuedLabel issued;
        try {
            if (product.supportEndDate() == null) {
                throw new IllegalArgumentException("the product has no support period end date");
            }
            Map<String, String> names = new LinkedHashMap<>();
            names.put("en", product.nameEn());
            if (product.nameJa() != null && !product.nameJa().isBlank()) {
                names.put("ja", product.nameJa());
            }
            var labelProduct = new io.iotseal.label.Product(product.vendorName(), new LocalizedText(names),
                    product.modelNumbers(), List.of(event.productVersion()), product.supportEndDate());
            Label label = LabelIssuer.issue(scheme, ref.level(), labelId, productNumber(statusIndex), labelProduct,
                    issuedOn, statusIndex);
            // Signed under the key marker's lock, held until this transaction commits (ADR 0051).
            issued = keys.sign(key -> IssuedLabel.sign(label, scheme, urls, key));
        } catch (IllegalArgumentException e) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                    List.of(new FieldError("label", "cannot issue the label: " + e.getMessage())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LabelRow row = LabelRow.issued(issued, event.assessmentId(), product.id(), product.vendorId(), now);
        repository.insert(row);
        audit.record(new Actor(null, event.acceptedBy(), List.of()), "label.issue", "label", row.id(), null,
                audited(row));
    }

    /**
     * The product number in a registration number: from the status index of the registration's first
     * label, so a renewal keeps the number (ADR 0053).
     */
    static String productNumber(int firstStatusIndex) {
        return String.format(Locale.ROOT, "P%07d", firstStatusIndex + 1);
    }

    /** Signs a label with the registry's active key, under the key marker's lock (ADR 0051). */
    IssuedLabel sign(Label label, Scheme scheme) {
        return keys.sign(key -> IssuedLabel.sign(label, scheme, urls, key));
    }

    /** A label the caller may see, named by its UUID or its public label id. */
    @Transactional(readOnly = true)
    public LabelView get(Actor actor, String id) {
        return view(visible(actor, id));
    }

    /** Makes due lapses take effect (ADR 0053): the scheduled job. */
    @Scheduled(fixedDelayString = "${iotseal.labels.lapse-check:PT10M}",
            initialDelayString = "${iotseal.labels.lapse-check:PT10M}")
    public void applyLapses() {
        if (lapses.applyDue() > 0) {
            statusLists.invalidate(); // each lapse committed in its own transaction already
        }
    }

    /**
     * The lazy check before every read of a label, its page or a status list and every request about a
     * label, so they are right between job runs. Callers run it before their own transaction: each lapse
     * takes a connection of its own, and a caller holding one while waiting for another could starve the pool.
     */
    void applyDueLapses() {
        if (lapses.applyDue(repository.freshness().lastChange()) > 0) {
            statusLists.invalidate();
        }
    }

    /**
     * What the status lists depend on, read at most once per check interval (ADR 0052); lapses that fell
     * due are applied first (ADR 0053), so a lapse reaches the lists even when nothing else is read.
     */
    private LabelRepository.Freshness freshness() {
        LabelRepository.Freshness seen = repository.freshness();
        return lapses.applyDue(seen.lastChange()) > 0 ? repository.freshness() : seen;
    }

    @Transactional(readOnly = true)
    public LabelView forAssessment(UUID assessmentId) {
        return repository.findByAssessment(assessmentId).map(this::view).orElse(null);
    }

    /**
     * The current label of an accepted assessment, for a caller who may see it (as its product); else the
     * same 404 as for an assessment without one, which names neither the label nor that it exists.
     */
    @Transactional(readOnly = true)
    public LabelView forAssessment(Actor actor, UUID assessmentId) {
        ApiException notFound = ApiException.notFound("label of assessment " + assessmentId);
        LabelRow row = repository.findByAssessment(assessmentId).orElseThrow(() -> notFound);
        try {
            return view(visible(actor, row.id()));
        } catch (ApiException e) {
            throw e.status() == HttpStatus.NOT_FOUND ? notFound : e;
        }
    }

    /**
     * The public page of the label with this id or QR token, in {@code lang} (ja or en); null when there
     * is none. Anyone holding the QR code already holds these facts, so the page needs no login.
     */
    @Transactional(readOnly = true)
    public String publicPage(String idOrToken, String lang) {
        java.util.Optional<Found> found = findPublic(idOrToken);
        if (found.isEmpty()) {
            return null;
        }
        LabelRow r = found.get().row();
        Product product = products.find(r.productId()).orElse(null);
        String schemeName = library.scheme(r.scheme()).map(s -> s.name().in(lang)).orElse(r.scheme());
        String levelName;
        try {
            levelName = library.requireLevel(new LevelRef(r.scheme(), r.level())).name().in(lang);
        } catch (RuntimeException e) {
            levelName = r.level();
        }
        String productName = "ja".equals(lang) && r.productNameJa() != null ? r.productNameJa() : r.productNameEn();
        return LabelPage.render(new LabelPage.Facts(r.labelId(), r.registrationNumber(), schemeName, levelName,
                r.vendorName(), productName, r.models(), r.versions(), r.issued(), r.expiry(), r.supportEnd(), status(r),
                r.reason(), r.statusSince(), product == null ? null : product.vulnerabilityDisclosureUrl(),
                product == null ? null : product.vulnerabilityContact(), lifecycles.page(r, lang),
                found.get().replacedCode(), isDemo(r)), lang);
    }

    /** The public page's status facts as JSON, for apps and {@code label verify --online}; null when unknown. */
    @Transactional(readOnly = true)
    public PublicLabelStatus publicStatus(String idOrToken) {
        return findPublic(idOrToken).map(Found::row).map(r -> {
            String status = status(r);
            boolean valid = "valid".equals(status);
            return new PublicLabelStatus(r.labelId(), r.registrationNumber(), r.scheme() + ":" + r.level(), status,
                    valid ? null : r.reason(), valid || "expired".equals(status) ? null : r.statusSince(),
                    r.expiry(), r.supportEnd(), isDemo(r));
        }).orElse(null);
    }

    /** A label found for the public page; {@code replacedCode}: by a QR token a re-issue replaced (ADR 0054). */
    private record Found(LabelRow row, boolean replacedCode) {
    }

    /**
     * The label with this id or QR token: anyone holding the QR code already holds its facts. A token is
     * looked up by the label id inside it (ADR 0031), then must be one the registry issued for that label,
     * compared as bytes: scanners that lower-case URLs still reach the genuine page.
     */
    private java.util.Optional<Found> findPublic(String idOrToken) {
        if (idOrToken == null || idOrToken.isEmpty() || idOrToken.length() > QrToken.MAX_TEXT_CHARS) {
            return java.util.Optional.empty();
        }
        if (LABEL_ID_TEXT.matcher(idOrToken).matches()) {
            java.util.Optional<LabelRow> byId = repository.findByLabelId(idOrToken.toUpperCase(Locale.ROOT));
            if (byId.isPresent()) {
                return byId.map(r -> new Found(r, false));
            }
        }
        java.util.Optional<LabelRow> found = QrToken.labelIdOf(idOrToken).flatMap(repository::findByLabelId);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        LabelRow row = found.get();
        if (QrToken.sameToken(idOrToken, QrToken.tokenOf(row.qrText()))) {
            return java.util.Optional.of(new Found(row, false));
        }
        // A code printed before a re-issue: its signature is by a removed key, so the page says to replace it.
        boolean replaced = repository.supersededQrTexts(row.id()).stream()
                .anyMatch(old -> QrToken.sameToken(idOrToken, QrToken.tokenOf(old)));
        return replaced ? java.util.Optional.of(new Found(row, true)) : java.util.Optional.empty();
    }

    /** The artwork (SVG or PNG) of a label the caller may see. */
    @Transactional(readOnly = true)
    public IssuedLabel artwork(Actor actor, String id) {
        return issuedLabel(visible(actor, id));
    }

    @Transactional
    public LabelView changeStatus(Actor actor, String asked, StatusChangeInput input, String ifMatch) {
        LabelRow row = visible(actor, asked);
        UUID id = row.id();
        if (!actor.isOperator()) {
            throw ApiException.forbidden("only the scheme operator suspends, reinstates or revokes labels");
        }
        ETags.requireMatch(ifMatch, row.version());
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        Instant now = clock.instant();
        LabelState before = row.state();
        LabelState after;
        try {
            after = switch (input.action()) {
                case "suspend" -> before.suspend(requireReason(reason, "suspend"), now);
                case "reinstate" -> before.reinstate(reason, now);
                case "revoke" -> before.revoke(requireReason(reason, "revoke"), now);
                default -> throw ApiException.invalid("action", "one of suspend, reinstate, revoke");
            };
        } catch (IllegalStateException e) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("action", e.getMessage())));
        }
        if (!repository.updateStatus(id, row.version(), after, now.atOffset(ZoneOffset.UTC))) {
            throw ETags.preconditionFailed();
        }
        LabelRow updated = repository.find(id).orElseThrow();
        audit.record(actor, "label." + input.action(), "label", id, audited(row), audited(updated));
        statusListsChanged();
        return view(updated);
    }

    /** Re-sign the status lists once the change is committed (and not before, so no reader caches the old state). */
    void statusListsChanged() {
        statusLists.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    statusLists.invalidate();
                }
            });
        }
    }

    /**
     * The signed status list, re-signed after every change (by this instance at once; by another, seen
     * through the label table's last change and the key generation, within the check interval) and when
     * half its validity has passed.
     */
    public SignedList statusList(StatusPurpose purpose) {
        if (lapses.knownDue()) {
            applyDueLapses();   // a lapse this instance knows of fell due since the lists were signed
        }
        return statusLists.get(purpose);
    }

    /** How long a client may cache a list: its ttl less the check interval, so a change reaches it within the ttl. */
    public long statusMaxAgeSeconds() {
        return Math.max(0, properties.statusTtl().minus(properties.statusCheckInterval()).toSeconds());
    }

    /** As above, but never past the list's own validity (served from memory during a database outage, ADR 0068). */
    public long statusMaxAgeSeconds(SignedList list) {
        long left = java.time.Duration.between(clock.instant(), list.signedAt().plus(properties.statusValidity())).toSeconds();
        return Math.max(0, Math.min(statusMaxAgeSeconds(), left));
    }

    public long statusTtlSeconds() {
        return properties.statusTtl().toSeconds();
    }

    public String jwks() {
        return keys.publicKeys().toJwks();
    }

    private Map<StatusPurpose, SignedList> signStatusLists(Instant now) {
        List<LabelRepository.IndexedState> inactive = repository.inactive();
        int size = Math.max(BitstringStatusList.MIN_ENTRIES, (repository.nextStatusIndex() + 7) / 8 * 8);
        StatusLists lists = StatusLists.empty(size);
        for (LabelRepository.IndexedState s : inactive) {
            lists = lists.apply(s.index(), new LabelState(s.kind(), "-", now));
        }
        StatusLists built = lists;
        Map<StatusPurpose, String> signed = keys.sign(key -> built.sign(urls, now, properties.statusValidity(),
                properties.statusTtl(), key));
        Map<StatusPurpose, SignedList> result = new java.util.EnumMap<>(StatusPurpose.class);
        signed.forEach((purpose, jwt) -> result.put(purpose, new SignedList(jwt, jwt.getBytes(StandardCharsets.US_ASCII),
                etag(jwt), now)));
        return result;
    }

    private static String etag(String jwt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(jwt.getBytes(StandardCharsets.US_ASCII));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requireReason(String reason, String action) {
        if (reason == null) {
            throw ApiException.invalid("reason", "required to " + action + " a label (it is shown on the public page)");
        }
        return reason;
    }

    /** The label if the caller may see its product (like products and assessments); otherwise "not found". */
    LabelRow visible(Actor actor, UUID id) {
        return visible(actor, id.toString());
    }

    /**
     * The label a path names by its UUID or by its public label id (the one on the label and its page), if
     * the caller may see it; otherwise "not found", naming only what the caller asked for.
     */
    LabelRow visible(Actor actor, String asked) {
        java.util.Optional<LabelRow> found;
        if (UUID_TEXT.matcher(asked).matches()) {
            found = repository.find(UUID.fromString(asked));
        } else if (LABEL_ID_TEXT.matcher(asked).matches()) {
            found = repository.findByLabelId(asked.toUpperCase(Locale.ROOT));
        } else {
            throw ApiException.invalid("id", "neither a label's UUID nor its 12-character label id");
        }
        LabelRow row = found.orElseThrow(() -> ApiException.notFound("label " + asked));
        try {
            productService.get(actor, row.productId());
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw ApiException.notFound("label " + asked);
            }
            throw e;
        }
        return row;
    }

    IssuedLabel issuedLabel(LabelRow row) {
        return new IssuedLabel(row.label(), library.requireLevel(new LevelRef(row.scheme(), row.level())),
                row.credential(), row.qrText(), row.kid());
    }

    /** valid, suspended, revoked or expired, as of now. */
    String status(LabelRow row) {
        return switch (row.status()) {
            case REVOKED -> "revoked";
            case SUSPENDED -> "suspended";
            case ACTIVE -> clock.instant().isAfter(row.label().validUntil()) ? "expired" : "valid";
        };
    }

    LabelView view(LabelRow r) {
        return new LabelView(r.id(), r.labelId(), r.assessmentId(), r.productId(), r.registrationNumber(), r.scheme(),
                r.level(), r.vendorName(), r.productNameEn(), r.productNameJa(), r.models(), r.versions(), r.issued(),
                r.expiry(), r.supportEnd(), status(r), r.reason(), r.statusSince(), r.credential(), r.qrText(), r.kid(),
                r.version(), lifecycles.view(r), isDemo(r));
    }

    /** Whether the label was built from demo data: of a demo vendor or product (ADR 0071); its renewals too. */
    private boolean isDemo(LabelRow r) {
        return demo.vendorOrProduct(r.vendorId(), r.productId());
    }

    static Map<String, Object> audited(LabelRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labelId", r.labelId());
        m.put("registrationNumber", r.registrationNumber());
        m.put("level", r.scheme() + ":" + r.level());
        m.put("statusIndex", r.statusIndex());
        m.put("status", r.status().name());
        m.put("reason", r.reason());
        m.put("kid", r.kid());
        return m;
    }

    String newLabelId() {
        for (int attempt = 0; attempt < 10; attempt++) {
            char[] id = new char[12];
            for (int i = 0; i < id.length; i++) {
                id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
            }
            String candidate = new String(id);
            if (repository.findByLabelId(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free label id after 10 attempts");
    }
}
