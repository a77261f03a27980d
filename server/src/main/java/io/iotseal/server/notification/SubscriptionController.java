package io.iotseal.server.notification;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Notification subscriptions and the operator's dead letters (ADRs 0081, 0082). */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionService service;

    SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Subscriptions of the caller's organizations (the operator: all)")
    public PageResult<SubscriptionView> list(Actor actor, @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return service.list(actor, new PageRequest(page, size));
    }

    @PostMapping
    @Operation(summary = "Subscribe a webhook (https; the answer shows its signing secret once) or an e-mail address")
    public ResponseEntity<SubscriptionView> create(Actor actor, @Valid @RequestBody SubscriptionInput input) {
        return ETags.created("/api/v1/subscriptions", service.create(actor, input));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription (without its secret)")
    public ResponseEntity<SubscriptionView> get(Actor actor, @PathVariable UUID id) {
        return ETags.ok(service.get(actor, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "End a subscription; its pending deliveries are dropped")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        service.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Rotate a webhook's secret; the old one also signs for the grace period; needs If-Match")
    public ResponseEntity<SubscriptionView> rotate(Actor actor, @PathVariable UUID id,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.rotate(actor, id, ifMatch));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Deliveries that failed every attempt (the operator), newest event first")
    public PageResult<DeliveryRepository.DeadLetter> deadLetters(Actor actor, @RequestParam(defaultValue = "0") int page,
                                                                 @RequestParam(defaultValue = "20") int size) {
        return service.deadLetters(actor, new PageRequest(page, size));
    }

    @PostMapping("/dead-letters/{deliveryId}/redelivery")
    @Operation(summary = "Queue a dead-lettered delivery again, its attempts counted afresh (the operator's admins)")
    public Map<String, Object> redeliver(Actor actor, @PathVariable UUID deliveryId) {
        return service.redeliver(actor, deliveryId);
    }
}
