package io.iotseal.probe.survey.nats;

/**
 * A campaign's state in the key-value bucket. Workers read it before each item and while probing one:
 * PAUSED holds the item (finish the addresses in flight, start no new one, keep the item with
 * in-progress heartbeats), CANCELLED drops it, DONE and CANCELLED are final.
 */
public enum CampaignState {
    RUNNING, PAUSED, CANCELLED, DONE;

    public boolean isFinal() {
        return this == CANCELLED || this == DONE;
    }
}
