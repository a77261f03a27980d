package io.iotseal.probe.mapping;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.json.JsonMappers;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned check-to-requirement mapping, read from {@code check-requirements.yaml}. Kept as data
 * rather than code so a reviewer can audit and change the claims without touching the checks.
 */
public final class RequirementMappings {
    private static final String RESOURCE = "/io/iotseal/probe/check-requirements.yaml";

    private final int version;
    private final Map<String, String> catalogVersions;
    private final Map<String, CheckMapping> byCheck;

    private RequirementMappings(int version, Map<String, String> catalogVersions, Map<String, CheckMapping> byCheck) {
        this.version = version;
        this.catalogVersions = Map.copyOf(catalogVersions);
        this.byCheck = byCheck;
    }

    /** The mapping shipped with the probe. */
    public static RequirementMappings loadBuiltIn() {
        try (InputStream in = RequirementMappings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(JsonMappers.strictYaml().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static RequirementMappings parse(JsonNode root) {
        int version = root.path("version").asInt(0);
        if (version <= 0) {
            throw new IllegalArgumentException("check mapping: field 'version' must be a positive integer");
        }
        Map<String, String> catalogs = new LinkedHashMap<>();
        root.path("catalogs").properties().forEach(e -> catalogs.put(e.getKey(), e.getValue().asText()));
        Map<String, CheckMapping> checks = new LinkedHashMap<>();
        for (var entry : root.path("checks").properties()) {
            String checkId = entry.getKey();
            JsonNode node = entry.getValue();
            List<MappedRequirement> reqs = new ArrayList<>();
            for (JsonNode r : node.path("requirements")) {
                String catalog = required(r, "catalog", checkId);
                if (!catalogs.containsKey(catalog)) {
                    throw new IllegalArgumentException("check mapping '" + checkId + "': catalog '" + catalog
                            + "' is not listed under 'catalogs'");
                }
                reqs.add(new MappedRequirement(new RequirementRef(catalog, required(r, "id", checkId)),
                        required(r, "rationale", checkId)));
            }
            List<io.iotseal.probe.finding.TestCaseRef> testCases = new ArrayList<>();
            for (JsonNode t : node.path("ts-103-701")) {
                testCases.add(new io.iotseal.probe.finding.TestCaseRef(required(t, "id", checkId),
                        t.path("verified").asBoolean(false)));
            }
            checks.put(checkId, new CheckMapping(checkId, required(node, "title", checkId), reqs, testCases));
        }
        return new RequirementMappings(version, catalogs, checks);
    }

    private static String required(JsonNode node, String field, String checkId) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("check mapping '" + checkId + "': field '" + field + "' is missing");
        }
        return value;
    }

    /** The mapping of a check; fails loudly for an unknown id, which is a programming error. */
    public CheckMapping forCheck(String checkId) {
        CheckMapping m = byCheck.get(checkId);
        if (m == null) {
            throw new IllegalArgumentException("no requirement mapping for check '" + checkId + "'");
        }
        return m;
    }

    public Collection<CheckMapping> all() {
        return byCheck.values();
    }

    public int version() {
        return version;
    }

    /** Catalog id to the catalog version the mapping was written against. */
    public Map<String, String> catalogVersions() {
        return catalogVersions;
    }
}
