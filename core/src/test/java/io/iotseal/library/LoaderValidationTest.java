package io.iotseal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad data file fails the whole load with a message naming the file, line or field. */
class LoaderValidationTest {
    @TempDir Path dir;

    @Test
    void theSmallFixtureLoads() {
        StandardsLibrary library = Fixtures.small();
        assertThat(library.catalogs()).hasSize(3);
        assertThat(library.crosswalks()).hasSize(3);
        assertThat(library.levelRefs()).containsExactly("s:l1", "s:l2");
    }

    private StandardsDataException loadBroken(String file, String find, String replace) {
        Path data = Fixtures.brokenCopy(dir, file, find, replace);
        try {
            StandardsLoader.loadFrom(data);
        } catch (StandardsDataException e) {
            return e;
        }
        throw new AssertionError("the broken data loaded without error");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        var e = loadBroken("catalogs/b.yaml", "kind: standard", "kind: [standard");
        assertThat(e.problems()).singleElement().asString().startsWith("catalogs/b.yaml: line ");
    }

    @Test
    void duplicateRequirementIdIsRejected() {
        var e = loadBroken("catalogs/a.yaml", "{id: A-2,", "{id: A-1,");
        assertThat(e.getMessage()).contains("catalogs/a.yaml", "requirements: duplicate id 'A-1'");
    }

    @Test
    void unknownFieldIsNamed() {
        var e = loadBroken("catalogs/c.yaml", "publisher: IoTSeal tests", "publisher: IoTSeal tests\nauthor: someone");
        assertThat(e.getMessage()).contains("catalogs/c.yaml: line 9: author", "Unrecognized field \"author\"");
    }

    @Test
    void statusReferencingUndeclaredFeatureIsRejected() {
        var e = loadBroken("catalogs/a.yaml", "status: \"M F(a)\"", "status: \"M F(zz)\"");
        assertThat(e.getMessage()).contains("catalogs/a.yaml", "requirements[id=A-2].status: feature 'zz' is not declared");
    }

    @Test
    void badStatusNotationIsExplained() {
        var e = loadBroken("catalogs/a.yaml", "status: \"M F(a)\"", "status: \"Mandatory\"");
        assertThat(e.getMessage()).contains("requirements[1].status", "not in the notation");
    }

    @Test
    void danglingCrosswalkReferenceNamesMappingAndRequirement() {
        var e = loadBroken("crosswalks/a--b.yaml", "{source: A-4, target: B-4", "{source: A-4, target: B-99");
        assertThat(e.getMessage()).contains("crosswalks/a--b.yaml: mappings[A-4 -> B-99].target: requirement 'B-99' does not exist in catalog 'b'");
    }

    @Test
    void mappingARequirementWithUnknownContentIsRejected() {
        var e = loadBroken("crosswalks/a--c.yaml", "target: C-3", "target: C-5");
        assertThat(e.getMessage()).contains("'C-5' has no known content");
    }

    /** Positive control: {@link #theSmallFixtureLoads()} loads a--b's equal-to whose note says "Texts compared". */
    @Test
    void equalToWhoseNoteSaysTheTextsWereNotComparedIsRejected() {
        var e = loadBroken("crosswalks/a--b.yaml", "note: \"Texts compared: the same words.\"",
                "note: \"Same ID and status; the texts were not compared word for word.\"");
        assertThat(e.getMessage()).contains("crosswalks/a--b.yaml",
                "relationship equal-to needs a note saying the texts were compared");
    }

    @Test
    void equalToWithoutAnyWordOfComparisonIsRejected() {
        var e = loadBroken("crosswalks/a--b.yaml", "note: \"Texts compared: the same words.\"",
                "note: \"Same ID, assumed unchanged.\"");
        assertThat(e.getMessage()).contains("relationship equal-to needs a note saying the texts were compared");
    }

    @Test
    void equalToWithASemanticRationaleIsRejected() {
        var e = loadBroken("crosswalks/a--b.yaml", "relationship: equal-to, rationale: syntactic",
                "relationship: equal-to, rationale: semantic");
        assertThat(e.getMessage()).contains("equal-to claims the same words, so its rationale must be 'syntactic'");
    }

    @Test
    void crosswalkToUnloadedCatalogIsRejected() {
        var e = loadBroken("crosswalks/b--c.yaml", "target: c", "target: d");
        assertThat(e.getMessage()).contains("crosswalks/b--c.yaml: target: catalog 'd' is not loaded");
    }

    @Test
    void schemeLevelNamingMissingRequirementIsRejected() {
        var e = loadBroken("schemes/s.yaml", "ids: [B-1, B-2]", "ids: [B-1, B-7]");
        assertThat(e.getMessage()).contains("schemes/s.yaml", "levels[id=l1]", "requirement 'B-7' does not exist");
    }

    @Test
    void recognitionOfUnknownLevelIsRejected() {
        var e = loadBroken("recognitions.yaml", "recognized: \"s:l1\"", "recognized: \"s:l9\"");
        assertThat(e.getMessage()).contains("recognitions.yaml: recognitions[id=s-l2-equals-s-l1]: scheme 's' has no level 'l9'");
    }

    @Test
    void waiverOfARequirementOutsideTheRecognizerLevelIsRejected() {
        // B-1 exists but belongs to l1; the recognizer is l2, which includes l1 — so use an l1 recognizer.
        var e = loadBroken("recognitions.yaml", "recognizer: \"s:l2\", recognized: \"s:l1\"",
                "recognizer: \"s:l1\", recognized: \"s:l2\"");
        assertThat(e.getMessage()).contains("recognitions.yaml: recognitions[id=s-l2-equals-s-l1].waives: requirement 'c#C-1'"
                + " is not a requirement of the recognizer level 's:l1'");
    }

    @Test
    void waiverWithoutSupportingDocumentIsRejected() {
        var e = loadBroken("recognitions.yaml", "supportingDocument: {en: \"Fixture certificate\"}, ", "");
        assertThat(e.getMessage()).contains("recognitions.yaml", "needs 'supportingDocument'");
    }

    @Test
    void waiverWithoutStartDateIsRejected() {
        var e = loadBroken("recognitions.yaml", ", effective: \"2026-01-01\"", "");
        assertThat(e.getMessage()).contains("recognitions.yaml", "needs 'effective'");
    }

    @Test
    void labReviewNeedsADeclaredSource() {
        var undeclared = loadBroken("schemes/s.yaml", "    assessment: self-declaration\n",
                "    assessment: self-declaration\n    labReview: {effective: \"2025-04-01\", confidence: unverified, sources: [T9]}\n");
        assertThat(undeclared.getMessage()).contains("schemes/s.yaml", "levels[id=l1]", "source 'T9' is not declared");
    }

    @Test
    void labReviewIsRefusedOnAThirdPartyLevel() {
        var thirdParty = loadBroken("schemes/s.yaml", "    assessment: third-party\n",
                "    assessment: third-party\n    labReview: {effective: \"2025-04-01\", confidence: unverified, sources: [T1]}\n");
        assertThat(thirdParty.getMessage()).contains("schemes/s.yaml", "labReview is a variant of a self-declared route");
    }

    @Test
    void missingFileListedInIndexIsReported() {
        var e = loadBroken("index.yaml", "schemes/s.yaml", "schemes/missing.yaml");
        assertThat(e.getMessage()).contains("schemes/missing.yaml: file not found");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Path data = Fixtures.brokenCopy(dir, "catalogs/a.yaml", "{id: A-2,", "{id: A-1,");
        Fixtures.brokenCopy(dir.resolve("unused"), "index.yaml", "x", "x"); // ensure helper tolerates reuse
        try {
            java.nio.file.Files.writeString(data.resolve("catalogs/b.yaml"),
                    java.nio.file.Files.readString(data.resolve("catalogs/b.yaml")).replace("kind: standard", "kind: novel"));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        assertThatThrownBy(() -> StandardsLoader.loadFrom(data))
                .isInstanceOf(StandardsDataException.class)
                .satisfies(ex -> assertThat(((StandardsDataException) ex).problems()).hasSize(2));
    }

    @Test
    void levelNotFoundListsTheKnownLevels() {
        assertThatThrownBy(() -> Fixtures.small().requireLevel(io.iotseal.scheme.LevelRef.parse("s:l7")))
                .hasMessageContaining("unknown level of s 'l7'; known: l1, l2");
    }
}
