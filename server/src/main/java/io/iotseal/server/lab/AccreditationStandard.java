package io.iotseal.server.lab;

import io.iotseal.catalog.Coded;

/**
 * The standard a lab's accreditation is against: ISO/IEC 17025 (testing and calibration labs, e.g. a
 * CLS test lab) or ISO/IEC 17065 (product certification bodies, e.g. a Cyber Trust Mark administrator).
 */
public enum AccreditationStandard implements Coded {
    ISO_IEC_17025,
    ISO_IEC_17065
}
