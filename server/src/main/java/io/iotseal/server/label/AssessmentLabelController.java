package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** From an accepted assessment to its label: how a vendor or the operator finds the label they caused. */
@RestController
class AssessmentLabelController {

    private final LabelLookup labels;
    private final StatusListService statusLists;

    AssessmentLabelController(LabelLookup labels, StatusListService statusLists) {
        this.statusLists = statusLists;
        this.labels = labels;
    }

    @GetMapping("/api/v1/assessments/{id}/label")
    @Operation(summary = "The current label of an accepted assessment (after a renewal, the renewed one); visible like the product")
    public ResponseEntity<LabelView> label(Actor actor, @PathVariable UUID id) {
        statusLists.applyDueLapses();
        return ETags.ok(labels.forAssessment(actor, id));
    }
}
