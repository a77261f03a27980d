package io.iotseal.crosswalk;

import io.iotseal.catalog.Coded;

/** Whether a mapping comes from a published document or from IoTSeal's own analysis. */
public enum Basis implements Coded {
    PUBLISHED,
    OWN_ANALYSIS;
}
