package io.iotseal.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.Catalog;
import io.iotseal.crosswalk.Basis;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.crosswalk.Mapping;
import io.iotseal.library.StandardsLibrary;
import java.time.Instant;

/**
 * Exports a crosswalk as an OSCAL 1.2 mapping collection (JSON). Source and target catalogs are
 * back-matter resources pointing at their OSCAL catalog exports ({@code <catalog-id>.oscal.json});
 * each mapping becomes a map entry between controls, with its rationale, basis and confidence as
 * IoTSeal properties. In OSCAL 1.2 a map's {@code relationship} is a plain token ("no-relationship"
 * included in its vocabulary), not an object (ADR 0057).
 */
public final class OscalMappingExporter {
    public static final String OSCAL_VERSION = "1.2.0";

    private OscalMappingExporter() {
    }

    /** The file name a catalog export gets, which mapping collections refer to. */
    public static String catalogFileName(String catalogId) {
        return catalogId + ".oscal.json";
    }

    public static ObjectNode export(Crosswalk crosswalk, StandardsLibrary library, Instant lastModified) {
        Catalog source = library.requireCatalog(crosswalk.source());
        Catalog target = library.requireCatalog(crosswalk.target());
        String scope = "crosswalk/" + crosswalk.id();
        ObjectNode body = OscalJson.object();
        body.put("uuid", OscalIds.uuid(scope + "/" + crosswalk.dataVersion()));
        body.set("metadata", OscalJson.metadata(crosswalk.title().en(), "iotseal." + crosswalk.dataVersion(),
                OSCAL_VERSION, lastModified));

        long published = crosswalk.mappings().stream().filter(m -> m.basis() == Basis.PUBLISHED).count();
        ObjectNode provenance = body.putObject("provenance");
        provenance.put("method", "human");
        provenance.put("matching-rationale", "semantic");
        provenance.put("status", "draft");
        provenance.put("mapping-description", published == crosswalk.mappings().size()
                ? "Mappings taken from published documents named in back matter."
                : published + " of " + crosswalk.mappings().size()
                        + " mappings come from published documents; the others are IoTSeal's own analysis, marked per map.");

        String sourceResource = OscalIds.uuid(scope + "/resource/" + source.id());
        String targetResource = OscalIds.uuid(scope + "/resource/" + target.id());
        ObjectNode mapping = OscalJson.object();
        mapping.put("uuid", OscalIds.uuid(scope + "/mapping"));
        mapping.set("source-resource", OscalJson.object().put("type", "catalog").put("href", "#" + sourceResource));
        mapping.set("target-resource", OscalJson.object().put("type", "catalog").put("href", "#" + targetResource));
        ArrayNode maps = mapping.putArray("maps");
        for (Mapping m : crosswalk.mappings()) {
            maps.add(map(scope, m));
        }
        body.putArray("mappings").add(mapping);

        ArrayNode resources = OscalJson.resources(scope, crosswalk.sources());
        resources.insert(0, catalogResource(targetResource, target));
        resources.insert(0, catalogResource(sourceResource, source));
        body.putObject("back-matter").set("resources", resources);

        ObjectNode document = OscalJson.object();
        document.set("mapping-collection", body);
        return document;
    }

    private static ObjectNode map(String scope, Mapping m) {
        ObjectNode map = OscalJson.object();
        map.put("uuid", OscalIds.uuid(scope + "/map/" + m.source() + "/" + m.target()));
        map.put("relationship", m.relationship().code());
        ArrayNode props = map.putArray("props");
        props.add(OscalJson.prop("matching-rationale", m.rationale().code()));
        props.add(OscalJson.prop("basis", m.basis().code()));
        props.add(OscalJson.prop("confidence", m.confidence().code()));
        ArrayNode links = map.putArray("links");
        m.sources().forEach(s -> links.add(OscalJson.object().put("href", "#" + OscalJson.sourceUuid(scope, s))
                .put("rel", "reference")));
        map.putArray("sources").add(OscalJson.object().put("type", "control").put("id-ref", OscalIds.token(m.source())));
        map.putArray("targets").add(OscalJson.object().put("type", "control").put("id-ref", OscalIds.token(m.target())));
        map.put("remarks", m.note());
        return map;
    }

    private static ObjectNode catalogResource(String uuid, Catalog catalog) {
        ObjectNode resource = OscalJson.object();
        resource.put("uuid", uuid);
        resource.put("title", catalog.name().en());
        resource.putArray("props").add(OscalJson.prop("catalog-id", catalog.id()));
        resource.putArray("rlinks").add(OscalJson.object().put("href", catalogFileName(catalog.id()))
                .put("media-type", "application/oscal.catalog+json"));
        return resource;
    }
}
