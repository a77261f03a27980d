package io.iotseal.library;

import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.crosswalk.Mapping;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Recognition;
import io.iotseal.scheme.Recognitions;
import io.iotseal.scheme.RequirementSet;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.scheme.UnknownPart;
import io.iotseal.scheme.Waiver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything IoTSeal knows about standards, loaded and cross-checked: catalogs, crosswalks between
 * them, schemes with their levels, and recognitions between schemes. Immutable and thread-safe.
 * Construction fails with every dangling reference listed; nothing is half-loaded.
 */
public final class StandardsLibrary {
    private final Map<String, Catalog> catalogs = new LinkedHashMap<>();
    private final Map<String, Crosswalk> crosswalks = new LinkedHashMap<>();
    private final Map<String, Scheme> schemes = new LinkedHashMap<>();
    private final List<Recognition> recognitions = new ArrayList<>();
    private final Map<String, String> fileOf = new LinkedHashMap<>();
    private final MappingGraph graph;

    StandardsLibrary(Map<String, Catalog> catalogFiles, Map<String, Crosswalk> crosswalkFiles,
                     Map<String, Scheme> schemeFiles, Map<String, Recognitions> recognitionFiles) {
        List<String> problems = new ArrayList<>();
        catalogFiles.forEach((file, c) -> register(catalogs, c.id(), c, file, "catalog", problems));
        crosswalkFiles.forEach((file, x) -> register(crosswalks, x.id(), x, file, "crosswalk", problems));
        schemeFiles.forEach((file, s) -> register(schemes, s.id(), s, file, "scheme", problems));
        recognitionFiles.forEach((file, r) -> {
            r.recognitions().forEach(rec -> fileOf.put("recognition:" + rec.id(), file));
            recognitions.addAll(r.recognitions());
        });
        crosswalks.values().forEach(x -> checkCrosswalk(x, problems));
        schemes.values().forEach(s -> checkScheme(s, problems));
        recognitions.forEach(r -> checkRecognition(r, problems));
        if (!problems.isEmpty()) {
            throw new StandardsDataException(problems);
        }
        this.graph = new MappingGraph(crosswalks.values());
    }

    /** Builds a library from objects already in memory (tests, or data assembled by a program). */
    public static StandardsLibrary of(List<Catalog> catalogs, List<Crosswalk> crosswalks, List<Scheme> schemes,
                                      Recognitions recognitions) {
        Map<String, Catalog> c = new LinkedHashMap<>();
        catalogs.forEach(x -> c.put("(memory) catalog " + x.id(), x));
        Map<String, Crosswalk> x = new LinkedHashMap<>();
        crosswalks.forEach(w -> x.put("(memory) crosswalk " + w.id(), w));
        Map<String, Scheme> s = new LinkedHashMap<>();
        schemes.forEach(v -> s.put("(memory) scheme " + v.id(), v));
        return new StandardsLibrary(c, x, s, Map.of("(memory) recognitions", recognitions));
    }

    private <T> void register(Map<String, T> into, String id, T value, String file, String kind, List<String> problems) {
        String key = kind + ":" + id;
        if (into.containsKey(id)) {
            problems.add(file + ": " + kind + " id '" + id + "' is already used by " + fileOf.get(key));
            return;
        }
        into.put(id, value);
        fileOf.put(key, file);
    }

    private void checkCrosswalk(Crosswalk x, List<String> problems) {
        String file = fileOf.get("crosswalk:" + x.id());
        Catalog source = catalogs.get(x.source());
        Catalog target = catalogs.get(x.target());
        if (source == null) problems.add(file + ": source: catalog '" + x.source() + "' is not loaded");
        if (target == null) problems.add(file + ": target: catalog '" + x.target() + "' is not loaded");
        if (source == null || target == null) {
            return;
        }
        for (Mapping m : x.mappings()) {
            String where = file + ": mappings[" + m.source() + " -> " + m.target() + "]";
            checkMappedRequirement(source, m.source(), where + ".source", problems);
            checkMappedRequirement(target, m.target(), where + ".target", problems);
        }
    }

    private static void checkMappedRequirement(Catalog catalog, String id, String where, List<String> problems) {
        Optional<Requirement> requirement = catalog.requirement(id);
        if (requirement.isEmpty()) {
            problems.add(where + ": requirement '" + id + "' does not exist in catalog '" + catalog.id() + "'");
        } else if (!requirement.get().isKnown()) {
            problems.add(where + ": requirement '" + id + "' has no known content (not-retrieved) and cannot be mapped");
        }
    }

    private void checkScheme(Scheme s, List<String> problems) {
        String file = fileOf.get("scheme:" + s.id());
        for (SchemeLevel level : s.levels()) {
            for (RequirementSet set : level.requirements()) {
                String where = file + ": levels[id=" + level.id() + "].requirements[catalog=" + set.catalog() + "]";
                Catalog catalog = catalogs.get(set.catalog());
                if (catalog == null) {
                    problems.add(where + ": catalog '" + set.catalog() + "' is not loaded");
                    continue;
                }
                for (String group : set.groups()) {
                    if (catalog.group(group).isEmpty()) {
                        problems.add(where + ".groups: group '" + group + "' does not exist in catalog '" + catalog.id() + "'");
                    }
                }
                for (String id : set.ids()) {
                    if (!catalog.contains(id)) {
                        problems.add(where + ".ids: requirement '" + id + "' does not exist in catalog '" + catalog.id() + "'");
                    }
                }
            }
        }
    }

    private void checkRecognition(Recognition r, List<String> problems) {
        String where = fileOf.get("recognition:" + r.id()) + ": recognitions[id=" + r.id() + "]";
        for (LevelRef ref : List.of(r.recognizerLevel(), r.recognizedLevel())) {
            Scheme scheme = schemes.get(ref.scheme());
            if (scheme == null) {
                problems.add(where + ": scheme '" + ref.scheme() + "' is not loaded");
            } else if (scheme.level(ref.level()).isEmpty()) {
                problems.add(where + ": scheme '" + ref.scheme() + "' has no level '" + ref.level() + "'");
            }
        }
        // A waiver answers criteria of the recognizer's level: one outside that level could never apply.
        Set<RequirementRef> ofRecognizer = knownRequirementsOrNull(r.recognizerLevel());
        for (Waiver w : r.waives()) {
            Catalog catalog = catalogs.get(w.catalog());
            if (catalog == null) {
                problems.add(where + ".waives: catalog '" + w.catalog() + "' is not loaded");
                continue;
            }
            for (String id : w.ids()) {
                if (!catalog.contains(id)) {
                    problems.add(where + ".waives: requirement '" + id + "' does not exist in catalog '" + w.catalog() + "'");
                } else if (ofRecognizer != null && !ofRecognizer.contains(new RequirementRef(w.catalog(), id))) {
                    problems.add(where + ".waives: requirement '" + w.catalog() + "#" + id
                            + "' is not a requirement of the recognizer level '" + r.recognizer() + "'");
                }
            }
        }
    }

    /** The level's known requirements, or null when the level or its data is broken (reported elsewhere). */
    private Set<RequirementRef> knownRequirementsOrNull(LevelRef ref) {
        try {
            return new LinkedHashSet<>(levelRequirements(ref).requirements());
        } catch (RuntimeException e) {
            return null;
        }
    }

    public List<Catalog> catalogs() {
        return List.copyOf(catalogs.values());
    }

    public Optional<Catalog> catalog(String id) {
        return Optional.ofNullable(catalogs.get(id));
    }

    /** The catalog, or an error that lists the known catalog ids. */
    public Catalog requireCatalog(String id) {
        return catalog(id).orElseThrow(() -> new UnknownReferenceException("catalog", id, catalogs.keySet()));
    }

    public List<Crosswalk> crosswalks() {
        return List.copyOf(crosswalks.values());
    }

    /** Crosswalks that map between the two catalogs, in either direction. */
    public List<Crosswalk> crosswalksBetween(String catalogA, String catalogB) {
        return crosswalks.values().stream()
                .filter(x -> (x.source().equals(catalogA) && x.target().equals(catalogB))
                        || (x.source().equals(catalogB) && x.target().equals(catalogA)))
                .toList();
    }

    public List<Scheme> schemes() {
        return List.copyOf(schemes.values());
    }

    public Optional<Scheme> scheme(String id) {
        return Optional.ofNullable(schemes.get(id));
    }

    /** The level named by {@code ref}, or an error listing what exists. */
    public SchemeLevel requireLevel(LevelRef ref) {
        Scheme scheme = schemes.get(ref.scheme());
        if (scheme == null) {
            throw new UnknownReferenceException("scheme", ref.scheme(), schemes.keySet());
        }
        return scheme.level(ref.level()).orElseThrow(() -> new UnknownReferenceException(
                "level of " + ref.scheme(), ref.level(), scheme.levels().stream().map(SchemeLevel::id).toList()));
    }

    public List<Recognition> recognitions() {
        return Collections.unmodifiableList(recognitions);
    }

    /** Every "scheme:level" reference, for listings and error messages. */
    public List<String> levelRefs() {
        List<String> refs = new ArrayList<>();
        schemes.values().forEach(s -> s.levels().forEach(l -> refs.add(s.id() + ":" + l.id())));
        return refs;
    }

    /**
     * What a level requires: the requirements of its sets and of the levels it includes (no
     * duplicates, lowest level first), and the parts whose content is unknown.
     */
    public LevelRequirements levelRequirements(LevelRef ref) {
        SchemeLevel level = requireLevel(ref);
        Scheme scheme = schemes.get(ref.scheme());
        Set<RequirementRef> known = new LinkedHashSet<>();
        List<UnknownPart> unknown = new ArrayList<>();
        for (SchemeLevel l : scheme.withIncludedLevels(level)) {
            for (RequirementSet set : l.requirements()) {
                Catalog catalog = catalogs.get(set.catalog());
                for (Requirement r : set.resolve(catalog)) {
                    known.add(new RequirementRef(catalog.id(), r.id()));
                }
            }
            if (l.unknownRequirements() != null) {
                unknown.add(l.unknownRequirements());
            }
        }
        return new LevelRequirements(ref, List.copyOf(known), unknown);
    }

    /**
     * The levels among {@code ref} and those it includes whose own criteria are not in the data: no
     * requirement set, only a note that they exist (JC-STAR ★2–★4's product-category criteria). An
     * assessment of such a level would check only what lower levels require and claim the level;
     * a level with an inferred set next to its note (CLS level 1) is not among them.
     */
    public List<MissingCriteria> levelsWithoutCriteria(LevelRef ref) {
        SchemeLevel level = requireLevel(ref);
        Scheme scheme = schemes.get(ref.scheme());
        List<MissingCriteria> missing = new ArrayList<>();
        for (SchemeLevel l : scheme.withIncludedLevels(level)) {
            if (l.requirements().isEmpty() && l.unknownRequirements() != null) {
                missing.add(new MissingCriteria(new LevelRef(ref.scheme(), l.id()), l.unknownRequirements()));
            }
        }
        return missing;
    }

    /** A level whose criteria the data knows to exist but does not hold, with the data's note. */
    public record MissingCriteria(LevelRef level, UnknownPart part) {
        @Override
        public String toString() {
            return level + ": " + part.note().en();
        }
    }

    /** The crosswalk mappings as a graph that can be walked in both directions. */
    public MappingGraph mappingGraph() {
        return graph;
    }

    /** Resolves {@code catalog#id} to the requirement. */
    public Optional<Requirement> requirement(RequirementRef ref) {
        return catalog(ref.catalog()).flatMap(c -> c.requirement(ref.requirement()));
    }

    /** What a scheme level requires. */
    public record LevelRequirements(LevelRef level, List<RequirementRef> requirements, List<UnknownPart> unknownParts) {
    }
}
