package io.iotseal.cli.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What a survey must observe of a lab device, written from its configuration in {@link LabDevices} before any
 * survey ran: {@code devices/NAME.survey.yaml}, next to the device's probe ground truth. A survey tries only the
 * scope's few credential pairs and no stream path or documented ports, so some verdicts differ from the lab
 * probe's; each entry says why.
 *
 * @param device             the device name
 * @param reached            whether a survey reaches the device (false for the drop-all device and the opted-out one)
 * @param optedOut           the device's address is on the campaign's opt-out list: no packet may reach it
 * @param defaultCredentials every default-credentials finding the survey must produce, and only those
 * @param fingerprints       fingerprints the observation must contain (others may be there too)
 * @param knownGaps          what is true of the device but a correct survey with this scope cannot observe, in
 *                           words (reported with every run, never compared)
 */
public record SurveyGroundTruth(String device, boolean reached, @JsonProperty("opted-out") boolean optedOut,
                                @JsonProperty("default-credentials") List<Verdict> defaultCredentials,
                                List<Print> fingerprints, @JsonProperty("known-gaps") List<String> knownGaps) {
    public SurveyGroundTruth {
        Objects.requireNonNull(device, "device");
        defaultCredentials = defaultCredentials == null ? List.of() : List.copyOf(defaultCredentials);
        fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
        knownGaps = knownGaps == null ? List.of() : List.copyOf(knownGaps);
        if (!reached && (!defaultCredentials.isEmpty() || !fingerprints.isEmpty())) {
            throw new IllegalArgumentException(device + ": a device not reached has no verdicts and no fingerprints");
        }
    }

    /** A default-credentials verdict on one port (0: the whole device), with the reason from the configuration. */
    public record Verdict(int port, String verdict, String why) {
        public Verdict {
            Objects.requireNonNull(verdict, "verdict");
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("default-credentials:" + port + " must say why");
            }
        }
    }

    /**
     * A fingerprint whose value is {@code value}, or starts with {@code prefix} and contains {@code contains}
     * (each may be absent).
     */
    public record Print(String kind, int port, String value, String prefix, String contains, String why) {
        public Print {
            Objects.requireNonNull(kind, "kind");
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("fingerprint " + kind + ":" + port + " must say why");
            }
        }

        public boolean matches(String observed) {
            return (value == null || observed.equals(value)) && (prefix == null || observed.startsWith(prefix))
                    && (contains == null || observed.contains(contains));
        }

        @Override
        public String toString() {
            return kind + ":" + port + (value == null ? "" : " '" + value + "'") + (prefix == null ? "" : " starting '" + prefix + "'")
                    + (contains == null ? "" : " containing '" + contains + "'");
        }
    }

    public static SurveyGroundTruth load(String device) {
        String resource = "/devices/" + device + ".survey.yaml";
        try (InputStream in = SurveyGroundTruth.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no survey ground truth " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, SurveyGroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
