package io.iotseal.scheme;

import io.iotseal.catalog.Coded;

/**
 * The label types of ISO/IEC 27404 Annex A: a static label (all information printed), a dynamic label
 * (information online, reached by a link or code) or both (a printed mark with a code to current information).
 */
public enum Modality implements Coded {
    STATIC,
    DYNAMIC,
    BOTH;
}
