package io.iotseal.server.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.server.event.EventType;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The body of a webhook: a CloudEvents 1.0 event in structured JSON mode (content type
 * {@code application/cloudevents+json}; ADR 0082). {@code id} is the event's stable id (also the
 * {@code webhook-id}), {@code source} the registry's public URL, {@code subject} the label's public id or
 * the assessment's id.
 */
final class CloudEvents {

    static final String CONTENT_TYPE = "application/cloudevents+json";

    private CloudEvents() {
    }

    static String body(ObjectMapper mapper, EventRow e, String source) {
        ObjectNode n = mapper.createObjectNode();
        n.put("specversion", "1.0");
        n.put("id", e.id().toString());
        n.put("source", source);
        n.put("type", EventType.ofCode(e.type()).map(EventType::cloudEventType).orElse("io.iotseal." + e.type()));
        n.put("subject", e.subject());
        n.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)));
        n.put("datacontenttype", "application/json");
        try {
            n.set("data", mapper.readTree(e.data()));
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored event data unreadable: " + e.id(), ex);
        }
    }
}
