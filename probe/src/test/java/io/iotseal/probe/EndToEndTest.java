package io.iotseal.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.CoverageEngine;
import io.iotseal.library.StandardsLoader;
import io.iotseal.probe.campaign.Campaign;
import io.iotseal.probe.campaign.Journal;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.probe.report.CampaignResult;
import io.iotseal.probe.report.OscalResults;
import io.iotseal.probe.report.OscalSchema;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.report.RequirementVerdicts;
import io.iotseal.probe.report.TextReport;
import io.iotseal.probe.sim.SimulatedLab;
import io.iotseal.probe.target.TargetList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": the probe against the simulated weak device reports the default credential as a
 * FAIL of EN 303 645 5.1-1 and JC-STAR S1.1-02 with redacted evidence, passes the well-configured device,
 * and its OSCAL results validate against the official schema.
 */
class EndToEndTest {
    private static SimulatedLab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = SimulatedLab.start();
    }

    @AfterAll
    static void stopLab() throws Exception {
        lab.close();
    }

    private static CampaignResult probe(List<Integer> ports, int ssdpPort, Optional<Set<Integer>> expected,
                                        Optional<Journal> journal) {
        var base = TestProbe.settings(ports);
        var settings = new ProbeSettings(ports, expected, base.timeout(), base.bannerWait(), 8, 0, 4,
                base.credentials().limit(SimulatedLab.CREDENTIALS_FOR_HARDENED), 8, Duration.ofMillis(1200),
                ssdpPort, "/", Set.of());
        return new Campaign(settings, ProgressListener.SILENT, Clock.systemUTC(), journal)
                .run(TargetList.of(List.of("127.0.0.1"), null, false));
    }

    @Test
    void weakDeviceFailsDefaultCredentialWithRedactedEvidenceAndValidOscal() throws Exception {
        CampaignResult result = probe(lab.weakPorts(), lab.ssdpPort(), Optional.empty(), Optional.empty());
        List<Finding> findings = result.devices().getFirst().findings();
        Finding ssh = findings.stream().filter(f -> f.checkId().equals("default-credentials") && f.service().equals("ssh"))
                .findFirst().orElseThrow();
        assertThat(ssh.verdict()).as(ssh.summary() + " " + ssh.evidence()).isEqualTo(Verdict.FAIL);
        assertThat(ssh.requirements()).contains(new RequirementRef("etsi-en-303-645", "5.1-1"),
                new RequirementRef("jc-star-star1", "S1.1-02"));
        String everything = TextReport.render(result) + new OscalResults().json(result, OscalResults.NO_PLAN);
        assertThat(everything).contains("root:[REDACTED]").doesNotContain(SimulatedLab.WEAK_SSH_PASSWORD)
                .doesNotContain("YWRtaW46YWRtaW4="); // admin:admin in Base64
        assertThat(findings).filteredOn(f -> f.verdict() == Verdict.FAIL).extracting(Finding::checkId)
                .contains("default-credentials", "plaintext-management", "tls-protocol-versions", "tls-certificate",
                        "brute-force-resistance", "ssdp-exposure", "information-disclosure");

        var oscal = new OscalResults().document(result, OscalResults.NO_PLAN);
        assertThat(OscalSchema.validate(oscal)).isEmpty();
        var oscalFindings = oscal.at("/assessment-results/results/0/findings");
        assertThat(oscalFindings.findValuesAsText("target-id")).contains("id-5.1-1");
        assertThat(oscal.toString()).contains("\"value\":\"S1.1-02\",\"class\":\"jc-star-star1\"");

        AssessmentResults verdicts = coreResults(result, "jc-star-star1");
        assertThat(verdicts.results()).filteredOn(r -> r.requirement().equals("S1.1-02"))
                .singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(io.iotseal.coverage.Verdict.FAIL));
    }

    /** The probe's per-requirement verdicts, read back by the core and checked against its catalogs. */
    private static AssessmentResults coreResults(CampaignResult result, String catalog) throws Exception {
        var json = new RequirementVerdicts().document(result.devices().getFirst(), catalog);
        AssessmentResults read = new ObjectMapper().treeToValue(json, AssessmentResults.class);
        var library = StandardsLoader.loadBuiltIn();
        read.checkAgainst(library);
        new CoverageEngine(library).infer(read);
        return read;
    }

    @Test
    void wellConfiguredDevicePassesEveryCheck() throws Exception {
        CampaignResult result = probe(lab.hardenedPorts(), TestProbe.unusedUdpPort(), Optional.of(Set.copyOf(lab.hardenedPorts())), Optional.empty());
        List<Finding> findings = result.devices().getFirst().findings();
        assertThat(findings).filteredOn(f -> f.verdict() != Verdict.PASS && f.verdict() != Verdict.NOT_APPLICABLE)
                .as(TextReport.render(result)).isEmpty();
        assertThat(findings).extracting(Finding::checkId).contains("default-credentials", "brute-force-resistance",
                "tls-certificate", "tls-protocol-versions", "open-services", "information-disclosure");
        assertThat(OscalSchema.validate(new OscalResults().document(result, "assessment-plan.json"))).isEmpty();
        assertThat(coreResults(result, "etsi-en-303-645").results()).filteredOn(r -> r.requirement().equals("5.1-1"))
                .singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(io.iotseal.coverage.Verdict.PASS));
    }

    @Test
    void campaignResumesFromItsJournal(@TempDir Path dir) throws Exception {
        Path journalFile = dir.resolve("journal.jsonl");
        CampaignResult first = probe(List.of(lab.hardenedPorts().getFirst()), TestProbe.unusedUdpPort(), Optional.empty(), Optional.of(new Journal(journalFile)));
        assertThat(first.resumed()).isZero();
        assertThat(Files.readAllLines(journalFile)).hasSize(1);
        Files.writeString(journalFile, "{\"target\":\"cut short", java.nio.file.StandardOpenOption.APPEND);

        CampaignResult second = probe(List.of(lab.hardenedPorts().getFirst()), TestProbe.unusedUdpPort(), Optional.empty(), Optional.of(new Journal(journalFile)));
        assertThat(second.resumed()).isEqualTo(1);
        assertThat(second.devices()).hasSize(1);
        assertThat(second.devices().getFirst().findings()).isEqualTo(first.devices().getFirst().findings());
    }
}
