package io.iotseal.probe.survey.nats;

/** A NATS or JetStream operation that failed; says what the engine was doing. */
public final class NatsFailure extends RuntimeException {
    private NatsFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static NatsFailure of(String doing, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new NatsFailure("NATS: could not " + doing + ": " + cause.getMessage(), cause);
    }
}
