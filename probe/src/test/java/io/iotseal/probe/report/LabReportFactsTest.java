package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.campaign.Campaign;
import io.iotseal.probe.check.InformationDisclosureCheck;
import io.iotseal.probe.check.OpenServicesCheck;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.SimulatedFtpDevice;
import io.iotseal.probe.target.TargetList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 item 6: every output records tool version, settings, the credential list's version and SHA-256,
 * the operator's authorisation and the time; findings name their TS 103 701 test cases; an assessor's
 * override is kept next to the probe's verdict (ADR 0077).
 */
class LabReportFactsTest {
    private static final String STATEMENT = "Lab order 2026-118, device owner Acme GmbH";

    private static CampaignResult run(int port) {
        var settings = TestProbe.settings(List.of(port), InformationDisclosureCheck.ID, OpenServicesCheck.ID);
        return new Campaign(settings, ProgressListener.SILENT, Clock.systemUTC(), Optional.empty())
                .run(TargetList.of(List.of("127.0.0.1"), null, STATEMENT));
    }

    @Test
    void textJsonAndOscalCarryTheRunFacts() throws Exception {
        try (var ftp = new SimulatedFtpDevice("admin", "x", false, "(vsFTPd 3.0.3)")) {
            CampaignResult result = run(ftp.port());
            RunFacts facts = result.facts();
            assertThat(facts.toolVersion()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
            assertThat(facts.authorization()).isEqualTo(STATEMENT);
            assertThat(facts.credentialLists()).singleElement().satisfies(l -> {
                assertThat(l.name()).isEqualTo("IoTSeal built-in list");
                assertThat(l.version()).isEqualTo("1");
                assertThat(l.sha256()).matches("[0-9a-f]{64}");
            });
            String sha = facts.credentialLists().getFirst().sha256();

            String text = TextReport.render(result);
            assertThat(text).contains(RunFacts.TOOL + " " + facts.toolVersion()).contains("authorisation: " + STATEMENT)
                    .contains("sha256 " + sha).contains("timeout=1500 ms").contains(result.started().toString())
                    .contains("evidence for: TS 103 701 5.6-2-2 (unverified)");

            JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(result));
            assertThat(json.at("/facts/authorization").asText()).isEqualTo(STATEMENT);
            assertThat(json.at("/facts/credentialLists/0/sha256").asText()).isEqualTo(sha);
            assertThat(json.at("/facts/settings/timeout").asText()).isEqualTo("1500 ms");
            assertThat(json.at("/devices/0/findings/0/testCases/0/id").asText()).isNotBlank();

            JsonNode oscal = new OscalResults().document(result, OscalResults.NO_PLAN);
            assertThat(OscalSchema.validate(oscal)).isEmpty();
            String props = oscal.at("/assessment-results/metadata/props").toString();
            assertThat(props).contains(STATEMENT).contains(sha).contains(facts.toolVersion());
            assertThat(oscal.toString()).contains("ts-103-701-test-case");
        }
    }

    @Test
    void overrideKeepsTheProbesVerdictNextToTheAssessorsAndMustMatchAFinding(@TempDir Path dir) throws Exception {
        try (var ftp = new SimulatedFtpDevice("admin", "x", false, "(vsFTPd 3.0.3)")) {
            CampaignResult result = run(ftp.port());
            assertThat(verdictOf(result, InformationDisclosureCheck.ID)).isEqualTo(Verdict.FAIL);
            Path file = dir.resolve("overrides.yaml");
            Files.writeString(file, "overrides:\n  - check: information-disclosure\n    port: " + ftp.port()
                    + "\n    verdict: PASS\n    justification: \"Banner shows the public product name only\"\n"
                    + "    assessor: \"A. Assessor\"\n");
            CampaignResult overridden = Overrides.load(file).apply(result);
            var f = overridden.devices().getFirst().findings().stream()
                    .filter(x -> x.checkId().equals(InformationDisclosureCheck.ID)).findFirst().orElseThrow();
            assertThat(f.verdict()).isEqualTo(Verdict.PASS);
            assertThat(f.override().original()).isEqualTo(Verdict.FAIL);
            assertThat(TextReport.render(overridden)).contains("the probe said FAIL; justification: Banner shows")
                    .contains("assessor overrides: " + file);
            JsonNode oscal = new OscalResults().document(overridden, OscalResults.NO_PLAN);
            assertThat(OscalSchema.validate(oscal)).isEmpty();
            assertThat(oscal.toString()).contains("probe-verdict").contains("from FAIL to PASS");

            Files.writeString(file, "overrides:\n  - check: information-disclosure\n    port: 1\n    verdict: PASS\n"
                    + "    justification: \"typo\"\n");
            assertThatThrownBy(() -> Overrides.load(file).apply(result)).hasMessageContaining("matches no finding");
            Files.writeString(file, "overrides:\n  - check: information-disclosure\n    verdict: MAYBE\n    justification: x\n");
            assertThatThrownBy(() -> Overrides.load(file)).hasMessageContaining("entry 1").hasMessageContaining("'verdict'");
        }
    }

    private static Verdict verdictOf(CampaignResult result, String check) {
        return result.devices().getFirst().findings().stream().filter(f -> f.checkId().equals(check))
                .findFirst().orElseThrow().verdict();
    }
}
