package io.iotseal.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.RequirementGroup;
import io.iotseal.catalog.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a catalog as an OSCAL 1.1.3 catalog (JSON). Groups become OSCAL groups, requirements
 * controls; the original id is the control's "label" property, the status and its parts, the
 * confidence and catalog-specific facts are IoTSeal properties, our paraphrase is a "paraphrase"
 * part (never presented as the standard's statement), and sources are back-matter resources.
 */
public final class OscalCatalogExporter {
    public static final String OSCAL_VERSION = "1.1.3";

    private OscalCatalogExporter() {
    }

    public static ObjectNode export(Catalog catalog, Instant lastModified) {
        String scope = "catalog/" + catalog.id() + "/" + catalog.version();
        ObjectNode body = OscalJson.object();
        body.put("uuid", OscalIds.uuid(scope + "/" + catalog.dataVersion()));
        ObjectNode metadata = OscalJson.metadata(catalog.name().en(), catalog.version() + "+iotseal." + catalog.dataVersion(),
                OSCAL_VERSION, lastModified);
        ArrayNode props = metadata.putArray("props");
        props.add(OscalJson.prop("catalog-id", catalog.id()));
        props.add(OscalJson.prop("publisher", catalog.publisher()));
        props.add(OscalJson.prop("published", catalog.published()));
        props.add(OscalJson.prop("kind", catalog.kind().code()));
        catalog.name().exactly("ja").ifPresent(ja -> props.add(OscalJson.prop("title-ja", ja)));
        metadata.put("remarks", "Identifiers, short titles, statuses and IoTSeal's own one-line paraphrases. "
                + "This is not the text of the document; consult the publisher for it.");
        body.set("metadata", metadata);

        Map<String, List<RequirementGroup>> childGroups = new LinkedHashMap<>();
        List<RequirementGroup> topGroups = new ArrayList<>();
        for (RequirementGroup g : catalog.groups()) {
            if (g.parent() == null) {
                topGroups.add(g);
            } else {
                childGroups.computeIfAbsent(g.parent(), k -> new ArrayList<>()).add(g);
            }
        }
        if (!topGroups.isEmpty()) {
            ArrayNode groups = body.putArray("groups");
            topGroups.forEach(g -> groups.add(group(catalog, g, childGroups, scope)));
        }
        List<Requirement> ungrouped = catalog.requirements().stream().filter(r -> r.group() == null).toList();
        if (!ungrouped.isEmpty()) {
            ArrayNode controls = body.putArray("controls");
            ungrouped.forEach(r -> controls.add(control(r, scope)));
        }
        if (!catalog.sources().isEmpty()) {
            body.putObject("back-matter").set("resources", OscalJson.resources(scope, catalog.sources()));
        }
        ObjectNode document = OscalJson.object();
        document.set("catalog", body);
        return document;
    }

    private static ObjectNode group(Catalog catalog, RequirementGroup group, Map<String, List<RequirementGroup>> children,
                                    String scope) {
        ObjectNode node = OscalJson.object();
        node.put("id", "g-" + OscalIds.token(group.id()).replaceFirst("^id-", ""));
        node.put("title", group.title().en());
        ArrayNode props = node.putArray("props");
        props.add(OscalJson.coreProp("label", group.id()));
        group.title().exactly("ja").ifPresent(ja -> props.add(OscalJson.prop("title-ja", ja)));
        List<RequirementGroup> subGroups = children.getOrDefault(group.id(), List.of());
        if (!subGroups.isEmpty()) {
            ArrayNode groups = node.putArray("groups");
            subGroups.forEach(g -> groups.add(group(catalog, g, children, scope)));
        }
        List<Requirement> members = catalog.requirements().stream().filter(r -> group.id().equals(r.group())).toList();
        if (!members.isEmpty()) {
            ArrayNode controls = node.putArray("controls");
            members.forEach(r -> controls.add(control(r, scope)));
        }
        return node;
    }

    private static ObjectNode control(Requirement r, String scope) {
        ObjectNode node = OscalJson.object();
        node.put("id", OscalIds.token(r.id()));
        node.put("title", r.isKnown() ? r.title().en() : "(content not retrieved)");
        ArrayNode props = node.putArray("props");
        props.add(OscalJson.coreProp("label", r.id()));
        props.add(OscalJson.prop("confidence", r.confidence().code()));
        if (r.title() != null) {
            r.title().exactly("ja").ifPresent(ja -> props.add(OscalJson.prop("title-ja", ja)));
        }
        Status status = r.status();
        if (status != null) {
            props.add(OscalJson.prop("status", status.notation()));
            props.add(OscalJson.prop("obligation", status.obligation().name().toLowerCase()));
            status.conditions().forEach(c -> props.add(OscalJson.prop("condition", c)));
            status.features().forEach(f -> props.add(OscalJson.prop("feature", f)));
        }
        r.properties().keySet().stream().sorted()
                .forEach(name -> r.property(name).forEach(value -> props.add(OscalJson.prop(name, value))));
        if (!r.sources().isEmpty()) {
            ArrayNode links = node.putArray("links");
            r.sources().forEach(s -> links.add(OscalJson.object()
                    .put("href", "#" + OscalJson.sourceUuid(scope, s)).put("rel", "reference")));
        }
        ArrayNode parts = OscalJson.array();
        if (r.paraphrase() != null) {
            parts.add(OscalJson.object().put("id", node.get("id").asText() + "_paraphrase").put("name", "paraphrase")
                    .put("ns", OscalIds.NS).put("prose", r.paraphrase().en()));
        }
        if (r.note() != null) {
            parts.add(OscalJson.object().put("id", node.get("id").asText() + "_note").put("name", "note")
                    .put("ns", OscalIds.NS).put("prose", r.note()));
        }
        if (!parts.isEmpty()) {
            node.set("parts", parts);
        }
        return node;
    }
}
