package io.iotseal.crosswalk;

import io.iotseal.catalog.Checks;
import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.catalog.Source;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A set of typed mappings from the requirements of one catalog to those of another. */
public record Crosswalk(
        String id,
        int dataVersion,
        LocalizedText title,
        String source,
        String target,
        List<Source> sources,
        List<Mapping> mappings) {

    public static final String FORMAT = "iotseal-crosswalk/1";

    @JsonCreator
    public static Crosswalk fromFile(
            @JsonProperty("format") String format,
            @JsonProperty("id") String id,
            @JsonProperty("dataVersion") Integer dataVersion,
            @JsonProperty("title") LocalizedText title,
            @JsonProperty("source") String source,
            @JsonProperty("target") String target,
            @JsonProperty("sources") List<Source> sources,
            @JsonProperty("mappings") List<Mapping> mappings) {
        Checks.format(FORMAT, format);
        return new Crosswalk(id, required(dataVersion, "dataVersion"), title, source, target, sources, mappings);
    }

    public Crosswalk {
        identifier(id, "id");
        required(title, "title");
        identifier(source, "source");
        identifier(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("source and target are the same catalog '" + source + "'");
        }
        sources = listOrEmpty(sources);
        mappings = listOrEmpty(mappings);
        if (mappings.isEmpty()) {
            throw new IllegalArgumentException("a crosswalk needs at least one mapping");
        }
        Set<String> declared = new HashSet<>();
        for (Source s : sources) {
            if (!declared.add(s.id())) {
                throw new IllegalArgumentException("sources: duplicate id '" + s.id() + "'");
            }
        }
        Set<String> pairs = new HashSet<>();
        for (Mapping m : mappings) {
            String where = "mappings[" + m.source() + " -> " + m.target() + "]";
            if (!pairs.add(m.source() + "\u0000" + m.target())) {
                throw new IllegalArgumentException(where + ": the same pair is mapped twice");
            }
            for (String s : m.sources()) {
                if (!declared.contains(s)) {
                    throw new IllegalArgumentException(where + ".sources: source '" + s + "' is not declared under sources");
                }
            }
        }
    }
}
