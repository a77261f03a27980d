package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * Labels over HTTP (issue 5, ADR 0050). Visible like their products; status changes by the operator only.
 * A label is named by its UUID or by its public label id, the one printed on it.
 */
@RestController
@RequestMapping("/api/v1/labels")
class LabelController {

    private final LabelLookup labels;
    private final StatusChangeService statusChanges;
    private final StatusListService statusLists;

    LabelController(LabelLookup labels, StatusChangeService statusChanges, StatusListService statusLists) {
        this.statusChanges = statusChanges;
        this.statusLists = statusLists;
        this.labels = labels;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A label: its registration number, level, validity, status and signed credential")
    public ResponseEntity<LabelView> get(Actor actor, @PathVariable String id) {
        statusLists.applyDueLapses();
        return ETags.ok(labels.get(actor, id));
    }

    @GetMapping(path = "/{id}/artwork.svg", produces = "image/svg+xml")
    @Operation(summary = "The label artwork as SVG: scheme mark, level, registration number, QR code")
    public ResponseEntity<byte[]> svg(Actor actor, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(labels.artwork(actor, id).svg().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/{id}/artwork.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The label artwork as PNG (4 pixels per SVG unit)")
    public ResponseEntity<byte[]> png(Actor actor, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(labels.artwork(actor, id).png(4));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Suspend (reason required), reinstate, or revoke (final, reason required); needs If-Match")
    public ResponseEntity<LabelView> status(Actor actor, @PathVariable String id, @Valid @RequestBody StatusChangeInput input,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(statusChanges.changeStatus(actor, id, input, ifMatch));
    }
}
