package io.iotseal.server.label;

import io.iotseal.server.demo.DemoRecords;
import io.iotseal.label.IssuedLabel;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.server.access.Actor;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finding a label for a signed-in caller (by its UUID or its public label id, only if the caller may see
 * its product) and showing it: its view, artwork and status as of now.
 */
@Service
public class LabelLookup {

    /** A public label id as a path or a scanner may spell it (upper or lower case). */
    static final Pattern LABEL_ID_TEXT = Pattern.compile("[A-Za-z0-9]{12}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final LabelRepository repository;
    private final ProductService productService;
    private final StandardsLibrary library;
    private final Clock clock;
    private final Lifecycles lifecycles;
    private final DemoRecords demo;

    LabelLookup(LabelRepository repository, ProductService productService, StandardsLibrary library, Clock clock,
                Lifecycles lifecycles, DemoRecords demo) {
        this.repository = repository;
        this.demo = demo;
        this.productService = productService;
        this.library = library;
        this.clock = clock;
        this.lifecycles = lifecycles;
    }

    /** A label the caller may see, named by its UUID or its public label id. */
    @Transactional(readOnly = true)
    public LabelView get(Actor actor, String id) {
        return view(visible(actor, id));
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

    /** A vendor's labels, the newest first; the caller (the vendor console) has checked the vendor is theirs. */
    @Transactional(readOnly = true)
    List<LabelView> ofVendor(UUID vendor, int limit) {
        return repository.ofVendor(vendor, limit).stream().map(this::view).toList();
    }

    /** The artwork (SVG or PNG) of a label the caller may see. */
    @Transactional(readOnly = true)
    public IssuedLabel artwork(Actor actor, String id) {
        return issuedLabel(visible(actor, id));
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
        Optional<LabelRow> found;
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
    boolean isDemo(LabelRow r) {
        return demo.vendorOrProduct(r.vendorId(), r.productId());
    }
}
