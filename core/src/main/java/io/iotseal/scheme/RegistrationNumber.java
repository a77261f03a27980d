package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import java.util.List;

/** The format of the registration number a scheme prints on its labels. */
public record RegistrationNumber(String format, Confidence confidence, List<String> sources) {
    public RegistrationNumber {
        required(format, "format");
        required(confidence, "confidence");
        sources = listOrEmpty(sources);
    }
}
