package io.iotseal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Recognition;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code iotseal scheme list}: schemes, their levels, assessment routes, validity and recognitions. */
@Command(name = "scheme", description = "Labelling schemes and their levels.", subcommands = SchemeCommand.ListSchemes.class)
final class SchemeCommand {

    @Command(name = "list", description = "List every scheme level with its route, requirements and validity.")
    static final class ListSchemes implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Mixin LanguageOption language;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            String lang = language.get();
            StandardsLibrary library = standards.load();
            PrintWriter out = spec.commandLine().getOut();
            ArrayNode json = Json.array();
            TextTable table = new TextTable("LEVEL", "ASSESSMENT", "REQUIREMENTS", "MAX VALIDITY", "NAME");
            for (Scheme scheme : library.schemes()) {
                for (SchemeLevel level : scheme.levels()) {
                    String ref = scheme.id() + ":" + level.id();
                    var required = library.levelRequirements(LevelRef.parse(ref));
                    String count = required.requirements().size() + (required.unknownParts().isEmpty() ? "" : " + unknown part");
                    String validity = level.validityIfKnown().map(v -> (v.maximum() != null ? v.maximum().toString()
                            : v.regularTerm() != null ? "regularly " + v.regularTerm() : "unknown")
                            + (Boolean.TRUE.equals(v.capAtSupportPeriodEnd()) ? ", capped at support end" : "")).orElse("unknown");
                    table.row(ref, level.assessment().code(), count, validity,
                            Languages.pick(level.name(), lang) + " - " + Languages.pick(scheme.name(), lang));
                    ObjectNode item = Json.object().put("level", ref).put("assessment", level.assessment().code())
                            .put("requirements", required.requirements().size())
                            .put("unknownParts", required.unknownParts().size()).put("maxValidity", validity);
                    item.set("name", Json.text(level.name()));
                    item.set("scheme", Json.text(scheme.name()));
                    json.add(item);
                }
            }
            if (standards.json) {
                out.println(Json.write(json));
                return 0;
            }
            out.print(table.render(standards.tableWidth()));
            if (!library.recognitions().isEmpty()) {
                out.println();
                TextTable recognitions = new TextTable("RECOGNIZER", "EFFECT", "RECOGNIZED", "EFFECTIVE", "CONFIDENCE");
                for (Recognition r : library.recognitions()) {
                    recognitions.row(r.recognizer(), r.effect().code(), r.recognized(),
                            r.effective() == null ? "-" : r.effective(), r.confidence().code());
                }
                out.print(recognitions.render(standards.tableWidth()));
            }
            return 0;
        }
    }
}
