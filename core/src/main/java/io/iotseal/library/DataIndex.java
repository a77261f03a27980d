package io.iotseal.library;

import io.iotseal.catalog.Checks;
import static io.iotseal.catalog.Checks.listOrEmpty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code standards/index.yaml}: the data files to load, relative to the index's folder. */
record DataIndex(List<String> catalogs, List<String> crosswalks, List<String> schemes, List<String> recognitions) {
    static final String FORMAT = "iotseal-index/1";

    @JsonCreator
    static DataIndex fromFile(
            @JsonProperty("format") String format,
            @JsonProperty("catalogs") List<String> catalogs,
            @JsonProperty("crosswalks") List<String> crosswalks,
            @JsonProperty("schemes") List<String> schemes,
            @JsonProperty("recognitions") List<String> recognitions) {
        Checks.format(FORMAT, format);
        return new DataIndex(catalogs, crosswalks, schemes, recognitions);
    }

    DataIndex {
        catalogs = listOrEmpty(catalogs);
        crosswalks = listOrEmpty(crosswalks);
        schemes = listOrEmpty(schemes);
        recognitions = listOrEmpty(recognitions);
    }
}
