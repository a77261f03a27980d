package io.iotseal.server.survey.report;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign reports over HTTP (issue 18 item 5, ADR 0106), for the scheme operator's people. */
@RestController
@Tag(name = "Survey reports", description = "Summaries, trends and per-device OSCAL results of survey campaigns")
class SurveyReportController {

    private final SurveyReportService service;

    SurveyReportController(SurveyReportService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/surveys/{campaign}/summary")
    @Operation(summary = "A campaign's summary: addresses in scope and covered, opted out, devices reached and failing,"
            + " findings by check and by model, and the trend against the previous campaign (or ?against=ID)")
    public SurveySummary summary(Actor actor, @PathVariable String campaign, @RequestParam(required = false) String against) {
        return service.summary(actor, campaign, against);
    }

    @GetMapping(path = "/api/v1/surveys/{campaign}/devices/{address}/oscal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One surveyed device's observation as OSCAL 1.1.3 assessment results")
    public ResponseEntity<String> oscal(Actor actor, @PathVariable String campaign, @PathVariable String address) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(service.oscal(actor, campaign, address));
    }
}
