package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Declared fingerprints (issue 18 item 3, ADR 0105): the product's vendor says what its devices show of
 * themselves, so that survey observations can be linked to the product. The vendor's people declare and remove
 * them, as for SBOMs; the operator's people read them (matching happens on the operator's side). Anyone else who
 * cannot see the product gets 404, who can (a lab) 403.
 */
@Service
public class FingerprintService {

    /** A shorter PREFIX would match too many devices of other makers ("HTTP" matches every web server). */
    static final int MIN_PREFIX = 4;
    static final int MAX_VALUE = 500;

    private final FingerprintRepository repository;
    private final ProductService products;
    private final AuditLog audit;
    private final Clock clock;
    private final SurveyRematchQueue rematch;

    FingerprintService(FingerprintRepository repository, ProductService products, AuditLog audit, Clock clock,
                       SurveyRematchQueue rematch) {
        this.repository = repository;
        this.rematch = rematch;
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Fingerprint> list(Actor actor, UUID productId) {
        Product product = products.get(actor, productId);
        if (!actor.isOperator() && !vendor(actor, product)) {
            throw ApiException.forbidden("a product's fingerprints are for its vendor and the operator");
        }
        return repository.ofProduct(product.id());
    }

    @Transactional
    public Fingerprint declare(Actor actor, UUID productId, FingerprintInput input) {
        Product product = writable(actor, productId);
        Fingerprint f = check(input, product.id(), actor.auditName(), OffsetDateTime.now(clock));
        if (repository.exists(product.id(), f.kind(), f.matchType(), f.value(), f.port())) {
            throw SurveyErrors.conflict("value", "this fingerprint is already declared for the product");
        }
        repository.insert(f);
        audit.record(actor, "product.fingerprint.add", "product_fingerprint", f.id(), null, f);
        // Observations stored before the declaration are matched again in the background (ADR 0108).
        rematch.enqueue(SurveyRematch.Scope.ofKind(f.kind()));
        return f;
    }

    @Transactional
    public void remove(Actor actor, UUID productId, UUID fingerprintId) {
        Product product = writable(actor, productId);
        Fingerprint f = repository.find(fingerprintId).filter(x -> x.productId().equals(product.id()))
                .orElseThrow(() -> ApiException.notFound("fingerprint " + fingerprintId));
        repository.delete(f.id());
        audit.record(actor, "product.fingerprint.remove", "product_fingerprint", f.id(), f, null);
        rematch.enqueue(SurveyRematch.Scope.ofKind(f.kind()));
    }

    private Product writable(Actor actor, UUID productId) {
        Product product = products.get(actor, productId);
        if (!vendor(actor, product)) {
            throw ApiException.forbidden("a product's fingerprints are declared by its vendor's people");
        }
        return product;
    }

    private static boolean vendor(Actor actor, Product product) {
        return actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId());
    }

    /** The input as a row, or 422 naming the first field at fault. */
    static Fingerprint check(FingerprintInput input, UUID product, String by, OffsetDateTime at) {
        if (input == null) {
            throw SurveyErrors.unprocessable("kind", "required");
        }
        String kind = upper(input.kind());
        if (kind == null) {
            throw SurveyErrors.unprocessable("kind", "required: one of " + String.join(", ", Fingerprint.KINDS));
        }
        if (!Fingerprint.KINDS.contains(kind)) {
            throw SurveyErrors.unprocessable("kind", "one of " + String.join(", ", Fingerprint.KINDS) + "; not " + input.kind());
        }
        String matchType = upper(input.matchType());
        if (matchType == null || !Fingerprint.MATCH_TYPES.contains(matchType)) {
            throw SurveyErrors.unprocessable("matchType", "EXACT or PREFIX"
                    + (matchType == null ? "" : "; not " + input.matchType()));
        }
        String value = input.value() == null ? null : Fingerprint.normalised(kind, input.value().strip());
        if (value == null || value.isEmpty()) {
            throw SurveyErrors.unprocessable("value", "required");
        }
        if (value.length() > MAX_VALUE) {
            throw SurveyErrors.unprocessable("value", "at most " + MAX_VALUE + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw SurveyErrors.unprocessable("value", "no control characters");
        }
        if ("TLS_CERT_SHA256".equals(kind) && !value.matches("[0-9a-f]{" + ("EXACT".equals(matchType) ? "64" : "4,64") + "}")) {
            throw SurveyErrors.unprocessable("value", "a certificate's SHA-256 in hex (64 digits; colons allowed)");
        }
        if ("PREFIX".equals(matchType) && value.length() < MIN_PREFIX) {
            throw SurveyErrors.unprocessable("value", "a PREFIX of fewer than " + MIN_PREFIX
                    + " characters is too broad: it would match other makers' devices");
        }
        Integer port = input.port();
        if (port != null && (port < 1 || port > 65535)) {
            throw SurveyErrors.unprocessable("port", "between 1 and 65535");
        }
        return new Fingerprint(UUID.randomUUID(), product, kind, matchType, value, port, by, at);
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
