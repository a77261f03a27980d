package io.iotseal;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small invented data set under test resources {@code fixtures/small}, and broken copies of it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path smallDataDir() {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource("fixtures/small/index.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StandardsLibrary small() {
        return StandardsLoader.loadFrom(smallDataDir());
    }

    /** A copy of the small data set in {@code into}, with {@code find} replaced by {@code replace} in {@code file}. */
    public static Path brokenCopy(Path into, String file, String find, String replace) {
        try (Stream<Path> paths = Files.walk(smallDataDir())) {
            for (Path p : paths.toList()) {
                Path target = into.resolve(smallDataDir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            Path changed = into.resolve(file);
            String text = Files.readString(changed);
            if (!text.contains(find)) {
                throw new IllegalArgumentException(file + " does not contain " + find);
            }
            Files.writeString(changed, text.replace(find, replace));
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
