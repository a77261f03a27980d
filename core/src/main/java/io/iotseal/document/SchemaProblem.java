package io.iotseal.document;

/** One problem a schema (or the CycloneDX library) found: where (a JSON pointer, {@code line 12, column 5}, or null) and what. */
public record SchemaProblem(String location, String message) {
}
