package io.iotseal.probe.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every target of a run, from the command line and a targets file. Enforces the scope rules (ADR 0077):
 * more than {@link #UNAUTHORISED_HOST_LIMIT} hosts, or any address outside loopback, private, link-local
 * and documentation ranges, need the operator's written statement that they are authorised, which the
 * reports record.
 */
public final class TargetList implements Iterable<Target> {
    /** A handful of devices on a bench; anything more looks like a network sweep. */
    public static final int UNAUTHORISED_HOST_LIMIT = 16;

    private final List<TargetSpec> specs;
    private final long hostCount;
    private final String authorization;

    private TargetList(List<TargetSpec> specs, String authorization) {
        this.specs = List.copyOf(specs);
        this.hostCount = specs.stream().mapToLong(TargetSpec::hostCount).sum();
        this.authorization = authorization;
    }

    /** The form without a statement; {@code authorized} stands for an unstated authorisation. */
    public static TargetList of(List<String> targets, Path targetFile, boolean authorized) {
        return of(targets, targetFile, authorized ? "authorised (no statement given)" : null);
    }

    /**
     * @param targets       targets from the command line
     * @param targetFile    a file with one target per line ('#' starts a comment), or null
     * @param authorization the operator's statement that they may probe every one of these hosts, or null
     * @throws InvalidTargetException for a bad target, an empty list, or a large list or a public address
     *                                without authorisation
     */
    public static TargetList of(List<String> targets, Path targetFile, String authorization) {
        if (authorization != null && authorization.isBlank()) {
            throw new InvalidTargetException("authorized: state who authorised the probe and for what, e.g. "
                    + "--authorized \"Lab order 42, device owner Acme, 2026-12-01\"");
        }
        String statement = authorization == null ? null : authorization.strip();
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
        TargetList list = new TargetList(specs, statement);
        if (statement == null && list.hostCount > UNAUTHORISED_HOST_LIMIT) {
            throw new InvalidTargetException("targets: " + list.hostCount + " hosts is more than "
                    + UNAUTHORISED_HOST_LIMIT + "; pass --authorized \"statement\" to confirm you are allowed to probe "
                    + "all of them");
        }
        var outside = specs.stream().filter(s -> !s.local()).map(TargetSpec::text).toList();
        if (statement == null && !outside.isEmpty()) {
            throw new InvalidTargetException("targets: " + String.join(", ", outside) + " lies outside loopback, "
                    + "private, link-local and documentation ranges; pass --authorized \"statement\" naming who "
                    + "authorised the probe");
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

    /** The operator's authorisation statement, recorded in every report; empty when none was needed. */
    public java.util.Optional<String> authorization() {
        return java.util.Optional.ofNullable(authorization);
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
