package io.iotseal.disclosure;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.library.YamlFiles;
import io.iotseal.library.YamlFiles.DataFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reporting clocks of regulations and schemes, read from a versioned YAML file ({@code reporting-clocks.yaml}
 * built in, or an operator's own) and checked when loaded: every error names the file, the line and the field
 * (ADR 0097). {@link #deadlines} turns a case's moments into its deadlines.
 */
public final class ReportingClocks {
    public static final String FORMAT = "iotseal-reporting-clocks/1";
    private static final String BUILT_IN = "/io/iotseal/disclosure/reporting-clocks.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final int dataVersion;
    private final double dueSoonFraction;
    private final List<Regime> regimes;
    private final Map<String, SchemeReporting> schemes;

    private ReportingClocks(int dataVersion, double dueSoonFraction, List<Regime> regimes,
                            Map<String, SchemeReporting> schemes) {
        this.dataVersion = dataVersion;
        this.dueSoonFraction = dueSoonFraction;
        this.regimes = List.copyOf(regimes);
        this.schemes = Map.copyOf(schemes);
    }

    /** The built-in file, its scheme ids not checked (see {@link #builtIn(Collection)}). */
    public static ReportingClocks builtIn() {
        return builtIn(null);
    }

    /** The built-in file; every scheme id in it must be one of {@code knownSchemeIds} (null: not checked). */
    public static ReportingClocks builtIn(Collection<String> knownSchemeIds) {
        return read(ReportingClocks.class.getResourceAsStream(BUILT_IN), "reporting-clocks.yaml", knownSchemeIds);
    }

    /**
     * Reads and checks a clocks file; {@code name} names it in errors. When {@code knownSchemeIds} is not null,
     * each scheme entry other than {@code default} must name one of them (the standards library's schemes).
     */
    public static ReportingClocks read(InputStream in, String name, Collection<String> knownSchemeIds) {
        if (in == null) {
            throw new DataFileException(name + ": not found");
        }
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFileException(name + ": cannot be read: " + e.getMessage());
        }
        File file = YamlFiles.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, File.class);
        return new Checker(name, new YamlLines(text), knownSchemeIds).check(file);
    }

    public int dataVersion() {
        return dataVersion;
    }

    /** The share of a clock's length, at its end, in which it is due soon (IoTSeal's default, in the data). */
    public double dueSoonFraction() {
        return dueSoonFraction;
    }

    public List<Regime> regimes() {
        return regimes;
    }

    /** The scheme's rules, or the {@code default} entry when {@code schemeId} is null or has none. */
    public SchemeReporting forScheme(String schemeId) {
        SchemeReporting own = schemeId == null ? null : schemes.get(schemeId);
        return own != null ? own : schemes.get(SchemeReporting.DEFAULT);
    }

    public Set<String> schemeIds() {
        return schemes.keySet();
    }

    /**
     * Every deadline of a case at {@code now}: the regimes' clocks (in file order), then the scheme's (or the
     * default's). {@code moments} holds the instants the case records; a missing moment leaves clocks not started.
     */
    public List<Deadline> deadlines(String schemeId, Map<Moment, Instant> moments, Instant now) {
        List<Deadline> out = new ArrayList<>();
        for (Regime regime : regimes) {
            for (ClockRule clock : regime.clocks()) {
                out.add(clock.evaluate(regime.id(), regime.appliesFrom(), moments, now, dueSoonFraction));
            }
        }
        SchemeReporting scheme = forScheme(schemeId);
        for (ClockRule clock : scheme.clocks()) {
            out.add(clock.evaluate(scheme.schemeId(), null, moments, now, dueSoonFraction));
        }
        return out;
    }

    /** The checks made after Jackson has read the file, each error with its line. */
    private record Checker(String name, YamlLines lines, Collection<String> knownSchemeIds) {

        ReportingClocks check(File file) {
            require(FORMAT.equals(file.format()), "format", "expected '" + FORMAT + "', found '" + file.format() + "'");
            require(file.dataVersion() != null && file.dataVersion() >= 1, "dataVersion", "must be 1 or more");
            DueSoon dueSoon = file.dueSoon();
            require(dueSoon != null, "dueSoon", "the due-soon share and its basis are required");
            require(dueSoon.fraction() != null && dueSoon.fraction() > 0 && dueSoon.fraction() < 1,
                    "dueSoon.fraction", "a share between 0 and 1 (exclusive) such as 0.25 is required");
            require(dueSoon.iotsealDefault() != null, "dueSoon.iotsealDefault", "true or false is required");
            require(dueSoon.basis() != null, "dueSoon.basis", "say where the share comes from");
            require(!file.regimes().isEmpty(), "regimes", "at least one regime is required");
            List<Regime> regimes = new ArrayList<>();
            Set<String> regimeIds = new HashSet<>();
            for (int i = 0; i < file.regimes().size(); i++) {
                RegimeEntry r = file.regimes().get(i);
                String at = "regimes[" + i + "]";
                require(r.id() != null && ID.matcher(r.id()).matches(), at + ".id", "a lower-case id is required");
                require(regimeIds.add(r.id()), at + ".id", "'" + r.id() + "' appears twice");
                require(r.name() != null, at + ".name", "a name is required");
                require(r.source() != null, at + ".source", "a regime's source is required");
                regimes.add(new Regime(r.id(), r.name(), r.appliesFrom(), r.source(), clocks(r.clocks(), at)));
            }
            Map<String, SchemeReporting> schemes = new LinkedHashMap<>();
            for (int i = 0; i < file.schemes().size(); i++) {
                SchemeEntry s = file.schemes().get(i);
                String at = "schemes[" + i + "]";
                require(s.scheme() != null && ID.matcher(s.scheme()).matches(), at + ".scheme", "a scheme id is required");
                require(knownSchemeIds == null || s.scheme().equals(SchemeReporting.DEFAULT)
                        || knownSchemeIds.contains(s.scheme()), at + ".scheme",
                        "'" + s.scheme() + "' is not a scheme of the standards library (known: " + knownSchemeIds + ")");
                require(!schemes.containsKey(s.scheme()), at + ".scheme", "'" + s.scheme() + "' appears twice");
                schemes.put(s.scheme(), new SchemeReporting(s.scheme(), operatorCopy(s.operatorCopied(), at + ".operatorCopied"),
                        clocks(s.clocks(), at)));
            }
            require(schemes.containsKey(SchemeReporting.DEFAULT), "schemes",
                    "an entry for scheme 'default' is required (used when a case's scheme has none)");
            return new ReportingClocks(file.dataVersion(), dueSoon.fraction(), regimes, schemes);
        }

        private OperatorCopy operatorCopy(OperatorCopyEntry e, String at) {
            require(e != null, at, "say whether the operator is copied on reports");
            require(e.value() != null, at + ".value", "true or false is required");
            require(e.iotsealDefault() != null, at + ".iotsealDefault", "true or false is required");
            require(e.basis() != null, at + ".basis", "say where this comes from");
            require(e.iotsealDefault() || e.source() != null, at + ".source",
                    "a source is required unless the value is IoTSeal's default");
            return new OperatorCopy(e.value(), e.basis(), e.source(), e.iotsealDefault());
        }

        private List<ClockRule> clocks(List<ClockEntry> entries, String where) {
            require(entries != null && !entries.isEmpty(), where + ".clocks", "at least one clock is required");
            Set<String> ids = new HashSet<>();
            List<ClockRule> rules = new ArrayList<>();
            for (int c = 0; c < entries.size(); c++) {
                ClockEntry e = entries.get(c);
                String at = where + ".clocks[" + c + "]";
                require(e.id() != null && ID.matcher(e.id()).matches(), at + ".id", "a lower-case id is required");
                require(ids.add(e.id()), at + ".id", "'" + e.id() + "' appears twice");
                require(e.start() != null, at + ".start", "the moment that starts the clock is required");
                require(e.metBy() != null, at + ".metBy", "the moment that meets the clock is required");
                require(e.metBy() != e.start(), at + ".metBy", "a clock cannot be met by the moment that starts it");
                ClockLength within;
                try {
                    within = ClockLength.parse(e.within());
                } catch (IllegalArgumentException bad) {
                    throw error(at + ".within", bad.getMessage());
                }
                require(e.duty() != null, at + ".duty", "say what has to be done");
                require(e.iotsealDefault() != null, at + ".iotsealDefault",
                        "true or false is required (true when no regulation or scheme publishes the period)");
                require(e.iotsealDefault() || e.source() != null, at + ".source",
                        "a source is required unless the period is IoTSeal's default");
                Moment trigger = e.trigger() == null ? e.start() : e.trigger();
                rules.add(new ClockRule(e.id(), trigger, e.start(), e.metBy(), within, e.duty(), e.source(),
                        e.iotsealDefault()));
            }
            return rules;
        }

        private void require(boolean ok, String path, String message) {
            if (!ok) {
                throw error(path, message);
            }
        }

        private DataFileException error(String path, String message) {
            int line = lines.lineOf(path);
            return new DataFileException(name + (line > 0 ? ": line " + line : "") + ": " + path + ": " + message);
        }
    }

    record File(String format, Integer dataVersion, DueSoon dueSoon, List<RegimeEntry> regimes,
                List<SchemeEntry> schemes) {
        File {
            regimes = regimes == null ? List.of() : regimes;
            schemes = schemes == null ? List.of() : schemes;
        }
    }

    record DueSoon(Double fraction, Boolean iotsealDefault, LocalizedText basis) {
    }

    record RegimeEntry(String id, LocalizedText name, Instant appliesFrom, ClockSource source, List<ClockEntry> clocks) {
    }

    record SchemeEntry(String scheme, OperatorCopyEntry operatorCopied, List<ClockEntry> clocks) {
    }

    record OperatorCopyEntry(Boolean value, Boolean iotsealDefault, LocalizedText basis, ClockSource source) {
    }

    record ClockEntry(String id, Moment trigger, Moment start, Moment metBy, String within, LocalizedText duty,
                      ClockSource source, Boolean iotsealDefault) {
    }
}
