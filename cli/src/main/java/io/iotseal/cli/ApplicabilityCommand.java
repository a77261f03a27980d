package io.iotseal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.iotseal.applicability.Applicability;
import io.iotseal.applicability.ApplicabilityDecision;
import io.iotseal.applicability.ApplicabilityEngine;
import io.iotseal.applicability.ProductProfile;
import io.iotseal.catalog.Catalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iotseal applicability}: which requirements apply to a product, from its declared features. */
@Command(name = "applicability", description = "Decide which requirements of a catalog apply to a product.")
final class ApplicabilityCommand implements Callable<Integer> {
    @Mixin StandardsOptions standards;
    @Option(names = "--catalog", required = true, paramLabel = "ID", description = "Catalog id, e.g. etsi-en-303-645.")
    String catalogId;
    @Option(names = "--features", required = true, paramLabel = "FILE",
            description = "YAML or JSON file with the product's features and conditions (format iotseal-features/1).")
    Path featuresFile;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = standards.load().requireCatalog(catalogId);
        ProductProfile profile = InputFiles.read(featuresFile, "--features", ProductProfile.class);
        List<ApplicabilityDecision> decisions;
        try {
            decisions = ApplicabilityEngine.evaluate(catalog, profile);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--features: " + featuresFile + ": " + e.getMessage(), e);
        }
        Map<Applicability, Integer> counts = new EnumMap<>(Applicability.class);
        decisions.forEach(d -> counts.merge(d.applicability(), 1, Integer::sum));
        PrintWriter out = spec.commandLine().getOut();
        if (standards.json) {
            ArrayNode list = Json.array();
            for (ApplicabilityDecision d : decisions) {
                var item = Json.object().put("requirement", d.requirement().id())
                        .put("applicability", d.applicability().code());
                d.reasons().forEach(item.withArray("reasons")::add);
                list.add(item);
            }
            out.println(Json.write(Json.object().put("catalog", catalog.id()).put("product", profile.product())
                    .set("decisions", list)));
            return 0;
        }
        out.println("Applicability of " + catalog.shortName().en() + " to " + (profile.product() == null ? "the product" : profile.product()));
        out.println(counts.getOrDefault(Applicability.APPLIES, 0) + " apply, "
                + counts.getOrDefault(Applicability.NOT_APPLICABLE, 0) + " not applicable, "
                + counts.getOrDefault(Applicability.UNDETERMINED, 0) + " undetermined (declare the missing features or conditions)");
        out.println();
        TextTable table = new TextTable("ID", "STATUS", "APPLICABILITY", "REASON");
        for (ApplicabilityDecision d : decisions) {
            table.row(d.requirement().id(), d.requirement().status() == null ? "-" : d.requirement().status().notation(),
                    d.applicability().label(), String.join("; ", d.reasons()));
        }
        out.print(table.render(standards.tableWidth()));
        return 0;
    }
}
