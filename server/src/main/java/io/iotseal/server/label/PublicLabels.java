package io.iotseal.server.label;

import io.iotseal.label.qr.QrToken;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;

/**
 * The public side of a label, by its id or the token in its QR code: its page and its status as JSON.
 * Anyone holding the QR code already holds these facts, so neither needs a login.
 */
@Service
class PublicLabels {

    private final LabelRepository repository;
    private final ProductRepository products;
    private final StandardsLibrary library;
    private final Lifecycles lifecycles;
    private final LabelLookup lookup;
    private final SecurityInformation security;
    private final LabelNotices notices;

    PublicLabels(LabelRepository repository, ProductRepository products, StandardsLibrary library,
                 Lifecycles lifecycles, LabelLookup lookup, SecurityInformation security, LabelNotices notices) {
        this.security = security;
        this.notices = notices;
        this.repository = repository;
        this.products = products;
        this.library = library;
        this.lifecycles = lifecycles;
        this.lookup = lookup;
    }

    /** What the public page of the label with this id or QR token shows, in {@code lang}; null when there is none. */
    @Transactional(readOnly = true)
    public LabelPage.Facts publicPage(String idOrToken, String lang) {
        Optional<Found> found = findPublic(idOrToken);
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
        return new LabelPage.Facts(r.labelId(), r.registrationNumber(), schemeName, levelName,
                r.vendorName(), productName, r.models(), r.versions(), r.issued(), r.expiry(), r.supportEnd(),
                lookup.status(r), r.reason(), r.statusSince(),
                product == null ? null : product.vulnerabilityDisclosureUrl(),
                product == null ? null : product.vulnerabilityContact(), lifecycles.page(r, lang),
                found.get().replacedCode(), lookup.isDemo(r), security.ofLabel(r.productId(), r.versions()),
                notices.ofProduct(r.productId()),
                product == null ? null : product.vulnerabilityOpenPgpFingerprint(),
                product == null || product.vulnerabilityOpenPgpFingerprint() == null ? null
                        : "/products/" + product.id() + "/openpgp-key.asc");
    }

    /** The public page's status facts as JSON, for apps and {@code label verify --online}; null when unknown. */
    @Transactional(readOnly = true)
    public PublicLabelStatus publicStatus(String idOrToken) {
        return findPublic(idOrToken).map(Found::row).map(r -> {
            String status = lookup.status(r);
            boolean valid = "valid".equals(status);
            return new PublicLabelStatus(r.labelId(), r.registrationNumber(), r.scheme() + ":" + r.level(), status,
                    valid ? null : r.reason(), valid || "expired".equals(status) ? null : r.statusSince(),
                    r.expiry(), r.supportEnd(), lookup.isDemo(r), security.ofLabel(r.productId(), r.versions()),
                    notices.ofProduct(r.productId()));
        }).orElse(null);
    }

    /** A label found for the public page; {@code replacedCode}: by a QR token a re-issue replaced (ADR 0054). */
    private record Found(LabelRow row, boolean replacedCode) {
    }

    /**
     * The label with this id or QR token. A token is looked up by the label id inside it (ADR 0031), then
     * must be one the registry issued for that label, compared as bytes: scanners that lower-case URLs
     * still reach the genuine page.
     */
    private Optional<Found> findPublic(String idOrToken) {
        if (idOrToken == null || idOrToken.isEmpty() || idOrToken.length() > QrToken.MAX_TEXT_CHARS) {
            return Optional.empty();
        }
        if (LabelLookup.LABEL_ID_TEXT.matcher(idOrToken).matches()) {
            Optional<LabelRow> byId = repository.findByLabelId(idOrToken.toUpperCase(Locale.ROOT));
            if (byId.isPresent()) {
                return byId.map(r -> new Found(r, false));
            }
        }
        Optional<LabelRow> found = QrToken.labelIdOf(idOrToken).flatMap(repository::findByLabelId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LabelRow row = found.get();
        if (QrToken.sameToken(idOrToken, QrToken.tokenOf(row.qrText()))) {
            return Optional.of(new Found(row, false));
        }
        // A code printed before a re-issue: its signature is by a removed key, so the page says to replace it.
        boolean replaced = repository.supersededQrTexts(row.id()).stream()
                .anyMatch(old -> QrToken.sameToken(idOrToken, QrToken.tokenOf(old)));
        return replaced ? Optional.of(new Found(row, true)) : Optional.empty();
    }
}
