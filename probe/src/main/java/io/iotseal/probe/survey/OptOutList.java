package io.iotseal.probe.survey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses whose owners asked not to be surveyed: asked before every device, and an address on it gets no
 * packet at all. One address, CIDR block or first-last range per line; {@code #} starts a comment.
 */
public final class OptOutList {
    private static final OptOutList NONE = new OptOutList(List.of());

    private final RangeSet ranges;
    private final int entries;

    private OptOutList(List<AddressRange> ranges) {
        this.ranges = new RangeSet(ranges);
        this.entries = ranges.size();
    }

    public static OptOutList none() {
        return NONE;
    }

    public static OptOutList of(List<AddressRange> ranges) {
        return new OptOutList(ranges);
    }

    /** Reads a list; an error names the file and the line, and nothing is probed with a list that failed. */
    public static OptOutList read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("opt-out list " + file + ": cannot read", e);
        }
    }

    /** Reads a list from its text (e.g. as a coordinator stored it); errors name {@code sourceName} and the line. */
    public static OptOutList parse(String text, String sourceName) {
        return parse(text == null ? List.of() : text.lines().toList(), sourceName);
    }

    static OptOutList parse(List<String> lines, String source) {
        List<AddressRange> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                out.add(AddressRange.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("opt-out list " + source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new OptOutList(out);
    }

    public boolean contains(InetAddress address) {
        return ranges.contains(address);
    }

    /** Entries as listed (overlapping entries each count). */
    public int size() {
        return entries;
    }
}
