package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

/** Campaigns and their results (docs/surveys.md, ADR 0105): the operator's people only. */
@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Device surveys: declared fingerprints, campaigns, observations, label findings")
class SurveyController {

    private final CampaignService campaigns;
    private final IngestService ingest;

    SurveyController(CampaignService campaigns, IngestService ingest) {
        this.campaigns = campaigns;
        this.ingest = ingest;
    }

    @GetMapping
    @Operation(summary = "Registered survey campaigns, newest first, with their counts (operator)")
    public List<Campaign> list(Actor actor) {
        return campaigns.list(actor);
    }

    @GetMapping("/{campaign}")
    @Operation(summary = "One survey campaign with its registered scope and counts (operator)")
    public Campaign get(Actor actor, @PathVariable String campaign) {
        return campaigns.get(actor, campaign);
    }

    @PutMapping(path = "/{campaign}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Register a campaign's signed-off scope (iotseal-survey-scope/1 as JSON); the same scope again"
            + " is 200, another scope under the same id 409 (operator admins)")
    public ResponseEntity<Campaign> register(Actor actor, @PathVariable String campaign,
                                             @RequestBody(required = false) String scope) {
        CampaignService.Registered r = campaigns.register(actor, campaign, scope);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r.campaign());
    }

    @PostMapping(path = "/{campaign}/observations", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Upload observations (application/x-ndjson, at most 5,000 lines and 16 MiB); each address is"
            + " stored once per campaign (operator admins)")
    public IngestService.Result upload(Actor actor, @PathVariable String campaign, HttpServletRequest request)
            throws IOException {
        return ingest.ingest(actor, campaign, request.getContentLengthLong(), request.getInputStream());
    }

    @PostMapping("/{campaign}/rematch")
    @Operation(summary = "Queue a re-match of a campaign's observations against the fingerprints declared now; 202,"
            + " the pass runs in the background (operator admins)")
    public ResponseEntity<CampaignService.RematchQueued> rematch(Actor actor, @PathVariable String campaign) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(campaigns.rematch(actor, campaign));
    }
}
