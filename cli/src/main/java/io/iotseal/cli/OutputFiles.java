package io.iotseal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files a command was asked to write (--out, --jwks-out), creating missing parent folders
 * so that paths such as {@code build/jwks.json} work on a fresh clone; a file that cannot be written is
 * a user error naming the option and the path, not an unexpected error.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    static void write(Path file, String option, String text) {
        write(file, option, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void write(Path file, String option, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage();
            throw new UserInputException(option + ": cannot write " + file + " (" + why + ")", e);
        }
    }
}
