package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import java.util.List;

/** The format of the registration number a scheme prints on its labels; absent when not retrieved. */
public record RegistrationNumber(String format, Confidence confidence, List<String> sources) {
    public RegistrationNumber {
        required(confidence, "confidence");
        if (confidence != Confidence.NOT_RETRIEVED) {
            required(format, "format");
        }
        sources = listOrEmpty(sources);
    }
}
