package io.iotseal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.Catalog;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.CatalogCoverage;
import io.iotseal.coverage.CoverageEngine;
import io.iotseal.coverage.CoverageStatus;
import io.iotseal.coverage.Inference;
import io.iotseal.coverage.LevelCoverage;
import io.iotseal.coverage.RecognitionRoute;
import io.iotseal.coverage.RequirementCoverage;
import io.iotseal.coverage.Step;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Recognition;
import io.iotseal.scheme.UnknownPart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iotseal coverage}: from verdicts on one catalog, what is met in other catalogs and scheme
 * levels, with the chain of mappings behind every inference.
 */
@Command(name = "coverage", description = {
        "Infer coverage of other catalogs and scheme levels from results on one catalog.",
        "Without --target, prints a summary for every catalog and scheme level."})
final class CoverageCommand implements Callable<Integer> {
    @Mixin StandardsOptions standards;
    @Option(names = "--results", required = true, paramLabel = "FILE",
            description = "YAML or JSON file with verdicts on one catalog (format iotseal-results/1).")
    Path resultsFile;
    @Option(names = "--target", paramLabel = "ID|SCHEME:LEVEL",
            description = "A catalog id (etsi-en-303-645) or a scheme level (uk-psti:compliance); repeatable.")
    List<String> targets = new ArrayList<>();
    @Option(names = "--known-only", description = "Leave out requirements whose coverage is unknown.")
    boolean knownOnly;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        StandardsLibrary library = standards.load();
        AssessmentResults results = InputFiles.read(resultsFile, "--results", AssessmentResults.class);
        CoverageEngine.Inferences inferences;
        try {
            inferences = new CoverageEngine(library).infer(results);
        } catch (AssessmentResults.UnknownRequirements e) {
            throw new UserInputException("--results: " + InputFiles.unknownValues(resultsFile, "requirement", e.ids(),
                    "does not exist in catalog '" + results.catalog() + "'"), e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--results: " + resultsFile + ": " + e.getMessage(), e);
        }
        for (String target : targets) {
            if (LevelRef.looksLikeOne(target)) {
                library.requireLevel(LevelRef.parse(target));
            } else {
                library.requireCatalog(target);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (targets.isEmpty()) {
            printSummary(library, results, inferences, out);
            return 0;
        }
        ArrayNode json = Json.array();
        for (String target : targets) {
            if (LevelRef.looksLikeOne(target)) {
                LevelCoverage level = inferences.forLevel(LevelRef.parse(target));
                if (standards.json) json.add(levelJson(level)); else printLevel(library, level, out);
            } else {
                CatalogCoverage catalog = inferences.forCatalog(library.requireCatalog(target));
                if (standards.json) json.add(catalogJson(catalog)); else printCatalog(library, catalog, out);
            }
        }
        if (standards.json) {
            out.println(Json.write(Json.object().put("resultsCatalog", results.catalog()).put("product", results.product())
                    .set("targets", json)));
        }
        return 0;
    }

    private void printSummary(StandardsLibrary library, AssessmentResults results, CoverageEngine.Inferences inferences,
                              PrintWriter out) {
        ArrayNode json = Json.array();
        TextTable table = new TextTable("TARGET", "OVERALL", "MET", "PARTIAL", "NOT MET", "N/A", "UNKNOWN");
        for (Catalog c : library.catalogs()) {
            CatalogCoverage coverage = inferences.forCatalog(c);
            Map<CoverageStatus, Integer> n = coverage.counts();
            table.row(c.id(), "-", n.get(CoverageStatus.MET), n.get(CoverageStatus.PARTIALLY_MET),
                    n.get(CoverageStatus.NOT_MET), n.get(CoverageStatus.NOT_APPLICABLE), n.get(CoverageStatus.UNKNOWN));
            json.add(Json.object().put("target", c.id()).set("counts", counts(n)));
        }
        for (String ref : library.levelRefs()) {
            LevelCoverage level = inferences.forLevel(LevelRef.parse(ref));
            Map<CoverageStatus, Integer> n = level.counts();
            String overall = level.status().label() + (level.unknownParts().isEmpty() ? "" : " (part unknown)");
            table.row(ref, overall, n.get(CoverageStatus.MET), n.get(CoverageStatus.PARTIALLY_MET),
                    n.get(CoverageStatus.NOT_MET), n.get(CoverageStatus.NOT_APPLICABLE), n.get(CoverageStatus.UNKNOWN));
            json.add(Json.object().put("target", ref).put("status", level.status().label()).set("counts", counts(n)));
        }
        if (standards.json) {
            out.println(Json.write(Json.object().put("resultsCatalog", results.catalog()).set("summary", json)));
            return;
        }
        out.println("Coverage inferred from " + results.catalog() + " results"
                + (results.product() == null ? "" : " for " + results.product()));
        out.println();
        out.print(table.render(standards.tableWidth()));
        out.println();
        out.println("Details: iotseal coverage --results " + resultsFile + " --target ID|SCHEME:LEVEL");
    }

    private void printCatalog(StandardsLibrary library, CatalogCoverage coverage, PrintWriter out) {
        Catalog catalog = library.requireCatalog(coverage.catalog());
        out.println("== " + catalog.id() + " (" + catalog.shortName().en() + "): " + describeCounts(coverage.counts()));
        printRows(library, coverage.requirements(), out);
    }

    private void printLevel(StandardsLibrary library, LevelCoverage coverage, PrintWriter out) {
        var level = library.requireLevel(coverage.level());
        out.println("== " + coverage.level() + " (" + level.name().en() + ", " + level.assessment().code() + "): "
                + coverage.status().label().toUpperCase() + " | " + describeCounts(coverage.counts()));
        for (UnknownPart part : coverage.unknownParts()) {
            out.println("   Part of this level is unknown: " + part.note().en());
        }
        for (RecognitionRoute route : coverage.recognitions()) {
            Recognition r = route.recognition();
            out.println("   Recognition: holders of " + r.recognized() + " get " + r.effect().code() + " here"
                    + (r.effective() == null ? "" : " from " + r.effective()) + " (" + r.confidence().code()
                    + "); these results for " + r.recognized() + ": " + route.recognizedLevelStatus().label());
        }
        printRows(library, coverage.requirements(), out);
    }

    private void printRows(StandardsLibrary library, List<RequirementCoverage> rows, PrintWriter out) {
        TextTable table = new TextTable("REQUIREMENT", "TITLE", "STATUS", "CONFIDENCE", "HOW");
        for (RequirementCoverage row : rows) {
            if (knownOnly && row.status() == CoverageStatus.UNKNOWN) {
                continue;
            }
            String title = library.requirement(row.target()).map(r -> r.titleIn("en")).orElse("");
            String how = row.decidedBy().map(i -> i.chain().isEmpty() ? "assessed directly" : i.describe())
                    .orElse("no mapping carries a verdict here");
            String confidence = row.decidedBy().map(i -> i.weakestConfidence().code()).orElse("-");
            table.row(row.target().catalog().equals(rows.get(0).target().catalog()) ? row.target().requirement()
                    : row.target().toString(), title, row.status().label(), confidence, how);
            for (Inference conflict : row.conflicting()) {
                table.row("", "", "CONFLICT", conflict.weakestConfidence().code(), conflict.describe());
            }
        }
        out.print(table.render(standards.tableWidth()));
        out.println();
    }

    private static String describeCounts(Map<CoverageStatus, Integer> n) {
        return n.get(CoverageStatus.MET) + " met, " + n.get(CoverageStatus.PARTIALLY_MET) + " partially met, "
                + n.get(CoverageStatus.NOT_MET) + " not met, " + n.get(CoverageStatus.NOT_APPLICABLE) + " not applicable, "
                + n.get(CoverageStatus.UNKNOWN) + " unknown";
    }

    private static ObjectNode counts(Map<CoverageStatus, Integer> n) {
        ObjectNode node = Json.object();
        n.forEach((status, count) -> node.put(code(status), count));
        return node;
    }

    private static String code(CoverageStatus status) {
        return status.code();
    }

    private static ObjectNode catalogJson(CatalogCoverage coverage) {
        ObjectNode node = Json.object().put("target", coverage.catalog());
        node.set("counts", counts(coverage.counts()));
        node.set("requirements", rowsJson(coverage.requirements()));
        return node;
    }

    private static ObjectNode levelJson(LevelCoverage coverage) {
        ObjectNode node = Json.object().put("target", coverage.level().toString()).put("status", code(coverage.status()));
        node.set("counts", counts(coverage.counts()));
        ArrayNode unknown = node.putArray("unknownParts");
        coverage.unknownParts().forEach(p -> unknown.add(Json.text(p.note())));
        ArrayNode routes = node.putArray("recognitions");
        for (RecognitionRoute route : coverage.recognitions()) {
            routes.add(Json.object().put("id", route.recognition().id()).put("recognized", route.recognition().recognized())
                    .put("effect", route.recognition().effect().code())
                    .put("recognizedLevelStatus", code(route.recognizedLevelStatus())));
        }
        node.set("requirements", rowsJson(coverage.requirements()));
        return node;
    }

    private static ArrayNode rowsJson(List<RequirementCoverage> rows) {
        ArrayNode list = Json.array();
        for (RequirementCoverage row : rows) {
            ObjectNode item = Json.object().put("catalog", row.target().catalog())
                    .put("requirement", row.target().requirement()).put("status", code(row.status()));
            row.decidedBy().ifPresent(i -> item.set("inference", inferenceJson(i)));
            ArrayNode conflicts = item.putArray("conflicting");
            row.conflicting().forEach(i -> conflicts.add(inferenceJson(i)));
            list.add(item);
        }
        return list;
    }

    private static ObjectNode inferenceJson(Inference i) {
        ObjectNode node = Json.object().put("origin", i.origin().toString()).put("verdict", i.originVerdict().code())
                .put("status", code(i.status())).put("weakestConfidence", i.weakestConfidence().code());
        ArrayNode chain = node.putArray("chain");
        for (Step s : i.chain()) {
            chain.add(Json.object().put("from", s.from().toString()).put("relationship", s.relationship().code())
                    .put("to", s.to().toString()).put("crosswalk", s.crosswalk()).put("basis", s.basis().code())
                    .put("confidence", s.confidence().code()).put("readInReverse", s.reversed()));
        }
        return node;
    }
}
