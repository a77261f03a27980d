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

    /**
     * Both lists as signed status list credentials, at the registry's URLs: what it serves (with
     * Cache-Control max-age from {@code ttl}) after every change and before {@code validity} runs out.
     */
    public java.util.Map<StatusPurpose, String> sign(io.iotseal.label.RegistryUrls urls, java.time.Instant issued,
                                                     java.time.Duration validity, java.time.Duration ttl,
                                                     io.iotseal.label.keys.SigningKey key) {
        java.util.Map<StatusPurpose, String> signed = new java.util.EnumMap<>(StatusPurpose.class);
        for (StatusPurpose purpose : StatusPurpose.values()) {
            signed.put(purpose, StatusListCredential.sign(urls.statusListUrl(purpose), urls.issuer(), purpose,
                    list(purpose), issued, validity, ttl, key));
        }
        return signed;
    }

    public BitstringStatusList list(StatusPurpose purpose) {
        return purpose == StatusPurpose.REVOCATION ? revocation : suspension;
    }
}
