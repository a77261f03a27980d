package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry's label signing keys, for the operator's admins (ADR 0051). */
@RestController
@RequestMapping("/api/v1/label-keys")
class LabelKeyController {

    private final LabelKeyService service;
    private final LabelReissueService reissues;

    LabelKeyController(LabelKeyService service, LabelReissueService reissues) {
        this.service = service;
        this.reissues = reissues;
    }

    @GetMapping
    @Operation(summary = "The signing keys: kid, created, retired, active, labels signed; ETag for rotation and removal")
    public ResponseEntity<KeyListView> list(Actor actor) {
        KeyListView keys = service.list(actor);
        return ResponseEntity.ok().eTag(ETags.of(keys.version())).body(keys);
    }

    @PostMapping("/rotation")
    @Operation(summary = "Rotate: a new key signs labels and status lists from now on; earlier ones stay published"
            + " as retired, so labels they signed keep verifying. Reason required; needs If-Match")
    public ResponseEntity<KeyListView> rotate(Actor actor, @Valid @RequestBody KeyChangeInput input,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        KeyListView keys = service.rotate(actor, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(keys.version())).body(keys);
    }

    @PostMapping("/{kid}/removal")
    @Operation(summary = "Remove a compromised, retired key for good: every label it signed stops verifying"
            + " (their number is answered) until POST /reissue signs them again. Reason required; needs If-Match")
    public ResponseEntity<KeyRemovalView> remove(Actor actor, @PathVariable String kid,
                                                 @Valid @RequestBody KeyChangeInput input,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        KeyRemovalView removal = service.remove(actor, kid, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(removal.keys().version())).body(removal);
    }

    @PostMapping("/reissue")
    @Operation(summary = "Re-issue every label whose signing key is no longer published (after a removal): same id,"
            + " registration number, status index, dates, facts and status, signed with the active key. Printed codes"
            + " of those labels still fail offline and must be reprinted. Reason required; needs If-Match")
    public ResponseEntity<ReissueView> reissue(Actor actor, @Valid @RequestBody KeyChangeInput input,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ReissueView done = reissues.reissue(actor, input, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(done.version())).body(done);
    }
}
