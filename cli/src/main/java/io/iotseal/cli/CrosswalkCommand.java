package io.iotseal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.crosswalk.Mapping;
import io.iotseal.crosswalk.Relationship;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.oscal.OscalJson;
import io.iotseal.oscal.OscalMappingExporter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotseal crosswalk FROM TO}: the typed mappings between two catalogs, read from FROM to TO. */
@Command(name = "crosswalk", description = "Show the mappings between two catalogs, read from FROM to TO.")
final class CrosswalkCommand implements Callable<Integer> {
    @Mixin StandardsOptions standards;
    @Parameters(index = "0", paramLabel = "FROM", description = "Catalog id to read the mappings from.")
    String from;
    @Parameters(index = "1", paramLabel = "TO", description = "Catalog id to read the mappings to.")
    String to;
    @Option(names = "--oscal", description = "Print the crosswalk as an OSCAL 1.2 mapping collection (as stored, source to target).")
    boolean oscal;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        StandardsLibrary library = standards.load();
        library.requireCatalog(from);
        library.requireCatalog(to);
        List<Crosswalk> crosswalks = library.crosswalksBetween(from, to);
        if (crosswalks.isEmpty()) {
            throw new UserInputException("no crosswalk between '" + from + "' and '" + to
                    + "'; 'iotseal coverage' can still infer across several crosswalks");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (oscal) {
            crosswalks.forEach(x -> out.println(OscalJson.write(OscalMappingExporter.export(x, library, Instant.now()))));
            return 0;
        }
        ArrayNode json = Json.array();
        TextTable table = new TextTable(from, "RELATIONSHIP", to, "BASIS", "CONFIDENCE", "NOTE");
        for (Crosswalk x : crosswalks) {
            boolean reversed = !x.source().equals(from);
            for (Mapping m : x.mappings()) {
                String a = reversed ? m.target() : m.source();
                String b = reversed ? m.source() : m.target();
                Relationship r = reversed ? m.relationship().inverse() : m.relationship();
                table.row(a, r.code(), b, m.basis().code(), m.confidence().code(), m.note());
                json.add(Json.object().put("from", a).put("relationship", r.code()).put("to", b)
                        .put("rationale", m.rationale().code()).put("basis", m.basis().code())
                        .put("confidence", m.confidence().code()).put("crosswalk", x.id())
                        .put("reversed", reversed).put("note", m.note()));
            }
        }
        if (standards.json) {
            out.println(Json.write(json));
        } else {
            crosswalks.forEach(x -> out.println(x.title().en() + (x.source().equals(from) ? "" : " (read in reverse)")));
            out.println();
            out.print(table.render(standards.tableWidth()));
        }
        return 0;
    }
}
