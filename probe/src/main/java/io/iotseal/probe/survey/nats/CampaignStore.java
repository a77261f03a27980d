package io.iotseal.probe.survey.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.StorageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The campaigns' key-value bucket: scope, meta data, state (changed with compare-and-set), opt-out list, progress. */
final class CampaignStore {
    private final KeyValue kv;

    private CampaignStore(KeyValue kv) {
        this.kv = kv;
    }

    /** Opens the bucket, creating it when it does not exist (only the coordinator does). */
    static CampaignStore open(Connection nc, boolean create) {
        try {
            KeyValueManagement kvm = nc.keyValueManagement();
            if (create && !kvm.getBucketNames().contains(SurveyNames.BUCKET)) {
                try {
                    // History 1: the state is what it is now; file storage: it survives a server restart.
                    kvm.create(KeyValueConfiguration.builder().name(SurveyNames.BUCKET).maxHistoryPerKey(1)
                            .storageType(StorageType.File).build());
                } catch (JetStreamApiException raced) {
                    // Another coordinator created it meanwhile; open it.
                }
            }
            return new CampaignStore(nc.keyValue(SurveyNames.BUCKET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("open the campaign bucket", e);
        }
    }

    Optional<byte[]> get(String key) {
        return entry(key).map(KeyValueEntry::getValue);
    }

    Optional<KeyValueEntry> entry(String key) {
        try {
            KeyValueEntry e = kv.get(key);
            return e == null || e.getValue() == null ? Optional.empty() : Optional.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("read " + key, e);
        }
    }

    void put(String key, byte[] value) {
        try {
            kv.put(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("write " + key, e);
        }
    }

    /** Creates the key; false when it exists already. */
    boolean create(String key, byte[] value) {
        try {
            kv.create(key, value);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            return false;
        }
    }

    Optional<CampaignState> state(String campaign) {
        return get(SurveyNames.stateKey(campaign)).map(b -> CampaignState.valueOf(new String(b, StandardCharsets.UTF_8)));
    }

    /**
     * Moves the campaign from one of {@code from} to {@code to} with compare-and-set on the key's revision, so a
     * cancel and a concurrent "done" cannot overwrite each other. Returns the state now in the bucket.
     */
    CampaignState transition(String campaign, List<CampaignState> from, CampaignState to) {
        String key = SurveyNames.stateKey(campaign);
        for (int attempt = 0; attempt < 20; attempt++) {
            KeyValueEntry entry = entry(key).orElseThrow(() -> new IllegalArgumentException("no campaign " + campaign));
            CampaignState now = CampaignState.valueOf(entry.getValueAsString());
            if (!from.contains(now)) {
                return now;
            }
            try {
                kv.update(key, to.name().getBytes(StandardCharsets.UTF_8), entry.getRevision());
                return to;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JetStreamApiException lostRace) {
                // Someone changed the state between our read and write: read again and decide again.
            }
        }
        throw new IllegalStateException("could not change the state of " + campaign + ": too much contention");
    }

    List<String> campaigns() {
        try {
            return kv.keys().stream().filter(k -> k.endsWith(".state"))
                    .map(k -> k.substring(0, k.length() - ".state".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException | InterruptedException e) {
            throw NatsFailure.of("list the campaigns", e);
        }
    }
}
