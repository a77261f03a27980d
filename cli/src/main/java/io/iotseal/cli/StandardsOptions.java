package io.iotseal.cli;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read standards data: where the data comes from, output form. */
final class StandardsOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Load standards data from DIR (a folder with an index.yaml) instead of the built-in data.")
    Path dataDir;

    @Option(names = "--json", description = "Print JSON for machines instead of tables.")
    boolean json;

    @Option(names = "--wide", description = "Print tables on full-width lines instead of wrapping them to the terminal.")
    boolean wide;

    /** How wide tables may be: the terminal's width, or unlimited with {@code --wide}. */
    int tableWidth() {
        return wide ? Integer.MAX_VALUE : Terminal.columns();
    }

    StandardsLibrary load() {
        if (dataDir == null) {
            return StandardsLoader.loadBuiltIn();
        }
        if (!Files.isRegularFile(dataDir.resolve("index.yaml"))) {
            throw new UserInputException("--data: " + dataDir + " has no index.yaml");
        }
        return StandardsLoader.loadFrom(dataDir);
    }
}
