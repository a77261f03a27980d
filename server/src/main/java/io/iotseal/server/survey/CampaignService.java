package io.iotseal.server.survey;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaign registration (ADR 0105): the operator's admins register a campaign's signed-off scope before its
 * results are uploaded. The same scope again changes nothing (a collector may PUT it before every upload); a
 * different scope under the same id is refused, since every stored observation was checked against the first.
 */
@Service
public class CampaignService {

    /** Jackson's defaults, as the probe's, so that numbers hash the same; a key given twice is refused. */
    static final ObjectMapper SCOPE_JSON = JsonMappers.plain().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final CampaignRepository campaigns;
    private final AuditLog audit;
    private final Clock clock;
    private final SurveyRematchQueue rematch;

    CampaignService(CampaignRepository campaigns, AuditLog audit, Clock clock, SurveyRematchQueue rematch) {
        this.campaigns = campaigns;
        this.rematch = rematch;
        this.audit = audit;
        this.clock = clock;
    }

    public record Registered(Campaign campaign, boolean created) {
    }

    @Transactional
    public Registered register(Actor actor, String id, String body) {
        SurveyErrors.requireOperatorAdmin(actor, "survey campaigns");
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : SCOPE_JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SurveyErrors.unprocessable("scope", "not JSON: " + e.getOriginalMessage());
        }
        SurveyScope scope = SurveyScope.of(id, tree);
        var existing = campaigns.find(id);
        if (existing.isPresent()) {
            if (!existing.get().scopeSha256().equals(scope.sha256())) {
                throw SurveyErrors.conflict("scope", "campaign " + id + " is registered with another scope (SHA-256 "
                        + existing.get().scopeSha256() + "; this one is " + scope.sha256() + ")");
            }
            return new Registered(existing.get(), false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            campaigns.insert(scope, actor.auditName(), now);
        } catch (DuplicateKeyException e) {
            throw SurveyErrors.conflict("id", "campaign " + id + " was registered at the same moment; PUT it again");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", scope.title());
        after.put("scopeSha256", scope.sha256());
        after.put("addressCount", scope.blocks().addressCount());
        after.put("signedOffBy", scope.signedOffBy());
        after.put("legalBasis", scope.legalBasis());
        audit.record(actor, "survey.campaign.register", "survey_campaign", id, null, after);
        return new Registered(campaigns.find(id).orElseThrow(), true);
    }

    @Transactional(readOnly = true)
    public List<Campaign> list(Actor actor) {
        SurveyErrors.requireOperator(actor, "survey campaigns");
        return campaigns.all();
    }

    @Transactional(readOnly = true)
    public Campaign get(Actor actor, String id) {
        SurveyErrors.requireOperator(actor, "survey campaigns");
        return campaigns.find(id).orElseThrow(() -> ApiException.notFound("campaign " + id));
    }

    /** The answer of a re-match request: queued, to run in the background (ADR 0108). */
    public record RematchQueued(String campaign, String status) {
    }

    /**
     * Queues a re-match of the campaign's observations against the fingerprints declared now, e.g. after labels were
     * issued for products its devices match; the pass runs as a job, so the request answers at once.
     */
    @Transactional
    public RematchQueued rematch(Actor actor, String id) {
        SurveyErrors.requireOperatorAdmin(actor, "survey re-matching");
        Campaign campaign = campaigns.find(id).orElseThrow(() -> ApiException.notFound("campaign " + id));
        rematch.enqueue(SurveyRematch.Scope.ofCampaign(campaign.id()));
        audit.record(actor, "survey.campaign.rematch", "survey_campaign", campaign.id(), null, Map.of("queued", true));
        return new RematchQueued(campaign.id(), "queued");
    }
}
