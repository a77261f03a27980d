package io.iotseal.server.label;

import io.iotseal.assessment.Target;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.label.IssuedLabel;
import io.iotseal.label.Label;
import io.iotseal.label.LabelIssuer;
import io.iotseal.label.RegistryUrls;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Scheme;
import io.iotseal.server.access.Actor;
import io.iotseal.server.assessment.AssessmentAccepted;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issuing labels (issue 5, ADR 0050): inside the transaction that accepts an assessment, signed with the
 * registry's active key; also the label ids, product numbers and signing a renewal uses.
 */
@Service
class LabelIssuance {

    private static final char[] ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final LabelRepository repository;
    private final ProductRepository products;
    private final StandardsLibrary library;
    private final RegistryKeys keys;
    private final LabelProperties properties;
    private final RegistryUrls urls;
    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;
    private final SecureRandom random = new SecureRandom();

    LabelIssuance(LabelRepository repository, ProductRepository products, StandardsLibrary library, RegistryKeys keys,
                  LabelProperties properties, AuditLog audit, Clock clock, Outbox outbox) {
        this.repository = repository;
        this.products = products;
        this.library = library;
        this.keys = keys;
        this.properties = properties;
        this.urls = properties.urls(); // a bad public URL stops the start, not the first signature
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
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
            issued = sign(label, scheme);
        } catch (IllegalArgumentException e) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                    List.of(new FieldError("label", "cannot issue the label: " + e.getMessage())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LabelRow row = LabelRow.issued(issued, event.assessmentId(), product.id(), product.vendorId(), now);
        repository.insert(row);
        audit.record(new Actor(null, event.acceptedBy(), List.of()), "label.issue", "label", row.id(), null,
                LabelAudit.of(row));
        outbox.label(EventType.LABEL_ISSUED, row.id(), Map.of("cause", "accepted"));
    }

    /**
     * The product number in a registration number: from the status index of the registration's first
     * label, so a renewal keeps the number (ADR 0053).
     */
    static String productNumber(int firstStatusIndex) {
        return String.format(Locale.ROOT, "P%07d", firstStatusIndex + 1);
    }

    /**
     * Signs a label with the registry's active key, under the key marker's lock, held until the caller's
     * transaction commits (ADR 0051).
     */
    IssuedLabel sign(Label label, Scheme scheme) {
        return keys.sign(key -> IssuedLabel.sign(label, scheme, urls, key));
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
