package io.iotseal.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.iotseal.document.InvalidDocumentException;
import io.iotseal.document.SchemaProblem;
import io.iotseal.document.SchemaProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Builds the drafts of the three CRA reports on an actively exploited vulnerability (Art. 14(2)) in IoTSeal's
 * own JSON format {@value #FORMAT} (ADR 0097: ENISA has not published its platform's schema), and checks every
 * draft against {@code cra-report-draft.schema.json} with the networknt validator before handing it out.
 */
public final class CraDrafts {
    public static final String FORMAT = "iotseal-cra-draft/1";
    public static final String SCHEMA_RESOURCE = "/io/iotseal/disclosure/cra-report-draft.schema.json";
    /** Written into every draft, so a copy read on its own still says what it is and is not. */
    public static final String NOTICE = "Draft prepared by IoTSeal for the manufacturer to review and submit through"
            + " ENISA's single reporting platform (Regulation (EU) 2024/2847, Art. 16); IoTSeal does not submit it."
            + " ENISA has not published the platform's format: the field names are IoTSeal's own.";
    static final String UNKNOWN = "unknown";

    private static final JsonSchema SCHEMA = loadSchema();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CraDrafts() {
    }

    /**
     * The draft of {@code stage} from {@code input}, prepared at {@code preparedAt}. What the regulation asks only
     * as available (Member States, the exploit's nature, measures, sensitivity, the malicious actor) becomes
     * {@code "unknown"} when missing; anything else the stage needs and the input lacks refuses the draft.
     *
     * @throws InvalidDocumentException naming each missing or invalid field by its JSON pointer
     */
    public static CraReportDraft build(CraStage stage, CraReportInput input, Instant preparedAt)
            throws InvalidDocumentException {
        ObjectNode d = NODES.objectNode();
        d.put("format", FORMAT);
        d.put("notice", NOTICE);
        d.put("stage", stage.id());
        d.put("legalBasis", stage.legalBasis());
        d.put("preparedAt", preparedAt.toString());
        if (input.manufacturer() != null) {
            ObjectNode m = d.putObject("manufacturer");
            putIfPresent(m, "name", input.manufacturer().name());
            putIfPresent(m, "contact", input.manufacturer().contact());
        }
        ObjectNode product = d.putObject("product");
        putIfPresent(product, "name", input.productName());
        strings(product.putArray("versions"), input.productVersions());
        ObjectNode vulnerability = d.putObject("vulnerability");
        putIfPresent(vulnerability, "id", input.vulnerabilityId());
        putIfPresent(vulnerability, "cve", input.cve());
        d.put("activelyExploited", input.activelyExploited());
        putIfPresent(d, "awareAt", input.awareAt());
        switch (stage) {
            case EARLY_WARNING -> memberStates(d, input);
            case NOTIFICATION -> {
                memberStates(d, input);
                putIfPresent(d, "description", input.description());
                d.put("exploitNature", orUnknown(input.exploitNature()));
                d.put("correctiveMeasuresTaken", orUnknown(input.correctiveMeasuresTaken()));
                d.put("userMeasures", orUnknown(input.userMeasures()));
                d.put("sensitivity", input.sensitivity() == null ? UNKNOWN : input.sensitivity().label());
            }
            case FINAL_REPORT -> {
                putIfPresent(d, "description", input.description());
                severity(d, input.severity());
                putIfPresent(d, "impact", input.impact());
                d.put("maliciousActor", orUnknown(input.maliciousActor()));
                if (input.correctiveMeasure() != null || input.correctiveMeasureAvailableAt() != null) {
                    ObjectNode c = d.putObject("correctiveMeasure");
                    putIfPresent(c, "availableAt", input.correctiveMeasureAvailableAt());
                    if (input.correctiveMeasure() != null) {
                        putIfPresent(c, "details", input.correctiveMeasure().details());
                        strings(c.putArray("fixedVersions"), input.correctiveMeasure().fixedVersions());
                    }
                }
            }
        }
        return new CraReportDraft(stage, checked(d));
    }

    /** The problems {@code draft} has against the schema, in document order; empty when it is valid. */
    public static List<SchemaProblem> problems(JsonNode draft) {
        return SchemaProblems.of(SCHEMA.validate(draft));
    }

    private static JsonNode checked(JsonNode draft) throws InvalidDocumentException {
        List<SchemaProblem> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(SchemaProblems.limit(problems, note -> new SchemaProblem(null, note)));
        }
        return draft;
    }

    private static void memberStates(ObjectNode d, CraReportInput input) {
        if (input.memberStates() == null || input.memberStates().isEmpty()) {
            d.put("memberStates", UNKNOWN);
        } else {
            strings(d.putArray("memberStates"), input.memberStates());
        }
    }

    private static void severity(ObjectNode d, CraReportInput.Severity severity) {
        if (severity == null) {
            return;
        }
        ObjectNode s = d.putObject("severity");
        putIfPresent(s, "rating", severity.rating());
        if (severity.cvssVector() != null || severity.cvssBaseScore() != null) {
            ObjectNode cvss = s.putObject("cvss");
            putIfPresent(cvss, "vector", severity.cvssVector());
            if (severity.cvssBaseScore() != null) {
                cvss.put("baseScore", severity.cvssBaseScore());
            }
        }
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? UNKNOWN : text;
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value instanceof Instant instant) {
            node.put(field, instant.toString());
        } else if (value instanceof String text && !text.isBlank()) {
            node.put(field, text);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = CraDrafts.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
