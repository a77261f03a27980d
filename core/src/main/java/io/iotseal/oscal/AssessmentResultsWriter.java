package io.iotseal.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The one writer of OSCAL 1.1.3 assessment-results documents, used by the assessment export and the
 * device probe's report: it owns the document's frame (metadata, the plan it imports, one result with
 * its reviewed controls, inventory, observations and findings), the timestamp format and the rule that
 * empty lists are left out (OSCAL forbids empty arrays). Callers fill in what their observations and
 * findings say.
 */
public final class AssessmentResultsWriter {

    public static final String OSCAL_VERSION = OscalCatalogExporter.OSCAL_VERSION;

    private final ObjectNode document = OscalJson.object();
    private final ObjectNode results;
    private final ObjectNode metadata;
    private ObjectNode result;
    private final ArrayNode inventory = OscalJson.array();
    private final ArrayNode observations = OscalJson.array();
    private final ArrayNode findings = OscalJson.array();

    /** A document with the given UUID and metadata, importing the assessment plan at {@code planHref}. */
    public AssessmentResultsWriter(String uuid, String title, String version, Instant lastModified, String planHref,
                                   String planRemarks) {
        results = document.putObject("assessment-results");
        results.put("uuid", uuid);
        metadata = OscalJson.metadata(title, version, OSCAL_VERSION, lastModified);
        results.set("metadata", metadata);
        ObjectNode importAp = results.putObject("import-ap").put("href", planHref);
        if (planRemarks != null) {
            importAp.put("remarks", planRemarks);
        }
    }

    /** Adds an IoTSeal property to the metadata. */
    public AssessmentResultsWriter metadataProp(String name, String value) {
        (metadata.has("props") ? (ArrayNode) metadata.get("props") : metadata.putArray("props")).add(OscalJson.prop(name, value));
        return this;
    }

    /** Starts the document's one result; {@code end} is null while the assessment goes on. */
    public AssessmentResultsWriter result(String uuid, String title, String description, Instant start, Instant end) {
        result = results.putArray("results").addObject();
        result.put("uuid", uuid);
        result.put("title", title);
        result.put("description", description);
        result.put("start", OscalJson.timestamp(start));
        if (end != null) {
            result.put("end", OscalJson.timestamp(end));
        }
        return this;
    }

    /** The reviewed controls: exactly these (by control id), or all of them when the list is null. */
    public AssessmentResultsWriter reviewedControls(String description, List<String> controlIds) {
        ObjectNode selection = result.putObject("reviewed-controls").putArray("control-selections").addObject();
        if (controlIds == null) {
            selection.putObject("include-all");
        } else {
            selection.put("description", description);
            ArrayNode include = selection.putArray("include-controls");
            controlIds.forEach(id -> include.addObject().put("control-id", id));
        }
        return this;
    }

    /** A subject of the assessment (such as a device), for observations to point at. */
    public ObjectNode inventoryItem(String uuid, String description) {
        return inventory.addObject().put("uuid", uuid).put("description", description);
    }

    /** An observation; the caller adds props, methods, subjects and evidence, then {@link #collected}. */
    public ObjectNode observation(String uuid, String title, String description) {
        return observations.addObject().put("uuid", uuid).put("title", title).put("description", description);
    }

    /** Sets when an observation was collected (written last, after what the caller added). */
    public static void collected(ObjectNode observation, Instant when) {
        observation.put("collected", OscalJson.timestamp(when));
    }

    /** A finding; the caller adds its target and related observations. */
    public ObjectNode finding(String uuid, String title, String description) {
        return findings.addObject().put("uuid", uuid).put("title", title).put("description", description);
    }

    /** The document, with the lists that stayed empty left out. */
    public ObjectNode document() {
        if (!inventory.isEmpty()) {
            result.putObject("local-definitions").set("inventory-items", inventory);
        }
        if (!observations.isEmpty()) {
            result.set("observations", observations);
        }
        if (!findings.isEmpty()) {
            result.set("findings", findings);
        }
        return document;
    }
}
