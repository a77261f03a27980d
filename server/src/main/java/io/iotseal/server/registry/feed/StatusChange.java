package io.iotseal.server.registry.feed;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One public change of a label's status, as the Atom feed reports it: from the audit log (issued,
 * suspended, reinstated, revoked) or, for expiry, from the label's own expiry day, which passes without
 * anybody recording it.
 *
 * @param key    what makes the entry unique and stable: the audit entry's sequence number, or the label for
 *               its expiry
 * @param reason the reason given, shown on the label's public page too (null when none)
 */
record StatusChange(String key, Kind kind, Instant at, UUID label, String labelId, String registrationNumber,
                    String scheme, String level, String vendorName, String productNameEn, String productNameJa,
                    String reason) {

    enum Kind {
        ISSUED, SUSPENDED, REINSTATED, REVOKED, EXPIRED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind an audit action records; revocation by the operator, by the lapse rule and by renewal alike. */
        static Kind ofAction(String action) {
            return switch (action) {
                case "label.issue" -> ISSUED;
                case "label.suspend" -> SUSPENDED;
                case "label.reinstate" -> REINSTATED;
                case "label.revoke", "label.lapse", "label.supersede" -> REVOKED;
                default -> throw new IllegalArgumentException("not a status change: " + action);
            };
        }
    }
}
