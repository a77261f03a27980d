package io.iotseal.sbom;

/**
 * Something in an otherwise valid SBOM that weakens its use, such as a component without package URL
 * or CPE, which no advisory can then be matched against.
 *
 * @param location where: a JSON pointer ({@code /components/3}) or {@code line N} for XML, or null
 * @param message  what, in plain words
 */
public record SbomWarning(String location, String message) {
}
