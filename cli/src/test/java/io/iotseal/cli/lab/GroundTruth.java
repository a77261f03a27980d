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
 * What a lab assessor who configured a device knows to be true of it, written before the probe ran:
 * for each check and port the verdict a correct probe gives, and why. Read from {@code devices/NAME.yaml}.
 *
 * @param device   the device name (also the file name)
 * @param daemon   what runs on the device, in words
 * @param options  extra {@code iotseal probe} options the lab would pass (e.g. the documented ports)
 * @param reached  false for a device the probe cannot reach: then it may claim no verdict at all
 * @param exitCode the exit code of {@code iotseal probe}, or null when only "neither 0 nor 4" is known
 * @param verdicts every finding the probe must produce, and only those
 */
public record GroundTruth(String device, String daemon, List<String> options, boolean reached,
                          @JsonProperty("exit-code") Integer exitCode, List<Expected> verdicts) {
    public GroundTruth {
        Objects.requireNonNull(device, "device");
        options = options == null ? List.of() : List.copyOf(options);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    /** One expected finding: {@code port} 0 for a finding about the whole device. */
    public record Expected(String check, int port, String verdict, String why) {
        public Expected {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(verdict, "verdict");
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("ground truth for " + check + ":" + port + " must say why");
            }
        }

        public String key() {
            return check + ":" + port;
        }
    }

    public static GroundTruth load(String device) {
        String resource = "/devices/" + device + ".yaml";
        try (InputStream in = GroundTruth.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no ground truth " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, GroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
