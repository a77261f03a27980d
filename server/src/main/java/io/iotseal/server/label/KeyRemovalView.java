package io.iotseal.server.label;

/**
 * What removing a key did: the labels it signed ({@code labelsAffected}) no longer verify against the
 * published keys and must be re-issued (ADR 0051); the keys as they are now.
 */
public record KeyRemovalView(String removedKid, long labelsAffected, String consequence, KeyListView keys) {
}
