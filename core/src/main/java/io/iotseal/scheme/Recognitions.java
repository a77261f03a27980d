package io.iotseal.scheme;

import io.iotseal.catalog.Checks;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotseal.catalog.Source;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The recognitions file: every mutual-recognition rule IoTSeal knows, with its sources. */
public record Recognitions(int dataVersion, List<Source> sources, List<Recognition> recognitions) {
    public static final String FORMAT = "iotseal-recognitions/1";

    @JsonCreator
    public static Recognitions fromFile(
            @JsonProperty("format") String format,
            @JsonProperty("dataVersion") Integer dataVersion,
            @JsonProperty("sources") List<Source> sources,
            @JsonProperty("recognitions") List<Recognition> recognitions) {
        Checks.format(FORMAT, format);
        return new Recognitions(required(dataVersion, "dataVersion"), sources, recognitions);
    }

    public Recognitions {
        sources = listOrEmpty(sources);
        recognitions = listOrEmpty(recognitions);
        Set<String> declared = new HashSet<>();
        sources.forEach(s -> declared.add(s.id()));
        Set<String> ids = new HashSet<>();
        for (Recognition r : recognitions) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("recognitions: duplicate id '" + r.id() + "'");
            }
            for (String s : r.sources()) {
                if (!declared.contains(s)) {
                    throw new IllegalArgumentException("recognitions[id=" + r.id() + "].sources: source '" + s
                            + "' is not declared under sources");
                }
            }
        }
    }

    public static Recognitions none() {
        return new Recognitions(0, List.of(), List.of());
    }
}
