package io.iotseal.coverage;

import io.iotseal.scheme.Recognition;

/**
 * Another way to a level: a recognition rule under which holders of another level get something here
 * (deemed compliance, an equivalent level, waived requirements), with what the same results say about
 * that other level.
 */
public record RecognitionRoute(Recognition recognition, CoverageStatus recognizedLevelStatus) {
}
