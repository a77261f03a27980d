package io.iotseal.cli;

import io.iotseal.catalog.Catalog;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.oscal.OscalCatalogExporter;
import io.iotseal.oscal.OscalJson;
import io.iotseal.oscal.OscalMappingExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iotseal export oscal --out DIR}: every catalog and crosswalk as OSCAL JSON files. */
@Command(name = "export", description = "Export standards data in formats other tools read.",
        subcommands = ExportCommand.Oscal.class)
final class ExportCommand {

    @Command(name = "oscal", description = {
            "Write every catalog as an OSCAL 1.1.3 catalog (<id>.oscal.json) and every crosswalk as an",
            "OSCAL 1.2 mapping collection (<crosswalk-id>.mapping.oscal.json) into DIR."})
    static final class Oscal implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (created if missing).")
        Path out;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            StandardsLibrary library = standards.load();
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UserInputException("--out: " + out + " exists and is not a folder");
            }
            Files.createDirectories(out);
            Instant now = Instant.now();
            PrintWriter console = spec.commandLine().getOut();
            for (Catalog c : library.catalogs()) {
                Path file = out.resolve(OscalMappingExporter.catalogFileName(c.id()));
                Files.writeString(file, OscalJson.write(OscalCatalogExporter.export(c, now)), StandardCharsets.UTF_8);
                console.println("wrote " + file);
            }
            for (Crosswalk x : library.crosswalks()) {
                Path file = out.resolve(x.id() + ".mapping.oscal.json");
                Files.writeString(file, OscalJson.write(OscalMappingExporter.export(x, library, now)), StandardCharsets.UTF_8);
                console.println("wrote " + file);
            }
            return 0;
        }
    }
}
