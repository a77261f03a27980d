package io.iotseal.server.disclosure;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** How a case's report was routed (ADR 0102), for whoever may read the case. */
@RestController
@Tag(name = "Cases")
class CaseRoutingController {

    private final ReportRouting routing;

    CaseRoutingController(ReportRouting routing) {
        this.routing = routing;
    }

    @GetMapping("/api/v1/cases/{id}/routing")
    @Operation(summary = "How the case's report was routed: whether the operator was copied and on which basis, and"
            + " the e-mail to the product's vulnerability contact (sent, encrypted to which key, or why not)")
    ResponseEntity<CaseRouting> routing(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(routing.of(actor, id).orElseThrow(() -> ApiException.notFound("routing of case " + id)));
    }
}
