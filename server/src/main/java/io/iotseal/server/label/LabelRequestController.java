package io.iotseal.server.label;

import io.iotseal.server.label.LifecycleView.RequestView;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.UUID;

/**
 * Renewal and declaration updates of a label (ADR 0053): its vendor (or the operator's admins) asks, the
 * operator decides. The open request shows in the label's {@code lifecycle.openRequest}, with its version.
 */
@RestController
@RequestMapping("/api/v1/labels/{id}/requests")
class LabelRequestController {

    private final RenewalService service;
    private final StatusListService statusLists;
    private final Idempotency idempotency;

    LabelRequestController(RenewalService service, StatusListService statusLists, Idempotency idempotency) {
        this.service = service;
        this.statusLists = statusLists;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Request renewal (inside the window) or record an updated declaration (clears a pending lapse)")
    public ResponseEntity<?> request(Actor actor, @PathVariable UUID id, @Valid @RequestBody LabelRequestInput input,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        statusLists.applyDueLapses(); // a lapsed label is neither renewed nor updated
        return idempotency.create(actor, key, "POST /api/v1/labels/" + id + "/requests", input, Set.of(), () -> {
            RequestView view = service.request(actor, id, input);
            return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(view.version())).body(view);
        });
    }

    @PostMapping("/{requestId}/decision")
    @Operation(summary = "The operator approves or rejects (comment required) a request; needs If-Match")
    public ResponseEntity<RequestView> decide(Actor actor, @PathVariable UUID id, @PathVariable UUID requestId,
                                              @Valid @RequestBody LabelDecisionInput input,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        statusLists.applyDueLapses();
        return ETags.ok(service.decide(actor, id, requestId, input, ifMatch));
    }
}
