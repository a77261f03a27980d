package io.iotseal.server.notification;

import java.util.UUID;

/** How one attempt went: delivered (a 2xx answer), or failed with the status (0: no answer) and why. */
record Outcome(UUID delivery, UUID claim, int attempt, boolean delivered, int status, String error) {

    static Outcome delivered(Claimed c, int status) {
        return new Outcome(c.id(), c.claim(), c.attempt(), true, status, null);
    }

    static Outcome failed(Claimed c, int status, String error) {
        String e = error == null ? "" : error;
        return new Outcome(c.id(), c.claim(), c.attempt(), false, status, e.length() > 500 ? e.substring(0, 500) : e);
    }
}
