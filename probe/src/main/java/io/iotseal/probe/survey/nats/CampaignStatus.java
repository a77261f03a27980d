package io.iotseal.probe.survey.nats;

/**
 * A campaign's progress, counted from the streams themselves (ADR 0104).
 *
 * @param state          as in the bucket
 * @param items          work items the scope is cut into
 * @param itemsPublished items on the work stream so far
 * @param itemsRemaining items not yet acknowledged (the work-queue stream drops an item when it is acked)
 * @param itemsInFlight  items a worker holds right now
 * @param observations   observations in the results stream (one per address: duplicates are dropped by message id)
 * @param addresses      addresses in the scope
 */
public record CampaignStatus(String campaign, CampaignState state, long items, long itemsPublished, long itemsRemaining,
                             long itemsInFlight, long observations, long addresses) {
    public long itemsDone() {
        return itemsPublished - itemsRemaining;
    }

    public String summary() {
        return "%s %s: items %d/%d done (%d in flight), observations %d of %d addresses".formatted(campaign, state,
                itemsDone(), items, itemsInFlight, observations, addresses);
    }
}
