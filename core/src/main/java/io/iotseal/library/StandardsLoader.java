package io.iotseal.library;

import io.iotseal.catalog.Catalog;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.scheme.Recognitions;
import io.iotseal.scheme.Scheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the standards data listed in an {@code index.yaml}, from the classpath (the data shipped
 * with IoTSeal) or from a folder (a user's own or edited data). Every file is read and every
 * problem collected before failing, and a library is only returned when all of it is valid.
 */
public final class StandardsLoader {
    /** Where the shipped data lives on the classpath. */
    public static final String BUILT_IN_ROOT = "standards/";

    private final FileSource files;

    private StandardsLoader(FileSource files) {
        this.files = files;
    }

    /** The data shipped inside IoTSeal. */
    public static StandardsLibrary loadBuiltIn() {
        return new StandardsLoader(StandardsLoader::classpathFile).load();
    }

    /** The data in {@code folder}, which must contain an {@code index.yaml}. */
    public static StandardsLibrary loadFrom(Path folder) {
        return new StandardsLoader(name -> {
            try {
                return Files.newInputStream(folder.resolve(name));
            } catch (NoSuchFileException e) {
                throw new YamlFiles.DataFileException(name + ": file not found in " + folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).load();
    }

    private static InputStream classpathFile(String name) {
        InputStream in = StandardsLoader.class.getClassLoader().getResourceAsStream(BUILT_IN_ROOT + name);
        if (in == null) {
            throw new YamlFiles.DataFileException(name + ": file not found on the classpath under " + BUILT_IN_ROOT);
        }
        return in;
    }

    private StandardsLibrary load() {
        List<String> problems = new ArrayList<>();
        DataIndex index;
        try {
            index = read("index.yaml", DataIndex.class);
        } catch (YamlFiles.DataFileException e) {
            throw new StandardsDataException(List.of(e.getMessage()));
        }
        Map<String, Catalog> catalogs = readAll(index.catalogs(), Catalog.class, problems);
        Map<String, Crosswalk> crosswalks = readAll(index.crosswalks(), Crosswalk.class, problems);
        Map<String, Scheme> schemes = readAll(index.schemes(), Scheme.class, problems);
        Map<String, Recognitions> recognitions = readAll(index.recognitions(), Recognitions.class, problems);
        if (!problems.isEmpty()) {
            throw new StandardsDataException(problems);
        }
        return new StandardsLibrary(catalogs, crosswalks, schemes, recognitions);
    }

    private <T> Map<String, T> readAll(List<String> names, Class<T> type, List<String> problems) {
        Map<String, T> byFile = new LinkedHashMap<>();
        for (String name : names) {
            try {
                byFile.put(name, read(name, type));
            } catch (YamlFiles.DataFileException e) {
                problems.add(e.getMessage());
            }
        }
        return byFile;
    }

    private <T> T read(String name, Class<T> type) {
        return YamlFiles.read(files.open(name), name, type);
    }

    @FunctionalInterface
    private interface FileSource {
        InputStream open(String name);
    }
}
