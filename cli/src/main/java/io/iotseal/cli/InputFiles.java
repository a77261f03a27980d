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
            return YamlFiles.read(new java.io.ByteArrayInputStream(bytes(file, option, MAX_BYTES)), file.toString(), type);
        } catch (YamlFiles.DataFileException e) {
            throw new UserInputException(option + ": " + e.getMessage(), e);
        }
    }

    /** The file's bytes, refused when larger than {@code maxBytes}; errors name the option and file. */
    static byte[] bytes(Path file, String option, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new UserInputException(option + ": " + file + " is " + size + " bytes; the limit is " + maxBytes);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(option + ": file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException(option + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
