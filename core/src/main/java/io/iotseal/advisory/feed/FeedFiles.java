package io.iotseal.advisory.feed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns one mirrored file into the feed documents inside it: the file itself, the content of a {@code .gz}
 * (NVD publishes its 2.0 feeds gzipped), or each entry of a {@code .zip} (OSV's per-ecosystem {@code all.zip},
 * NVD's zipped feeds). Nothing is written to disk. Zips are read with caps on the number of entries and on
 * the bytes they inflate to, counted as they are inflated (headers can lie), and entries named with
 * {@code ..} or an absolute path are refused: a zip built to escape a folder or to exhaust memory is not a
 * mirror of a feed.
 */
final class FeedFiles {

    /** Caps for one import; the defaults fit the largest real dumps (OSV's all-ecosystem zip, NVD yearly feeds). */
    record Limits(int maxEntries, long maxFileBytes, long maxTotalBytes) {
        static final Limits DEFAULT = new Limits(1_000_000, 512L << 20, 8L << 30);
    }

    /** Receives each document with its name for messages ("all.zip!GHSA-xxxx.json"). */
    @FunctionalInterface
    interface Document {
        void accept(String name, byte[] content) throws FeedException;
    }

    private final Limits limits;
    private long total;
    private int entries;

    FeedFiles(Limits limits) {
        this.limits = limits;
    }

    /** Whether a file name in a folder or zip is one to read (others are reported and skipped). */
    static boolean isFeedFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".xml") || n.endsWith(".rdf") || n.endsWith(".zip") || n.endsWith(".gz");
    }

    void read(String name, InputStream raw, Document out) throws FeedException, IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip") || (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)) {
            zip(name, in, out);
        } else if (lower.endsWith(".gz") || (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b)) {
            byte[] content;
            try (InputStream gz = new GZIPInputStream(in)) {
                content = bytes(name, gz);
            } catch (ZipException | EOFException e) {
                throw new FeedException(name, "not a complete gzip file (is it cut short?): " + e.getMessage());
            }
            out.accept(name.replaceFirst("(?i)\\.gz$", ""), content);
        } else {
            out.accept(name, bytes(name, in));
        }
    }

    private void zip(String name, InputStream raw, Document out) throws FeedException, IOException {
        TailStream in = new TailStream(raw);
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry e = null;
        try {
            while ((e = zip.getNextEntry()) != null) {
                String entry = e.getName();
                String at = name + "!" + entry;
                if (++entries > limits.maxEntries()) {
                    throw new FeedException(at, "more than " + limits.maxEntries() + " entries: refused as a possible zip bomb");
                }
                String normalised = entry.replace('\\', '/');
                if (normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*")
                        || ("/" + normalised + "/").contains("/../")) {
                    throw new FeedException(at, "an entry named with '..' or an absolute path is refused (zip slip)");
                }
                if (e.isDirectory() || normalised.startsWith("__MACOSX/") || normalised.substring(normalised.lastIndexOf('/') + 1).startsWith(".")) {
                    continue;
                }
                String lower = normalised.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".json") || lower.endsWith(".xml") || lower.endsWith(".rdf"))) {
                    continue; // a README or a nested archive is not a feed document
                }
                out.accept(at, bytes(at, zip));
            }
        } catch (ZipException | EOFException x) {
            throw new FeedException(e == null ? name : name + "!" + e.getName(), "not a complete zip (is it cut short?): " + x.getMessage());
        }
        // ZipInputStream stops quietly where the entries stop; a zip cut after an entry is only told by its missing end record
        byte[] rest = new byte[8192];
        while (in.read(rest, 0, rest.length) >= 0) {
            // drain, so the tail holds the end of the file
        }
        if (!in.endsWithZipEnd()) {
            throw new FeedException(name, "not a complete zip (cut short, or not a zip at all): its end of central directory record is missing");
        }
    }

    /** Passes bytes through and keeps the last ones, where a zip's end of central directory record is. */
    private static final class TailStream extends FilterInputStream {
        /** The end record is 22 bytes plus a comment of at most 65,535. */
        private static final int KEEP = 22 + 65_535;
        private final byte[] ring = new byte[KEEP];
        private long seen;

        TailStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                ring[(int) (seen++ % KEEP)] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                ring[(int) (seen++ % KEEP)] = b[off + i];
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))])); // skipped bytes pass the ring too
        }

        boolean endsWithZipEnd() {
            int size = (int) Math.min(seen, KEEP);
            byte[] tail = new byte[size];
            for (int i = 0; i < size; i++) {
                tail[i] = ring[(int) ((seen - size + i) % KEEP)];
            }
            for (int i = size - 22; i >= 0; i--) {
                if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                    int commentLength = (tail[i + 20] & 0xff) | (tail[i + 21] & 0xff) << 8;
                    return i + 22 + commentLength == size;
                }
            }
            return false;
        }
    }

    /** Reads all of {@code in}, counting against the caps as the bytes arrive. */
    private byte[] bytes(String at, InputStream in) throws FeedException, IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long size = 0;
        int n;
        try {
            while ((n = in.read(chunk)) > 0) {
                size += n;
                total += n;
                if (size > limits.maxFileBytes()) {
                    throw new FeedException(at, "larger than " + limits.maxFileBytes() + " bytes: refused (a zip bomb, or not a feed file)");
                }
                if (total > limits.maxTotalBytes()) {
                    throw new FeedException(at, "the import expands to more than " + limits.maxTotalBytes()
                            + " bytes: refused as a possible zip bomb");
                }
                buffer.write(chunk, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw new FeedException(at, "cut short or corrupt: " + e.getMessage());
        }
        return buffer.toByteArray();
    }
}
