package io.iotseal.catalog;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A requirement catalog: one version of one document (a standard, a scheme's criteria, a
 * regulation or a guideline). Constructing one checks it is internally consistent: unique ids,
 * groups and status terms that exist, sources that are declared.
 */
public final class Catalog {
    public static final String FORMAT = "iotseal-catalog/1";

    private final String id;
    private final String version;
    private final int dataVersion;
    private final CatalogKind kind;
    private final LocalizedText name;
    private final LocalizedText shortName;
    private final String publisher;
    private final String published;
    private final List<Source> sources;
    private final List<CatalogTerm> conditions;
    private final List<CatalogTerm> features;
    private final List<RequirementGroup> groups;
    private final List<Requirement> requirements;
    /** Languages in which requirement and group titles are the document's own words, not IoTSeal's. */
    private final List<String> documentTitles;
    private final Map<String, Requirement> requirementsById;
    private final Map<String, RequirementGroup> groupsById;

    @JsonCreator
    public Catalog(
            @JsonProperty("format") String format,
            @JsonProperty("id") String id,
            @JsonProperty("version") String version,
            @JsonProperty("dataVersion") Integer dataVersion,
            @JsonProperty("kind") CatalogKind kind,
            @JsonProperty("name") LocalizedText name,
            @JsonProperty("shortName") LocalizedText shortName,
            @JsonProperty("publisher") String publisher,
            @JsonProperty("published") String published,
            @JsonProperty("sources") List<Source> sources,
            @JsonProperty("conditions") List<CatalogTerm> conditions,
            @JsonProperty("features") List<CatalogTerm> features,
            @JsonProperty("groups") List<RequirementGroup> groups,
            @JsonProperty("requirements") List<Requirement> requirements,
            @JsonProperty("documentTitles") List<String> documentTitles) {
        Checks.format(FORMAT, format);
        this.id = identifier(id, "id");
        this.version = required(version, "version");
        this.dataVersion = required(dataVersion, "dataVersion");
        this.kind = required(kind, "kind");
        this.name = required(name, "name");
        this.shortName = required(shortName, "shortName");
        this.publisher = required(publisher, "publisher");
        this.published = required(published, "published");
        if (!published.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new IllegalArgumentException("published '" + published + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        this.sources = listOrEmpty(sources);
        this.conditions = listOrEmpty(conditions);
        this.features = listOrEmpty(features);
        this.groups = listOrEmpty(groups);
        this.requirements = listOrEmpty(requirements);
        this.documentTitles = listOrEmpty(documentTitles);
        for (String lang : this.documentTitles) {
            if (!lang.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("documentTitles: '" + lang + "' is not a language code such as en or ja");
            }
        }
        if (this.requirements.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one requirement");
        }
        this.groupsById = indexUnique(this.groups, RequirementGroup::id, "groups");
        this.requirementsById = indexUnique(this.requirements, Requirement::id, "requirements");
        checkReferences();
    }

    private void checkReferences() {
        Set<String> sourceIds = uniqueIds(sources, Source::id, "sources");
        Set<String> conditionIds = uniqueIds(conditions, CatalogTerm::id, "conditions");
        Set<String> featureIds = uniqueIds(features, CatalogTerm::id, "features");
        for (RequirementGroup group : groups) {
            if (group.parent() != null && !groupsById.containsKey(group.parent())) {
                throw new IllegalArgumentException("groups[id=" + group.id() + "].parent: group '" + group.parent() + "' is not declared");
            }
            checkSources(group.sources(), sourceIds, "groups[id=" + group.id() + "]");
        }
        for (Requirement r : requirements) {
            String where = "requirements[id=" + r.id() + "]";
            if (r.group() != null && !groupsById.containsKey(r.group())) {
                throw new IllegalArgumentException(where + ".group: group '" + r.group() + "' is not declared under groups");
            }
            if (!groups.isEmpty() && r.group() == null) {
                throw new IllegalArgumentException(where + ".group: missing (this catalog has groups)");
            }
            checkSources(r.sources(), sourceIds, where);
            if (r.status() != null) {
                for (String c : r.status().conditions()) {
                    if (!conditionIds.contains(c)) {
                        throw new IllegalArgumentException(where + ".status: condition '" + c + "' is not declared under conditions");
                    }
                }
                for (String f : r.status().features()) {
                    if (!featureIds.contains(f)) {
                        throw new IllegalArgumentException(where + ".status: feature '" + f + "' is not declared under features");
                    }
                }
            }
        }
    }

    private static void checkSources(List<String> used, Set<String> declared, String where) {
        for (String source : used) {
            if (!declared.contains(source)) {
                throw new IllegalArgumentException(where + ".sources: source '" + source + "' is not declared under sources");
            }
        }
    }

    private static <T> Map<String, T> indexUnique(List<T> items, java.util.function.Function<T, String> key, String field) {
        Map<String, T> index = new LinkedHashMap<>();
        for (T item : items) {
            if (index.put(key.apply(item), item) != null) {
                throw new IllegalArgumentException(field + ": duplicate id '" + key.apply(item) + "'");
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private static <T> Set<String> uniqueIds(List<T> items, java.util.function.Function<T, String> key, String field) {
        return indexUnique(items, key, field).keySet();
    }

    public String id() { return id; }
    public String version() { return version; }
    public int dataVersion() { return dataVersion; }
    public CatalogKind kind() { return kind; }
    public LocalizedText name() { return name; }
    public LocalizedText shortName() { return shortName; }
    public String publisher() { return publisher; }
    public String published() { return published; }
    public List<Source> sources() { return sources; }
    public List<CatalogTerm> conditions() { return conditions; }
    public List<CatalogTerm> features() { return features; }
    public List<RequirementGroup> groups() { return groups; }
    public List<Requirement> requirements() { return requirements; }

    /** Languages whose titles are the document's own (IPA's Japanese criterion names, ISO's control titles). */
    public List<String> documentTitles() { return documentTitles; }

    public Optional<Requirement> requirement(String requirementId) {
        return Optional.ofNullable(requirementsById.get(requirementId));
    }

    public boolean contains(String requirementId) {
        return requirementsById.containsKey(requirementId);
    }

    public Optional<RequirementGroup> group(String groupId) {
        return Optional.ofNullable(groupsById.get(groupId));
    }

    public Optional<CatalogTerm> condition(String conditionId) {
        return conditions.stream().filter(c -> c.id().equals(conditionId)).findFirst();
    }

    public Optional<CatalogTerm> feature(String featureId) {
        return features.stream().filter(f -> f.id().equals(featureId)).findFirst();
    }

    /** Requirements in catalog order that belong to the group or one of its sub-groups. */
    public List<Requirement> requirementsIn(String groupId) {
        Set<String> wanted = new java.util.HashSet<>();
        wanted.add(groupId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RequirementGroup g : groups) {
                if (g.parent() != null && wanted.contains(g.parent()) && wanted.add(g.id())) {
                    grew = true;
                }
            }
        }
        List<Requirement> result = new ArrayList<>();
        for (Requirement r : requirements) {
            if (r.group() != null && wanted.contains(r.group())) {
                result.add(r);
            }
        }
        return result;
    }

    public Set<String> requirementIds() {
        return requirementsById.keySet();
    }

    public Map<String, Long> countByConfidence() {
        return requirements.stream().collect(Collectors.groupingBy(r -> r.confidence().code(), LinkedHashMap::new, Collectors.counting()));
    }

    @Override
    public String toString() {
        return id + " " + version;
    }
}
