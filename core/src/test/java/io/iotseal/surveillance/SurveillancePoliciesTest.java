package io.iotseal.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.library.StandardsLoader;
import io.iotseal.library.YamlFiles.DataFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveillancePoliciesTest {
    private static final Instant FOUND = Instant.parse("2026-09-01T00:00:00Z");

    private static SurveillancePolicies read(String yaml) {
        return SurveillancePolicies.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static String policy(String rule) {
        return """
                format: iotseal-surveillance-policy/1
                dataVersion: 1
                policies:
                  - scheme: jc-star
                    hearingPeriod: P14D
                    hearingBasis: {en: "our choice"}
                    rules:
                """ + rule;
    }

    private static FindingFacts finding(TriageState state, String severity, LocalDate kev, Instant firstSeen) {
        return new FindingFacts("CVE-2024-0001", "pkg:deb/debian/openssl@3.0.11-1", state, severity, kev, firstSeen);
    }

    @Test
    void builtInPoliciesLoadAndNameOnlySchemesTheLibraryKnows() {
        SurveillancePolicies policies = SurveillancePolicies.builtIn();
        assertThat(policies.schemeIds()).contains("de-bsi-label", "jc-star", "sg-cls");
        var library = StandardsLoader.loadBuiltIn();
        for (String scheme : policies.schemeIds()) {
            assertThat(library.scheme(scheme)).as(scheme).isPresent();
            SchemePolicy policy = policies.forScheme(scheme).orElseThrow();
            assertThat(policy.hearingBasis().exactly("ja")).as(scheme + " has a Japanese basis").isPresent();
            policy.rules().forEach(r -> assertThat(r.reason().exactly("ja")).as(r.id()).isPresent());
        }
        assertThat(policies.forScheme("de-bsi-label").orElseThrow().hearingPeriod()).isEqualTo(Period.ofDays(14));
    }

    @Test
    void kevListedAndUnfixedAfterThePeriodIsProposedForSuspension() {
        SchemePolicy bsi = SurveillancePolicies.builtIn().forScheme("de-bsi-label").orElseThrow();
        LocalDate listed = LocalDate.parse("2026-10-01");
        var affected = finding(TriageState.AFFECTED, "HIGH", listed, FOUND);
        assertThat(PolicyEvaluation.evaluate(bsi, List.of(affected), Instant.parse("2026-10-30T23:59:59Z")))
                .as("30 days count from the KEV listing, which came after the match").isEmpty();
        List<Proposal> proposals = PolicyEvaluation.evaluate(bsi, List.of(affected), Instant.parse("2026-10-31T00:00:00Z"));
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("kev-unfixed");
            assertThat(p.action()).isEqualTo(ProposedAction.SUSPEND);
            assertThat(p.since()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
            assertThat(p.due()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
        });
    }

    @Test
    void resolvedTriageAndUnlistedFindingsProposeNothing() {
        SchemePolicy jcStar = SurveillancePolicies.builtIn().forScheme("jc-star").orElseThrow();
        Instant late = Instant.parse("2027-06-01T00:00:00Z");
        LocalDate listed = LocalDate.parse("2026-09-02");
        assertThat(PolicyEvaluation.evaluate(jcStar, List.of(
                finding(TriageState.NOT_AFFECTED, "CRITICAL", listed, FOUND),
                finding(TriageState.FIXED, "CRITICAL", listed, FOUND),
                finding(TriageState.AFFECTED, "CRITICAL", null, FOUND)), late)).isEmpty();
        assertThat(PolicyEvaluation.evaluate(jcStar, List.of(finding(TriageState.UNTRIAGED, null, listed, FOUND)), late))
                .as("the vendor's silence is not a defence").hasSize(1);
    }

    @Test
    void unknownSeverityNeverMeetsAMinimum() {
        SchemePolicy bsi = SurveillancePolicies.builtIn().forScheme("de-bsi-label").orElseThrow();
        Instant late = Instant.parse("2027-06-01T00:00:00Z");
        assertThat(PolicyEvaluation.evaluate(bsi, List.of(finding(TriageState.AFFECTED, null, null, FOUND)), late)).isEmpty();
        assertThat(PolicyEvaluation.evaluate(bsi, List.of(finding(TriageState.AFFECTED, "CRITICAL", null, FOUND)), late))
                .singleElement().extracting(Proposal::ruleId).isEqualTo("critical-unfixed");
    }

    @Test
    void badRulesAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> read(policy("""
                      - id: r1
                        kevOnly: false
                        states: [FIXED]
                        unfixedFor: P30D
                        propose: SUSPEND
                        reason: {en: "x"}
                """))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("policies[0].rules[0].states").hasMessageContaining("resolved");
        assertThatThrownBy(() -> read(policy("""
                      - id: r1
                        kevOnly: false
                        states: [AFFECTED]
                        minSeverity: SEVERE
                        unfixedFor: P30D
                        propose: SUSPEND
                        reason: {en: "x"}
                """))).hasMessageContaining("rules[0].minSeverity");
        assertThatThrownBy(() -> read(policy("""
                      - id: r1
                        kevOnly: false
                        states: [AFFECTED]
                        unfixedFor: P30D
                        propose: APPLY
                        reason: {en: "x"}
                """))).hasMessageContaining("test.yaml").hasMessageContaining("propose");
        assertThatThrownBy(() -> read(policy("""
                      - id: r1
                        kevOnly: false
                        states: [AFFECTED]
                        unfixedFor: P30D
                        propose: SUSPEND
                        reason: {en: "x"}
                      - id: r1
                        kevOnly: false
                        states: [AFFECTED]
                        unfixedFor: P60D
                        propose: REVOKE
                        reason: {en: "y"}
                """))).hasMessageContaining("rules[1].id").hasMessageContaining("twice");
        assertThatThrownBy(() -> read(policy("").replace("iotseal-surveillance-policy/1", "v2")))
                .hasMessageContaining("format");
    }
}
