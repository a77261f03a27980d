package io.iotseal.server;

import io.iotseal.library.StandardsLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standards data the server tests run on: the built-in data, copied to a folder as an operator
 * would (iotseal.standards.folder), with one addition of the operator's own — a requirement set for the
 * BSI label, whose criteria the built-in data does not hold. Without criteria a BSI label assessment is
 * refused (issue 10), and the BSI label is the only level whose data has renewal and lapse rules, which
 * the label lifecycle tests need. The addition is marked as this test operator's data, unverified.
 */
public final class TestStandards {

    private static Path folder;

    private TestStandards() {
    }

    public static synchronized String folder() {
        if (folder == null) {
            folder = copyWithBsiCriteria();
            StandardsLoader.loadFrom(folder); // fails here, with the data's own message, if the patch broke it
        }
        return folder.toString();
    }

    private static Path copyWithBsiCriteria() {
        try {
            Path dir = Files.createTempDirectory("iotseal-standards-");
            String index = resource("index.yaml");
            Files.writeString(dir.resolve("index.yaml"), index);
            Matcher files = Pattern.compile("(?m)^\\s*-\\s*(\\S+\\.yaml)\\s*$").matcher(index);
            List<String> names = new ArrayList<>();
            while (files.find()) {
                names.add(files.group(1));
            }
            for (String name : names) {
                String text = resource(name);
                if (name.equals("schemes/de-bsi-label.yaml")) {
                    text = withBsiCriteria(text);
                }
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withBsiCriteria(String text) {
        String sources = "\nsources:\n";
        String empty = "    requirements: []\n";
        if (!text.contains(sources) || !text.contains(empty)) {
            throw new IllegalStateException("de-bsi-label.yaml changed shape; adapt TestStandards");
        }
        return text.replace(sources, sources + "  - {id: TEST-OPERATOR, title: \"The test operator's own data (server tests only)\"}\n")
                .replace(empty, "    requirements:\n      - {catalog: etsi-en-303-645, select: mandatory, groups: [\"5.1\"],"
                        + " confidence: unverified, sources: [TEST-OPERATOR], note: {en: \"Test operator's own choice, not BSI's\"}}\n");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TestStandards.class.getClassLoader().getResourceAsStream(StandardsLoader.BUILT_IN_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("no built-in standards file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
