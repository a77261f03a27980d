package io.iotseal.server.notice;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Vendor notices over HTTP (issue 17 item 5, ADR 0100): a label's vendor sends them under the label; the operator
 * reads its queue, acknowledges or asks, and the vendor answers. Changes of a notice need its ETag in If-Match.
 */
@RestController
class NoticeController {

    private final NoticeService service;

    NoticeController(NoticeService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/labels/{id}/notices")
    @Operation(summary = "The label's vendor sends a notice: firmware-update, company-or-product, vulnerability or support-period")
    public ResponseEntity<NoticeView> submit(Actor actor, @PathVariable String id, @Valid @RequestBody NoticeInput input) {
        return ETags.created("/api/v1/notices", service.submit(actor, id, input));
    }

    @GetMapping("/api/v1/labels/{id}/notices")
    @Operation(summary = "A label's notices, newest first (its vendor and the operator)")
    public List<NoticeView> ofLabel(Actor actor, @PathVariable String id) {
        return service.ofLabel(actor, id);
    }

    @GetMapping("/api/v1/notices")
    @Operation(summary = "The operator's queue of notices, oldest first (state: submitted by default, clarification-requested, acknowledged)")
    public List<NoticeView> queue(Actor actor, @RequestParam(required = false) String state) {
        return service.queue(actor, state == null || state.isBlank() ? null : state(state));
    }

    @GetMapping("/api/v1/notices/{noticeId}")
    @Operation(summary = "One notice with its clarification thread")
    public ResponseEntity<NoticeView> get(Actor actor, @PathVariable UUID noticeId) {
        return ETags.ok(service.get(actor, noticeId));
    }

    @PostMapping("/api/v1/notices/{noticeId}/acknowledgement")
    @Operation(summary = "The operator acknowledges a notice and its public consequences apply; needs If-Match")
    public ResponseEntity<NoticeView> acknowledge(Actor actor, @PathVariable UUID noticeId,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.acknowledge(actor, noticeId, ifMatch));
    }

    @PostMapping("/api/v1/notices/{noticeId}/clarification")
    @Operation(summary = "The operator asks the vendor to clarify a notice (message); needs If-Match")
    public ResponseEntity<NoticeView> clarify(Actor actor, @PathVariable UUID noticeId, @Valid @RequestBody MessageInput input,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.clarify(actor, noticeId, input, ifMatch));
    }

    @PostMapping("/api/v1/notices/{noticeId}/answer")
    @Operation(summary = "The vendor answers the operator's question about a notice (message); needs If-Match")
    public ResponseEntity<NoticeView> answer(Actor actor, @PathVariable UUID noticeId, @Valid @RequestBody MessageInput input,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.answer(actor, noticeId, input, ifMatch));
    }

    /** submitted, clarification-requested or acknowledged; anything else is 400 naming {@code state}. */
    static NoticeState state(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(NoticeState.values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.invalid("state", "one of submitted, clarification-requested, acknowledged"));
    }
}
