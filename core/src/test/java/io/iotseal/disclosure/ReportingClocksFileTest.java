package io.iotseal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.library.YamlFiles.DataFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad clocks file is refused when loaded, each error naming the file, the line and the field. */
class ReportingClocksFileTest {
    private static final List<String> KNOWN = List.of("jc-star", "sg-cls", "de-bsi-label");

    /** A small valid file; its lines are numbered in the comments the tests rely on. */
    private static final String VALID = """
            format: iotseal-reporting-clocks/1
            dataVersion: 1
            dueSoon:
              fraction: 0.25
              iotsealDefault: true
              basis: {en: "ours"}
            regimes:
              - id: law
                name: {en: "A law"}
                appliesFrom: "2026-09-11T00:00:00Z"
                source: {citation: "Law, Art. 1", url: "https://example.org/law"}
                clocks:
                  - id: warn
                    start: EXPLOITATION_KNOWN
                    metBy: EARLY_WARNING_SUBMITTED
                    within: PT24H
                    duty: {en: "Warn"}
                    source: {citation: "Law, Art. 1(a)"}
                    iotsealDefault: false
            schemes:
              - scheme: jc-star
                operatorCopied: {value: true, iotsealDefault: false, basis: {en: "rule"}, source: {citation: "IPA"}}
                clocks:
                  - id: ack
                    start: REPORT_RECEIVED
                    metBy: ACKNOWLEDGED
                    within: P7D
                    duty: {en: "Acknowledge"}
                    iotsealDefault: true
              - scheme: default
                operatorCopied: {value: false, iotsealDefault: true, basis: {en: "ours"}}
                clocks:
                  - id: ack
                    start: REPORT_RECEIVED
                    metBy: ACKNOWLEDGED
                    within: P7D
                    duty: {en: "Acknowledge"}
                    iotsealDefault: true
            """;

    private static ReportingClocks read(String yaml) {
        return ReportingClocks.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", KNOWN);
    }

    private static String replace(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void theHandMadeFileLoads() {
        ReportingClocks clocks = read(VALID);
        assertThat(clocks.regimes()).singleElement().satisfies(r -> assertThat(r.clocks()).hasSize(1));
        assertThat(clocks.forScheme("jc-star").clocks()).singleElement()
                .satisfies(c -> assertThat(c.within().text()).isEqualTo("P7D"));
    }

    @Test
    void aSchemeTheStandardsLibraryDoesNotKnowIsRefusedAtItsLine() {
        assertThatThrownBy(() -> read(replace("scheme: jc-star", "scheme: jc-stars")))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("test.yaml: line 21: schemes[0].scheme: 'jc-stars' is not a scheme");
    }

    @Test
    void aLengthThatIsNotIso8601IsRefusedAtItsLine() {
        assertThatThrownBy(() -> read(replace("within: PT24H", "within: 24h")))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("test.yaml: line 16: regimes[0].clocks[0].within: '24h' is not an ISO-8601 length");
        assertThatThrownBy(() -> read(replace("within: PT24H", "within: PT0H")))
                .hasMessageStartingWith("test.yaml: line 16: regimes[0].clocks[0].within: 'PT0H' must be longer than zero");
    }

    @Test
    void anUnknownMomentIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> read(replace("metBy: EARLY_WARNING_SUBMITTED", "metBy: WARNED")))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("test.yaml: line 15: regimes[0].clocks[0].metBy")
                .hasMessageContaining("'WARNED' is not one of").hasMessageContaining("EARLY_WARNING_SUBMITTED");
    }

    @Test
    void aClockMetByItsOwnStartIsRefused() {
        assertThatThrownBy(() -> read(replace("metBy: EARLY_WARNING_SUBMITTED", "metBy: EXPLOITATION_KNOWN")))
                .hasMessageStartingWith("test.yaml: line 15: regimes[0].clocks[0].metBy: a clock cannot be met by");
    }

    @Test
    void aLawClockWithoutASourceIsRefusedButADefaultNeedsNone() {
        assertThatThrownBy(() -> read(replace("        source: {citation: \"Law, Art. 1(a)\"}\n", "")))
                .hasMessageStartingWith("test.yaml: line 13: regimes[0].clocks[0].source: a source is required");
    }

    @Test
    void aClockIdGivenTwiceIsRefusedAtTheSecond() {
        String secondAck = "      - id: ack\n        start: REPORT_RECEIVED\n        metBy: DISCLOSED\n"
                + "        within: P90D\n        duty: {en: \"Disclose\"}\n        iotsealDefault: true\n";
        String twice = VALID.replace("  - scheme: default\n", secondAck + "  - scheme: default\n");
        assertThatThrownBy(() -> read(twice))
                .hasMessageStartingWith("test.yaml: line 30: schemes[0].clocks[1].id: 'ack' appears twice");
    }

    @Test
    void theDefaultSchemeEntryIsRequired() {
        String withoutDefault = VALID.substring(0, VALID.indexOf("  - scheme: default"));
        assertThatThrownBy(() -> read(withoutDefault))
                .hasMessageStartingWith("test.yaml: line 20: schemes: an entry for scheme 'default' is required");
    }

    @Test
    void aDueSoonShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> read(replace("fraction: 0.25", "fraction: 1.5")))
                .hasMessageStartingWith("test.yaml: line 4: dueSoon.fraction: a share between 0 and 1");
    }

    @Test
    void anUnknownFieldAndAWrongFormatAreRefused() {
        assertThatThrownBy(() -> read(replace("    within: P7D\n", "    within: P7D\n        hours: 3\n")))
                .hasMessageStartingWith("test.yaml: line 28: schemes[0].clocks[0].hours");
        assertThatThrownBy(() -> read(replace("iotseal-reporting-clocks/1", "iotseal-reporting-clocks/2")))
                .hasMessageStartingWith("test.yaml: line 1: format: expected 'iotseal-reporting-clocks/1'");
    }
}
