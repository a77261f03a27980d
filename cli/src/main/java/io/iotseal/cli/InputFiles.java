package io.iotseal.cli;

import io.iotseal.library.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the user's YAML or JSON input files, with errors that name the file, line and field. */
final class InputFiles {
    /** Input files are small documents; anything larger is a mistake (or an attack). */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private InputFiles() {
    }

    static <T> T read(Path file, String option, Class<T> type) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UserInputException(option + ": " + file + " is " + size + " bytes; the limit is " + MAX_BYTES);
            }
            return YamlFiles.read(Files.newInputStream(file), file.toString(), type);
        } catch (NoSuchFileException e) {
            throw new UserInputException(option + ": file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException(option + ": cannot read " + file + ": " + e.getMessage(), e);
        } catch (YamlFiles.DataFileException e) {
            throw new UserInputException(option + ": " + e.getMessage(), e);
        }
    }
}
