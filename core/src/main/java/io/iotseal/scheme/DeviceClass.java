package io.iotseal.scheme;

import io.iotseal.catalog.Coded;

/** Kinds of device that a scheme's product scope may leave out by name. */
public enum DeviceClass implements Coded {
    GENERAL_PURPOSE_COMPUTER,
    SMARTPHONE,
    TABLET;
}
