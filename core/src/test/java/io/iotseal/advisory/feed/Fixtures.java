package io.iotseal.advisory.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The feed fixtures under {@code /advisory/feeds/} (written by us in the real feeds' shape), and zips of them. */
final class Fixtures {

    static final String[] OSV = {"ALPINE-CVE-2022-48174.json", "DEBIAN-CVE-2023-5678.json", "GHSA-jfh8-c2jp-5v3q.json"};

    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/advisory/feeds/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String path) {
        try {
            return Path.of(Fixtures.class.getResource("/advisory/feeds/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip of the given entries (name → content), as OSV's per-ecosystem all.zip is laid out. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The OSV fixtures as an all.zip dump. */
    static byte[] osvDump() {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (String name : OSV) {
            entries.put(name, bytes("osv/" + name));
        }
        return zip(entries);
    }
}
