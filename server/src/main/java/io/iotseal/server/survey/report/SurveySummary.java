package io.iotseal.server.survey.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A campaign's summary (issue 18 item 5, ADR 0106), and its trend against an earlier campaign. */
public record SurveySummary(CampaignRef campaign, long addressesInScope, long addressesCovered, long optedOut,
                            long devicesReached, long devicesWithFail, List<CheckCounts> findingsByCheck,
                            List<ModelCounts> findingsByModel, CampaignRef against, List<TrendRow> trend) {

    public record CampaignRef(String id, String title, OffsetDateTime registeredAt, String scopeSha256) {
    }

    /** Findings of one check by verdict (NOT_APPLICABLE is not counted). */
    public record CheckCounts(String check, long fail, long pass, long inconclusive) {
    }

    /** Reached devices of one matched product; productId null is the row of devices no product matched. */
    public record ModelCounts(UUID productId, String productName, long devices, long devicesWithFail, long failFindings) {
    }

    /**
     * One count side by side with the earlier campaign's: a headline measure ({@code check} null) or the findings of
     * one check with one verdict.
     */
    public record TrendRow(String measure, String check, String verdict, long current, long previous, long difference) {
    }
}
