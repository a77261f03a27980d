package io.iotseal.probe.survey.nats;

/**
 * The NATS names of a survey campaign (ADR 0104). Each campaign has its own two streams, so that its
 * counts are the streams' own counts, its limits are its own, and a cancel deletes exactly its work;
 * campaign ids ({@code [a-z0-9][a-z0-9-]{2,63}}) are valid in stream names and as subject tokens.
 * Every campaign's state lives in one key-value bucket, keyed by campaign id.
 */
public final class SurveyNames {
    /** The key-value bucket with every campaign's scope, meta data, state, progress and refusals. */
    public static final String BUCKET = "iotseal-surveys";
    /** The durable pull consumer on a campaign's work stream that all workers share. */
    public static final String WORKERS = "workers";
    /** Queue group of the permit services: a request is answered by one coordinator only. */
    static final String PACERS = "pacers";

    private SurveyNames() {
    }

    public static String workStream(String campaign) {
        return "SURVEY-WORK-" + campaign;
    }

    public static String workSubject(String campaign) {
        return "iotseal.survey." + campaign + ".work";
    }

    public static String resultsStream(String campaign) {
        return "SURVEY-RESULTS-" + campaign;
    }

    public static String resultsSubject(String campaign) {
        return "iotseal.survey." + campaign + ".results";
    }

    /** Request/reply subject of the campaign's connection permits (the global rate limit). */
    public static String permitSubject(String campaign) {
        return "iotseal.survey." + campaign + ".permits";
    }

    static String scopeKey(String campaign) {
        return campaign + ".scope";
    }

    static String metaKey(String campaign) {
        return campaign + ".meta";
    }

    static String stateKey(String campaign) {
        return campaign + ".state";
    }

    static String optOutKey(String campaign) {
        return campaign + ".optout";
    }

    static String progressKey(String campaign) {
        return campaign + ".progress";
    }

    static String refusedKey(String campaign, long sequence) {
        return campaign + ".refused." + sequence;
    }

    /** Nats-Msg-Id of a work item: a restarted coordinator publishing it again is deduplicated by the stream. */
    static String itemMessageId(String campaign, long sequence) {
        return campaign + ":item:" + sequence;
    }

    /** Nats-Msg-Id of an observation: a redelivered item's addresses are stored once (within the window). */
    static String observationMessageId(String campaign, String address) {
        return campaign + ":obs:" + address;
    }
}
