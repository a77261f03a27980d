package io.iotseal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end, in-process, on the built-in data and the shipped examples. */
class CliTest {
    static final Path EXAMPLES = Path.of("..", "examples");
    @TempDir Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void catalogShowListsAll78ProvisionsOfEn303645() {
        Run run = run("catalog", "show", "etsi-en-303-645");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("5.0-1", "5.1-5", "M C F(14,e)", "6-8");
        long rows = run.out().lines().filter(l -> l.matches("^(5\\.\\d+|6)-\\w+\\s.*")).count();
        assertThat(rows).isEqualTo(78);
    }

    @Test
    void catalogShowInJapaneseUsesJapaneseTitlesWhereTheyExist() {
        Run run = run("catalog", "show", "jc-star-star1", "--lang", "ja");
        assertThat(run.out()).contains("共通でないデフォルトパスワード", "Brute-force resistance [en]", "(not retrieved)");
    }

    @Test
    void coverageOfTheStar1ExampleShowsEn303645AndPstiWithChains() {
        Run run = run("coverage", "--results", EXAMPLES.resolve("star1-home-camera-results.yaml").toString(),
                "--target", "etsi-en-303-645", "--target", "uk-psti:compliance");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("== etsi-en-303-645", "== uk-psti:compliance",
                "jc-star-star1#S1.1-02 pass -> ", "-> etsi-en-303-645#5.1-1", "-> uk-psti#1");
    }

    @Test
    void coverageFromEn303645ReachesStar1ThroughTwoCrosswalks() {
        Run run = run("coverage", "--results", EXAMPLES.resolve("en303645-router-results.yaml").toString(),
                "--target", "jc-star:star-1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "etsi-en-303-645#5.3-13 pass -> superset-of -> uk-psti#3 -> superset-of -> jc-star-star1#S1.1-16",
                "Recognition: holders of uk-psti:compliance get waives-requirements here");
    }

    @Test
    void coverageJsonCarriesTheChain() throws IOException {
        Run run = run("coverage", "--json", "--results", EXAMPLES.resolve("star1-home-camera-results.yaml").toString(),
                "--target", "uk-psti");
        JsonNode json = Json.MAPPER.readTree(run.out());
        JsonNode first = json.get("targets").get(0).get("requirements").get(0);
        assertThat(first.get("requirement").asText()).isEqualTo("1");
        assertThat(first.get("inference").get("chain").get(0).get("from").asText()).startsWith("jc-star-star1#");
    }

    @Test
    void applicabilityOfTheExampleCamera() {
        Run run = run("applicability", "--catalog", "etsi-en-303-645", "--features",
                EXAMPLES.resolve("home-camera-features.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("5.4-2", "not applicable", "feature l absent");
    }

    @Test
    void unsupportedLanguageIsAnError() {
        Run run = run("scheme", "list", "--lang", "fr");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--lang: 'fr' is not supported; use en or ja");
    }

    @Test
    void unknownCatalogExitsWithTwoAndListsKnownOnes() {
        Run run = run("catalog", "show", "etsi-en-999");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown catalog 'etsi-en-999'", "etsi-en-303-645");
    }

    @Test
    void unknownSchemeLevelIsAnError() {
        Run run = run("coverage", "--results", EXAMPLES.resolve("star1-home-camera-results.yaml").toString(),
                "--target", "jc-star:star-9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown level of jc-star 'star-9'", "star-1");
    }

    @Test
    void resultsNamingRequirementsThatDoNotExistAreRejected() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                format: iotseal-results/1
                catalog: jc-star-star1
                results:
                  - {requirement: S1.1-01, verdict: pass}
                  - {requirement: S1.1-99, verdict: pass}
                """);
        Run run = run("coverage", "--results", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ": line 5: requirement 'S1.1-99' does not exist in catalog 'jc-star-star1'");
    }

    @Test
    void aBadVerdictNamesTheAcceptedValuesNotAJavaType() throws IOException {
        Path bad = dir.resolve("verdict.yaml");
        Files.writeString(bad, """
                format: iotseal-results/1
                catalog: jc-star-star1
                results:
                  - requirement: S1.1-01
                    verdict: passed
                """);
        Run run = run("coverage", "--results", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 5: results[0].verdict: 'passed' is not one of pass,")
                .doesNotContain("io.iotseal", "`", "Cannot deserialize");
    }

    @Test
    void malformedResultsFileNamesLineAndField() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                format: iotseal-results/1
                catalog: jc-star-star1
                results:
                  - {requirement: S1.1-01, verdict: passed}
                """);
        Run run = run("coverage", "--results", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 4", "results[0].verdict", "passed");
    }

    @Test
    void missingFileIsAClearError() {
        Run run = run("coverage", "--results", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--results: file not found");
    }

    @Test
    void brokenDataFolderExitsWithThree() throws IOException {
        Files.writeString(dir.resolve("index.yaml"), "format: iotseal-index/1\ncatalogs: [catalogs/x.yaml]\n");
        Run run = run("catalog", "list", "--data", dir.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("catalogs/x.yaml: file not found");
    }

    @Test
    void crosswalkReadsInEitherDirection() {
        Run forward = run("crosswalk", "uk-psti", "etsi-en-303-645");
        Run backward = run("crosswalk", "etsi-en-303-645", "uk-psti");
        assertThat(forward.exitCode()).isZero();
        assertThat(forward.out()).contains("subset-of");
        assertThat(backward.out()).contains("superset-of", "(read in reverse)");
    }

    @Test
    void exportWritesOneFilePerCatalogAndCrosswalk() throws IOException {
        Run run = run("export", "oscal", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("etsi-en-303-645.oscal.json", "uk-psti--etsi-en-303-645.mapping.oscal.json");
        }
    }
}
