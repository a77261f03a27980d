package io.iotseal.advisory.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the advisory feed files an operator mirrors offline into the advisory model (ADR 0092): OSV JSON
 * (single records, folders, per-ecosystem {@code all.zip}), NVD CVE API 2.0 JSON, JVN iPedia XML (MyJVN
 * overview RSS and VULDEF detail) and the CISA KEV catalog. All or nothing: the first broken file throws a
 * {@link FeedException} naming the file and where it broke, and nothing read before it is returned.
 * Comparing {@code modified} with what is stored (incremental import) is the server's job. Thread-safe.
 */
public final class FeedReaders {

    private FeedReaders() {
    }

    /**
     * Reads one file (json, xml, a .zip of such files, or a .gz of one) or a folder of such files, walked in
     * name order; files of other types in a folder are skipped with a warning.
     */
    public static FeedBatch read(FeedKind kind, Path fileOrFolder) throws FeedException, IOException {
        return read(kind, fileOrFolder, FeedFiles.Limits.DEFAULT);
    }

    /** Same for bytes already in memory (an upload); {@code name} is used in messages and to tell zip from json/xml. */
    public static FeedBatch read(FeedKind kind, String name, byte[] content) throws FeedException {
        return read(kind, name, content, FeedFiles.Limits.DEFAULT);
    }

    static FeedBatch read(FeedKind kind, Path fileOrFolder, FeedFiles.Limits limits) throws FeedException, IOException {
        BatchBuilder out = new BatchBuilder(kind);
        FeedFiles files = new FeedFiles(limits);
        if (Files.isDirectory(fileOrFolder)) {
            List<Path> list;
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                list = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : list) {
                String name = fileOrFolder.relativize(f).toString().replace('\\', '/');
                if (("/" + name).contains("/.")) {
                    continue; // hidden files and folders (.git, .DS_Store) are a mirror tool's, not the feed's
                }
                if (!FeedFiles.isFeedFile(name)) {
                    out.warn(name, "skipped: not a .json, .xml, .rdf, .zip or .gz file");
                    continue;
                }
                try (InputStream in = Files.newInputStream(f)) {
                    files.read(name, in, (doc, bytes) -> document(kind, doc, bytes, out));
                }
            }
            if (list.isEmpty()) {
                out.warn(fileOrFolder.getFileName() + "/", "the folder holds no files");
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            try (InputStream in = Files.newInputStream(fileOrFolder)) {
                files.read(fileOrFolder.getFileName().toString(), in, (doc, bytes) -> document(kind, doc, bytes, out));
            }
        } else {
            throw new NoSuchFileException(fileOrFolder.toString());
        }
        return out.build();
    }

    static FeedBatch read(FeedKind kind, String name, byte[] content, FeedFiles.Limits limits) throws FeedException {
        BatchBuilder out = new BatchBuilder(kind);
        try {
            new FeedFiles(limits).read(name, new ByteArrayInputStream(content), (doc, bytes) -> document(kind, doc, bytes, out));
        } catch (IOException e) {
            throw new FeedException(name, "unreadable: " + e.getMessage()); // from memory, only a corrupt archive gets here
        }
        return out.build();
    }

    /** One document: JSON for OSV, NVD and KEV, XML for JVN; the other syntax is refused by name. */
    private static void document(FeedKind kind, String name, byte[] content, BatchBuilder out) throws FeedException {
        char first = firstSignificant(content);
        boolean xml = first == '<';
        if (first == 0) {
            throw new FeedException(name, "the file is empty");
        }
        if (xml != (kind == FeedKind.JVN)) {
            throw new FeedException(name, "expected " + kind.expected() + ", but this is " + (xml ? "XML" : "not XML"));
        }
        switch (kind) {
            case OSV -> OsvReader.read(name, content, out);
            case NVD -> NvdReader.read(name, content, out);
            case JVN -> JvnReader.read(name, content, out);
            case KEV -> KevReader.read(name, content, out);
        }
    }

    /** The first character that is not whitespace or a UTF-8 byte order mark, or 0 for none. */
    private static char firstSignificant(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xff;
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || (i < 3 && (b == 0xef || b == 0xbb || b == 0xbf))) {
                continue;
            }
            return (char) b;
        }
        return 0;
    }
}
