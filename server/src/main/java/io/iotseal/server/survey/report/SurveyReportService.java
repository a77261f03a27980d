package io.iotseal.server.survey.report;

import io.iotseal.server.access.Actor;
import io.iotseal.server.survey.owner.SurveyData;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Campaign reports for the operator (issue 18 item 5, ADR 0106): counts of one pass over the campaign's
 * observations, findings by check and by matched model, and the trend against the campaign registered before it
 * (or one the caller names).
 */
@Service
public class SurveyReportService {

    private static final List<String> HEADLINES = List.of("addressesInScope", "addressesCovered", "optedOut",
            "devicesReached", "devicesWithFail");
    private static final List<String> VERDICTS = List.of("FAIL", "PASS", "INCONCLUSIVE");

    private final SurveyData surveys;

    SurveyReportService(SurveyData surveys) {
        this.surveys = surveys;
    }

    @Transactional(readOnly = true)
    public SurveySummary summary(Actor actor, String campaign, String against) {
        requireOperator(actor);
        SurveyData.Campaign c = surveys.campaign(campaign);
        SurveyData.Campaign earlier;
        if (against == null || against.isBlank()) {
            earlier = surveys.previous(c).orElse(null);
        } else {
            earlier = surveys.find(against.strip()).filter(e -> !e.id().equals(c.id()))
                    .orElseThrow(() -> ApiException.invalid("against", "the id of another survey campaign"));
        }
        Tally now = tally(c);
        Tally before = earlier == null ? null : tally(earlier);
        return new SurveySummary(ref(c), now.headline[0], now.headline[1], now.headline[2], now.headline[3],
                now.headline[4], now.checks(), now.models(), earlier == null ? null : ref(earlier),
                before == null ? List.of() : trend(now, before));
    }

    /** The device's observation as OSCAL assessment results; 404 when the campaign did not observe the address. */
    @Transactional(readOnly = true)
    public String oscal(Actor actor, String campaign, String address) {
        requireOperator(actor);
        SurveyData.Campaign c = surveys.campaign(campaign);
        if (io.iotseal.server.survey.owner.Addresses.parse(address) == null) {
            throw ApiException.invalid("address", "an IPv4 or IPv6 address such as 192.0.2.1 or 2001:db8::1");
        }
        SurveyData.Observation o = surveys.observation(c.id(), address)
                .orElseThrow(() -> ApiException.notFound("device " + address + " in survey campaign " + campaign));
        return io.iotseal.oscal.OscalJson.write(DeviceResults.document(c, o));
    }

    static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("survey reports are the scheme operator's");
        }
    }

    private static SurveySummary.CampaignRef ref(SurveyData.Campaign c) {
        return new SurveySummary.CampaignRef(c.id(), c.title(), c.registeredAt(), c.scopeSha256());
    }

    private static List<SurveySummary.TrendRow> trend(Tally now, Tally before) {
        List<SurveySummary.TrendRow> rows = new ArrayList<>();
        for (int i = 0; i < HEADLINES.size(); i++) {
            rows.add(new SurveySummary.TrendRow(HEADLINES.get(i), null, null, now.headline[i], before.headline[i],
                    now.headline[i] - before.headline[i]));
        }
        TreeSet<String> checks = new TreeSet<>(now.byCheck.keySet());
        checks.addAll(before.byCheck.keySet());
        for (String check : checks) {
            long[] a = now.byCheck.getOrDefault(check, new long[3]);
            long[] b = before.byCheck.getOrDefault(check, new long[3]);
            for (int v = 0; v < VERDICTS.size(); v++) {
                rows.add(new SurveySummary.TrendRow("findings", check, VERDICTS.get(v), a[v], b[v], a[v] - b[v]));
            }
        }
        return rows;
    }

    /** Counts of one campaign, from one pass over its observations. */
    private Tally tally(SurveyData.Campaign c) {
        Tally t = new Tally();
        t.headline[0] = c.addressCount();
        surveys.forEach(c.id(), false, o -> {
            t.headline[1]++;
            if (o.optedOut()) {
                t.headline[2]++;
            }
            if (!o.reached()) {
                return;
            }
            t.headline[3]++;
            long fails = o.findings().stream().filter(f -> "FAIL".equals(f.verdict())).count();
            if (fails > 0) {
                t.headline[4]++;
            }
            for (SurveyData.Finding f : o.findings()) {
                int v = VERDICTS.indexOf(f.verdict());
                if (v >= 0) {
                    t.byCheck.computeIfAbsent(f.check(), k -> new long[3])[v]++;
                }
            }
            String key = o.productId() == null ? "" : o.productId().toString();
            Model m = t.byModel.computeIfAbsent(key, k -> new Model(o.productId(), o.productName()));
            m.devices++;
            m.devicesWithFail += fails > 0 ? 1 : 0;
            m.failFindings += fails;
        });
        return t;
    }

    private static final class Model {
        final UUID productId;
        final String productName;
        long devices;
        long devicesWithFail;
        long failFindings;

        Model(UUID productId, String productName) {
            this.productId = productId;
            this.productName = productName;
        }
    }

    private static final class Tally {
        final long[] headline = new long[HEADLINES.size()];
        final Map<String, long[]> byCheck = new TreeMap<>();
        final Map<String, Model> byModel = new TreeMap<>();

        List<SurveySummary.CheckCounts> checks() {
            return byCheck.entrySet().stream().map(e -> new SurveySummary.CheckCounts(e.getKey(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[2])).toList();
        }

        /** Matched models, the most devices with a FAIL first; the unmatched row last. */
        List<SurveySummary.ModelCounts> models() {
            return byModel.values().stream()
                    .sorted(Comparator.comparing((Model m) -> m.productId == null)
                            .thenComparing(Comparator.comparingLong((Model m) -> m.devicesWithFail).reversed())
                            .thenComparing(m -> Objects.toString(m.productName, "")))
                    .map(m -> new SurveySummary.ModelCounts(m.productId, m.productName, m.devices, m.devicesWithFail,
                            m.failFindings))
                    .toList();
        }
    }
}
