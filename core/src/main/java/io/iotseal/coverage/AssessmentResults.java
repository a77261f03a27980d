package io.iotseal.coverage;

import io.iotseal.catalog.Checks;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotseal.catalog.Catalog;
import io.iotseal.library.StandardsLibrary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Verdicts on the requirements of one catalog for one product: the input of coverage inference. */
public final class AssessmentResults {
    public static final String FORMAT = "iotseal-results/1";

    private final String product;
    private final String catalog;
    private final Map<String, RequirementResult> byRequirement;

    public AssessmentResults(String product, String catalog, List<RequirementResult> results) {
        this.product = product;
        this.catalog = required(catalog, "catalog");
        Map<String, RequirementResult> index = new LinkedHashMap<>();
        for (RequirementResult r : listOrEmpty(results)) {
            if (index.put(r.requirement(), r) != null) {
                throw new IllegalArgumentException("results: requirement '" + r.requirement() + "' has two verdicts");
            }
        }
        this.byRequirement = Collections.unmodifiableMap(index);
    }

    @JsonCreator
    public static AssessmentResults fromFile(
            @JsonProperty("format") String format,
            @JsonProperty("product") String product,
            @JsonProperty("catalog") String catalog,
            @JsonProperty("results") List<RequirementResult> results) {
        Checks.format(FORMAT, format);
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("missing required field 'results' (at least one verdict)");
        }
        return new AssessmentResults(product, catalog, results);
    }

    /**
     * Checks the results against the library: the catalog exists and every requirement named exists
     * in it and has known content. All unknown requirement ids are reported at once.
     */
    public void checkAgainst(StandardsLibrary library) {
        Catalog c = library.requireCatalog(catalog);
        List<String> unknown = new ArrayList<>();
        for (String id : byRequirement.keySet()) {
            if (!c.contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownRequirements(catalog, unknown);
        }
    }

    /** Results name requirements their catalog does not have; {@link #ids()} lets callers point at each. */
    public static final class UnknownRequirements extends IllegalArgumentException {
        private final transient List<String> ids;

        UnknownRequirements(String catalog, List<String> ids) {
            super("results: requirement(s) " + String.join(", ", ids) + " do not exist in catalog '" + catalog + "'");
            this.ids = List.copyOf(ids);
        }

        public List<String> ids() {
            return ids;
        }
    }

    public String product() {
        return product;
    }

    public String catalog() {
        return catalog;
    }

    public List<RequirementResult> results() {
        return List.copyOf(byRequirement.values());
    }

    public Optional<RequirementResult> result(String requirementId) {
        return Optional.ofNullable(byRequirement.get(requirementId));
    }
}
