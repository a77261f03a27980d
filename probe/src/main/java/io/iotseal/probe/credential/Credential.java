package io.iotseal.probe.credential;

import java.util.Objects;

/**
 * A user name and password to try, with where the pair comes from.
 *
 * @param source   a citation (document, paper, file) for the pair
 * @param verified whether the pair was checked against that source; false entries are flagged in reports
 */
public record Credential(String username, String password, String source, boolean verified) {
    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        source = source == null ? "" : source;
    }

    /** How the pair appears in reports: the user name only, the password is never printed. */
    public String redacted() {
        if (username.isEmpty() && password.isEmpty()) {
            return "(no credentials)";
        }
        return username + ":" + io.iotseal.probe.finding.Redactor.password(password);
    }
}
