package io.iotseal.scheme;

import io.iotseal.catalog.Checks;
import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.catalog.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A labelling scheme (or a legal regime treated like one) and its levels. */
public record Scheme(
        String id,
        int dataVersion,
        LocalizedText name,
        LocalizedText operator,
        String country,
        String status,
        LocalizedText note,
        List<Source> sources,
        RegistrationNumber registrationNumber,
        List<SchemeLevel> levels,
        LabelModality labelModality,
        ProductScope productScope) {

    public static final String FORMAT = "iotseal-scheme/1";

    @JsonCreator
    public static Scheme fromFile(
            @JsonProperty("format") String format,
            @JsonProperty("id") String id,
            @JsonProperty("dataVersion") Integer dataVersion,
            @JsonProperty("name") LocalizedText name,
            @JsonProperty("operator") LocalizedText operator,
            @JsonProperty("country") String country,
            @JsonProperty("status") String status,
            @JsonProperty("note") LocalizedText note,
            @JsonProperty("sources") List<Source> sources,
            @JsonProperty("registrationNumber") RegistrationNumber registrationNumber,
            @JsonProperty("levels") List<SchemeLevel> levels,
            @JsonProperty("labelModality") LabelModality labelModality,
            @JsonProperty("productScope") ProductScope productScope) {
        Checks.format(FORMAT, format);
        return new Scheme(id, required(dataVersion, "dataVersion"), name, operator, country, status, note, sources,
                registrationNumber, levels, labelModality, productScope);
    }

    public Scheme {
        identifier(id, "id");
        required(name, "name");
        required(operator, "operator");
        required(country, "country");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country '" + country + "' is not a two-letter ISO 3166 code");
        }
        status = status == null ? "active" : status;
        if (!List.of("active", "paused", "closed").contains(status)) {
            throw new IllegalArgumentException("status must be active, paused or closed, found '" + status + "'");
        }
        sources = listOrEmpty(sources);
        levels = listOrEmpty(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a scheme needs at least one level");
        }
        checkLevels(levels, sources);
        List<String> refs = new ArrayList<>();
        if (labelModality != null) refs.addAll(labelModality.sources());
        if (productScope != null) refs.addAll(productScope.sources());
        for (String ref : refs) {
            if (sources.stream().noneMatch(s -> s.id().equals(ref))) {
                throw new IllegalArgumentException("labelModality/productScope: source '" + ref
                        + "' is not declared under sources");
            }
        }
    }

    /** The scheme's product scope, when the data records it. */
    public Optional<ProductScope> productScopeIfKnown() {
        return Optional.ofNullable(productScope);
    }

    private static void checkLevels(List<SchemeLevel> levels, List<Source> sources) {
        Set<String> sourceIds = new HashSet<>();
        sources.forEach(s -> sourceIds.add(s.id()));
        Map<String, SchemeLevel> byId = new HashMap<>();
        for (SchemeLevel level : levels) {
            if (byId.put(level.id(), level) != null) {
                throw new IllegalArgumentException("levels: duplicate id '" + level.id() + "'");
            }
        }
        for (SchemeLevel level : levels) {
            String where = "levels[id=" + level.id() + "]";
            for (String included : level.includes()) {
                SchemeLevel lower = byId.get(included);
                if (lower == null) {
                    throw new IllegalArgumentException(where + ".includes: level '" + included + "' is not declared");
                }
                if (lower.rank() >= level.rank()) {
                    throw new IllegalArgumentException(where + ".includes: level '" + included
                            + "' must have a lower rank than " + level.rank());
                }
            }
            List<String> refs = new ArrayList<>(level.sources());
            level.requirements().forEach(set -> refs.addAll(set.sources()));
            if (level.unknownRequirements() != null) refs.addAll(level.unknownRequirements().sources());
            if (level.validity() != null) refs.addAll(level.validity().sources());
            if (level.renewal() != null) refs.addAll(level.renewal().sources());
            if (level.labReview() != null) refs.addAll(level.labReview().sources());
            for (String ref : refs) {
                if (!sourceIds.contains(ref)) {
                    throw new IllegalArgumentException(where + ": source '" + ref + "' is not declared under sources");
                }
            }
        }
    }

    public Optional<SchemeLevel> level(String levelId) {
        return levels.stream().filter(l -> l.id().equals(levelId)).findFirst();
    }

    /** The level and every level it includes, directly or through others, lowest rank first. */
    public List<SchemeLevel> withIncludedLevels(SchemeLevel level) {
        List<SchemeLevel> result = new ArrayList<>();
        collect(level, result);
        result.sort(java.util.Comparator.comparingInt(SchemeLevel::rank));
        return result;
    }

    private void collect(SchemeLevel level, List<SchemeLevel> into) {
        if (into.contains(level)) {
            return;
        }
        into.add(level);
        for (String included : level.includes()) {
            level(included).ifPresent(l -> collect(l, into));
        }
    }
}
