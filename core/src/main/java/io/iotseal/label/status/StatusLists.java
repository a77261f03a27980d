package io.iotseal.label.status;

/**
 * The pair of lists a registry publishes, updated from label states. The revocation bit, once set,
 * is never cleared, whatever the caller asks: revocation is final in the published data too.
 */
public record StatusLists(BitstringStatusList revocation, BitstringStatusList suspension) {
    public StatusLists {
        if (revocation == null || suspension == null || revocation.size() != suspension.size()) {
            throw new IllegalArgumentException("both status lists are needed, of the same size");
        }
    }

    public static StatusLists empty(int entries) {
        return new StatusLists(BitstringStatusList.empty(entries), BitstringStatusList.empty(entries));
    }

    /** The lists after a label at {@code index} took {@code state}. */
    public StatusLists apply(int index, LabelState state) {
        boolean revoked = revocation.get(index) || state.kind() == LabelState.Kind.REVOKED;
        boolean suspended = state.kind() == LabelState.Kind.SUSPENDED;
        return new StatusLists(revocation.with(index, revoked), suspension.with(index, suspended));
    }

    public BitstringStatusList list(StatusPurpose purpose) {
        return purpose == StatusPurpose.REVOCATION ? revocation : suspension;
    }
}
