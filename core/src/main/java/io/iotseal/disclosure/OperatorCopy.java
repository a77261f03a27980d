package io.iotseal.disclosure;

import io.iotseal.catalog.LocalizedText;

/**
 * Whether the scheme operator is copied on vulnerability reports about a labelled product, and why.
 *
 * @param copied         true when the intake routes a copy of each report to the operator
 * @param basis          why, in our words (the scheme's rule, or that it is IoTSeal's default)
 * @param source         the scheme's text; null only for an IoTSeal default
 * @param iotsealDefault true when the scheme says nothing on it
 */
public record OperatorCopy(boolean copied, LocalizedText basis, ClockSource source, boolean iotsealDefault) {
}
