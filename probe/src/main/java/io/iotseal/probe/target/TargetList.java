package io.iotseal.probe.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every target of a run, from the command line and a targets file. Enforces the scope rule: more than
 * {@link #UNAUTHORISED_HOST_LIMIT} hosts need the user's explicit statement that they are authorised.
 */
public final class TargetList implements Iterable<Target> {
    /** A handful of devices on a bench; anything more looks like a network sweep. */
    public static final int UNAUTHORISED_HOST_LIMIT = 16;

    private final List<TargetSpec> specs;
    private final long hostCount;

    private TargetList(List<TargetSpec> specs) {
        this.specs = List.copyOf(specs);
        this.hostCount = specs.stream().mapToLong(TargetSpec::hostCount).sum();
    }

    /**
     * @param targets    targets from the command line
     * @param targetFile a file with one target per line ('#' starts a comment), or null
     * @param authorized whether the user stated they may probe every one of these hosts
     * @throws InvalidTargetException for a bad target, an empty list or a large list without authorisation
     */
    public static TargetList of(List<String> targets, Path targetFile, boolean authorized) {
        List<TargetSpec> specs = new ArrayList<>();
        for (String t : targets) {
            specs.add(TargetSpec.parse(t));
        }
        if (targetFile != null) {
            specs.addAll(readFile(targetFile));
        }
        if (specs.isEmpty()) {
            throw new InvalidTargetException("targets: name at least one target (address, host name or CIDR range)");
        }
        TargetList list = new TargetList(specs);
        if (list.hostCount > UNAUTHORISED_HOST_LIMIT && !authorized) {
            throw new InvalidTargetException("targets: " + list.hostCount + " hosts is more than "
                    + UNAUTHORISED_HOST_LIMIT + "; pass --authorized to confirm you are allowed to probe all of them");
        }
        return list;
    }

    private static List<TargetSpec> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("targets-file " + file + ": cannot read", e);
        }
        List<TargetSpec> specs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                specs.add(TargetSpec.parse(line));
            } catch (InvalidTargetException e) {
                throw new InvalidTargetException("targets-file " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return specs;
    }

    public long hostCount() {
        return hostCount;
    }

    public List<TargetSpec> specs() {
        return specs;
    }

    @Override
    public Iterator<Target> iterator() {
        return specs.stream().flatMap(s -> java.util.stream.StreamSupport.stream(s.spliterator(), false)).iterator();
    }
}
