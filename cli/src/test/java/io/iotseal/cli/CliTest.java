package io.iotseal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.scheme.LevelRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
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

    /**
     * Issue 12: IPA accepts a PSTI-compliant product as a whole for S1.1-16, not PSTI requirement 3 for it, and
     * S1.1-16 is known only by its title. Before the fix the chain 5.3-13 -> PSTI 3 -> S1.1-16 made it "met".
     */
    @Test
    void coverageFromEn303645NoLongerClaimsS1116MetThroughPsti() {
        Run run = run("coverage", "--results", EXAMPLES.resolve("en303645-router-results.yaml").toString(),
                "--target", "jc-star:star-1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String s1116 = run.out().lines().filter(l -> l.startsWith("S1.1-16")).findFirst().orElseThrow();
        assertThat(s1116).contains("partially met", "etsi-en-303-645#5.3-13 pass -> intersects-with -> jc-star-star1#S1.1-16");
        assertThat(run.out()).doesNotContain("-> uk-psti#3 -> superset-of -> jc-star-star1#S1.1-16")
                .contains("Recognition: holders of uk-psti:compliance get waives-requirements here");
    }

    @Test
    void catalogShowSaysWhoseWordsTheTitlesAre() {
        assertThat(run("catalog", "show", "jc-star-star1", "--lang", "ja").out())
                .contains("Titles in ja are the document's own where given");
        assertThat(run("catalog", "show", "etsi-en-303-645").out())
                .contains("Titles and paraphrases are IoTSeal's own words");
    }

    /** BSI-ITSiKV §8(1): two years is the regular term, not a maximum; CLS keeps its cap at the support period. */
    @Test
    void schemeListShowsARegularTermApartFromAMaximum() {
        String out = run("scheme", "list").out();
        assertThat(out.lines().filter(l -> l.startsWith("de-bsi-label:label")).findFirst().orElseThrow())
                .contains("regularly P2Y");
        assertThat(out.lines().filter(l -> l.startsWith("sg-cls:level-1")).findFirst().orElseThrow())
                .contains("P3Y, capped at support end");
    }

    @Test
    void coverageFromV2PassOfWidenedProvisionsIsNotV3Met() throws IOException {
        Path v2 = dir.resolve("v2-results.yaml");
        Files.writeString(v2, """
                format: iotseal-results/1
                product: "test device"
                catalog: etsi-en-303-645-v2
                results:
                  - {requirement: "6-1", verdict: pass}
                  - {requirement: "5.5-8", verdict: pass}
                  - {requirement: "5.11-1", verdict: pass}
                  - {requirement: "5.3-13", verdict: pass}
                """);
        Run run = run("coverage", "--results", v2.toString(), "--target", "etsi-en-303-645");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String id : new String[] {"6-1 ", "5.5-8 ", "5.11-1 "}) {
            assertThat(run.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow()).contains("partially met");
        }
        // positive control: identical texts carry the pass
        assertThat(run.out().lines().filter(l -> l.startsWith("5.3-13 ")).findFirst().orElseThrow())
                .contains(" met ", "equal-to");
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
    void catalogListShowsEveryBuiltInCatalogWithItsSize() throws IOException {
        StandardsLibrary library = StandardsLoader.loadBuiltIn();
        Run table = run("catalog", "list");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(library.catalogs()).isNotEmpty().allSatisfy(c -> assertThat(table.out())
                .containsPattern("(?m)^" + Pattern.quote(c.id()) + "\\s+" + Pattern.quote(c.version()) + "\\s+"
                        + c.requirements().size() + "\\s"));

        Run json = run("catalog", "list", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode list = Json.MAPPER.readTree(json.out());
        assertThat(list).hasSize(library.catalogs().size());
        JsonNode en303645 = find(list, "id", "etsi-en-303-645");
        assertThat(en303645.get("requirements").asInt()).isEqualTo(78);
        assertThat(en303645.get("name").get("en").asText()).isNotBlank();
    }

    @Test
    void schemeListShowsEveryLevelWithItsRouteAndTheRecognitions() throws IOException {
        StandardsLibrary library = StandardsLoader.loadBuiltIn();
        Run table = run("scheme", "list");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(library.schemes()).isNotEmpty().allSatisfy(s -> assertThat(s.levels()).isNotEmpty()
                .allSatisfy(l -> assertThat(table.out()).containsPattern("(?m)^" + Pattern.quote(s.id() + ":" + l.id())
                        + "\\s+" + Pattern.quote(l.assessment().code()) + "\\s")));
        assertThat(table.out()).contains("RECOGNIZER");

        Run json = run("scheme", "list", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode levels = Json.MAPPER.readTree(json.out());
        assertThat(levels).hasSize(library.schemes().stream().mapToInt(s -> s.levels().size()).sum());
        JsonNode star1 = find(levels, "level", "jc-star:star-1");
        assertThat(star1.get("requirements").asInt())
                .isEqualTo(library.levelRequirements(LevelRef.parse("jc-star:star-1")).requirements().size())
                .isPositive();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
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
