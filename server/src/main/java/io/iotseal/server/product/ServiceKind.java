package io.iotseal.server.product;

/** Kinds of service a device depends on, all inside the assessment's scope with the device. */
public enum ServiceKind {
    CLOUD, APP, HUB
}
