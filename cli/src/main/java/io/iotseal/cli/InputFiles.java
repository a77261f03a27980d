package io.iotseal.cli;

import io.iotseal.library.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * "file: line N: key 'value' why; line M: ..." for values of {@code key} that the file holds but
     * the data does not know, so the user is sent to the line to fix (the first line each appears on).
     */
    static String unknownValues(Path file, String key, List<String> values, String why) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            lines = List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            Pattern entry = Pattern.compile("(^|[\\s{,-])\"?" + Pattern.quote(key) + "\"?\\s*:\\s*[\"']?"
                    + Pattern.quote(value) + "[\"']?\\s*(#.*|,.*|})?$");
            int line = 0;
            for (int i = 0; i < lines.size() && line == 0; i++) {
                if (entry.matcher(lines.get(i).strip()).find()) {
                    line = i + 1;
                }
            }
            parts.add((line > 0 ? "line " + line + ": " : "") + key + " '" + value + "' " + why);
        }
        return file + ": " + String.join("; ", parts);
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
