package io.iotseal.probe.survey.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * One work item: a block of addresses of one campaign. It names the scope it was cut from by SHA-256, so a
 * worker refuses an item that does not belong to the scope signed off for the campaign.
 *
 * @param campaign    campaign id
 * @param sequence    1, 2, ... in the order the coordinator cut the scope
 * @param range       the block as text ({@code first-last} or CIDR)
 * @param scopeSha256 the SHA-256 of the scope the item was cut from
 */
public record WorkItem(String campaign, long sequence, String range, String scopeSha256) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("campaign", campaign).put("sequence", sequence).put("range", range).put("scopeSha256", scopeSha256);
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException for anything but a well-formed item (a forged message is refused) */
    public static WorkItem fromJson(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("campaign").isTextual() || !node.path("sequence").canConvertToLong()
                    || !node.path("range").isTextual() || !node.path("scopeSha256").isTextual()) {
                throw new IllegalArgumentException("not a work item");
            }
            return new WorkItem(node.get("campaign").asText(), node.get("sequence").asLong(), node.get("range").asText(),
                    node.get("scopeSha256").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a work item: " + e.getMessage(), e);
        }
    }
}
