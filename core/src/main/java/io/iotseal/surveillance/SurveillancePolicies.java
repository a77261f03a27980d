package io.iotseal.surveillance;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.library.YamlFiles.DataFileException;
import io.iotseal.library.YamlFiles;
import java.io.InputStream;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The surveillance policies, one per scheme, read from a versioned YAML file ({@code policies.yaml} built in,
 * or an operator's own file) and checked when loaded: a bad rule stops the server instead of proposing
 * nonsense. Schemes publish no such rules (BSI-ITSiKV §8 asks for a "reasonable period for comment" without a
 * number), so every period in the file is an operator's choice and each policy says so in its basis.
 */
public final class SurveillancePolicies {
    public static final String FORMAT = "iotseal-surveillance-policy/1";
    private static final String BUILT_IN = "/io/iotseal/surveillance/policies.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final int dataVersion;
    private final Map<String, SchemePolicy> bySchemeId;

    private SurveillancePolicies(int dataVersion, Map<String, SchemePolicy> bySchemeId) {
        this.dataVersion = dataVersion;
        this.bySchemeId = Map.copyOf(bySchemeId);
    }

    public static SurveillancePolicies builtIn() {
        return read(SurveillancePolicies.class.getResourceAsStream(BUILT_IN), "policies.yaml");
    }

    /** Reads and checks a policy file; {@code name} names it in errors. */
    public static SurveillancePolicies read(InputStream in, String name) {
        if (in == null) {
            throw new DataFileException(name + ": not found");
        }
        File file = YamlFiles.read(in, name, File.class);
        if (!FORMAT.equals(file.format())) {
            throw new DataFileException(name + ": format: expected '" + FORMAT + "', found '" + file.format() + "'");
        }
        if (file.dataVersion() < 1) {
            throw new DataFileException(name + ": dataVersion: must be 1 or more");
        }
        Map<String, SchemePolicy> policies = new LinkedHashMap<>();
        for (int i = 0; i < file.policies().size(); i++) {
            SchemePolicy policy = check(file.policies().get(i), name + ": policies[" + i + "]");
            if (policies.put(policy.schemeId(), policy) != null) {
                throw new DataFileException(name + ": policies[" + i + "].scheme: '" + policy.schemeId() + "' appears twice");
            }
        }
        return new SurveillancePolicies(file.dataVersion(), policies);
    }

    public int dataVersion() {
        return dataVersion;
    }

    public Optional<SchemePolicy> forScheme(String schemeId) {
        return Optional.ofNullable(bySchemeId.get(schemeId));
    }

    public Set<String> schemeIds() {
        return bySchemeId.keySet();
    }

    private static SchemePolicy check(PolicyEntry entry, String where) {
        require(entry.scheme() != null && ID.matcher(entry.scheme()).matches(), where + ".scheme: a scheme id is required");
        require(entry.hearingPeriod() != null && !entry.hearingPeriod().isNegative() && !entry.hearingPeriod().isZero(),
                where + ".hearingPeriod: a positive period such as P14D is required");
        require(entry.hearingBasis() != null, where + ".hearingBasis: say where the period comes from");
        require(entry.rules() != null && !entry.rules().isEmpty(), where + ".rules: at least one rule is required");
        Set<String> ids = new HashSet<>();
        List<PolicyRule> rules = new ArrayList<>();
        for (int r = 0; r < entry.rules().size(); r++) {
            RuleEntry rule = entry.rules().get(r);
            String at = where + ".rules[" + r + "]";
            require(rule.id() != null && ID.matcher(rule.id()).matches(), at + ".id: a lower-case id is required");
            require(ids.add(rule.id()), at + ".id: '" + rule.id() + "' appears twice");
            require(rule.states() != null && !rule.states().isEmpty(), at + ".states: at least one triage state is required");
            require(!rule.states().contains(TriageState.NOT_AFFECTED) && !rule.states().contains(TriageState.FIXED),
                    at + ".states: NOT_AFFECTED and FIXED are resolved; a rule cannot act on them");
            require(rule.kevOnly() != null, at + ".kevOnly: true or false is required (whether only KEV-listed findings count)");
            require(rule.minSeverity() == null || PolicyEvaluation.isRating(rule.minSeverity()),
                    at + ".minSeverity: one of NONE, LOW, MEDIUM, HIGH, CRITICAL");
            require(rule.unfixedFor() != null && !rule.unfixedFor().isNegative(),
                    at + ".unfixedFor: a period such as P30D is required");
            require(rule.propose() != null, at + ".propose: SUSPEND or REVOKE");
            require(rule.reason() != null, at + ".reason: an English reason (and a Japanese one) is required");
            rules.add(new PolicyRule(rule.id(), Set.copyOf(rule.states()), rule.kevOnly(), rule.minSeverity(),
                    rule.unfixedFor(), rule.propose(), rule.reason()));
        }
        return new SchemePolicy(entry.scheme(), entry.hearingPeriod(), entry.hearingBasis(), rules);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DataFileException(message);
        }
    }

    record File(String format, int dataVersion, List<PolicyEntry> policies) {
        File {
            policies = policies == null ? List.of() : policies;
        }
    }

    record PolicyEntry(String scheme, Period hearingPeriod, LocalizedText hearingBasis, List<RuleEntry> rules) {
    }

    record RuleEntry(String id, List<TriageState> states, Boolean kevOnly, String minSeverity,
                     Period unfixedFor, ProposedAction propose, LocalizedText reason) {
    }
}
