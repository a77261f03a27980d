package io.iotseal.probe.survey.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a coordinator recorded about a campaign besides its scope: how many items it cuts, how many it has
 * published (a restarted coordinator goes on from there; the stream's deduplication absorbs the overlap)
 * the rate its permit service paces, and the ack wait the workers size their heartbeats by.
 */
record CampaignMeta(String scopeSha256, long items, long itemsPublished, long addresses, double rate, Duration ackWait) {
    private static final ObjectMapper JSON = new ObjectMapper();

    CampaignMeta withPublished(long published) {
        return new CampaignMeta(scopeSha256, items, published, addresses, rate, ackWait);
    }

    byte[] toJson() {
        return JSON.createObjectNode().put("scopeSha256", scopeSha256).put("items", items)
                .put("itemsPublished", itemsPublished).put("addresses", addresses).put("rate", rate)
                .put("ackWaitMillis", ackWait.toMillis()).toString().getBytes(StandardCharsets.UTF_8);
    }

    static CampaignMeta fromJson(byte[] json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new CampaignMeta(n.get("scopeSha256").asText(), n.get("items").asLong(), n.get("itemsPublished").asLong(),
                    n.get("addresses").asLong(), n.get("rate").asDouble(), Duration.ofMillis(n.get("ackWaitMillis").asLong()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("campaign meta data unreadable: " + e.getMessage(), e);
        }
    }
}
