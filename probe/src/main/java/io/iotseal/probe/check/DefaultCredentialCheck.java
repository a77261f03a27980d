package io.iotseal.probe.check;

import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Tries the credential list on every login service and stops at the first pair that works (as NICT's
 * NOTICE does). Before the list it tries a random pair: a service that accepts anything would otherwise
 * look as if it had a default password.
 */
public final class DefaultCredentialCheck extends PerServiceCheck {
    public static final String ID = "default-credentials";
    /** Unanswered attempts in a row after which the device is considered unreachable for this test. */
    private static final int MAX_UNKNOWN_IN_A_ROW = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The source of the canary pair; a service that accepted it accepts anything. */
    static final String CANARY_SOURCE = "random canary";

    public DefaultCredentialCheck() {
        super(ID, "no Telnet, SSH, FTP, HTTP Basic/Digest, HTML form, MQTT or RTSP login service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.loginClients().stream().map(client -> test(device, client)).toList();
    }

    /** A credential nobody would configure, to detect services that accept any credential. */
    static Credential canary() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return new Credential("iotseal" + HexFormat.of().formatHex(b, 0, 3), HexFormat.of().formatHex(b), CANARY_SOURCE, true);
    }

    private Finding test(DeviceContext device, LoginClient client) {
        var service = LoginServices.serviceOf(device, client);
        PatientLogin login = device.patient(client);
        LoginAttempt canary = login.attempt(canary());
        if (canary.outcome() == LoginOutcome.ACCEPTED) {
            device.workingCredentials().put(client.port(), canary.credential());
            return device.finding(ID, service, Verdict.FAIL, client.service()
                    + " accepts an arbitrary, random user name and password", evidence(canary));
        }
        if (canary.outcome() == LoginOutcome.NOT_OFFERED
                && (client.service().equals("ssh") || client.service().equals("telnet"))) {
            // The SSH server's method list holds for every user: no password login at all (key-only). A Telnet
            // shell without a login prompt asks no user for a password (its missing login is anonymous-access's).
            return device.finding(ID, service, Verdict.NOT_APPLICABLE, client.service() + " offers no password login ("
                    + canary.detail() + "); no password was checked", evidence(canary));
        }
        if (canary.outcome() == LoginOutcome.FAULT) {
            return device.finding(ID, service, Verdict.INCONCLUSIVE, client.service() + ": " + canary.detail()
                    + "; no credential could be checked", evidence(canary));
        }
        List<Credential> list = device.settings().credentials().entries();
        int tried = 0;
        int unknownInARow = 0;
        int notOffered = 0;
        LoginAttempt lastNotOffered = null;
        for (Credential credential : list) {
            device.progress(client.service() + ":" + client.port() + " credentials " + (tried + 1) + "/" + list.size());
            LoginAttempt attempt = login.attempt(credential);
            if (attempt.outcome() == LoginOutcome.REFUSED || attempt.outcome() == LoginOutcome.FAULT) {
                // A device that locks out after failures (or drops handshakes while it does, as a locked SSH
                // server may): wait once, then try the same pair again. A second fault stays a fault.
                sleep(device.settings().lockoutWait().toMillis());
                attempt = login.attempt(credential);
            }
            tried++;
            switch (attempt.outcome()) {
                case ACCEPTED -> {
                    device.workingCredentials().put(client.port(), credential);
                    return device.finding(ID, service, Verdict.FAIL, client.service() + " accepts the default credential "
                            + credential.redacted() + " (pair " + tried + " of " + list.size() + "; source: "
                            + credential.source() + (credential.verified() ? "" : "; source unverified") + ")",
                            evidence(attempt));
                }
                case REFUSED -> {
                    return device.finding(ID, service, Verdict.INCONCLUSIVE, client.service()
                            + " refused further attempts after " + (tried - 1) + " of " + list.size()
                            + " pairs (" + attempt.detail() + "); the rest of the list was not tried", evidence(attempt));
                }
                case UNKNOWN -> {
                    if (++unknownInARow >= MAX_UNKNOWN_IN_A_ROW) {
                        return device.finding(ID, service, Verdict.INCONCLUSIVE, client.service() + " gave "
                                + unknownInARow + " unclassifiable answers in a row (" + attempt.detail() + ") after "
                                + tried + " of " + list.size() + " pairs", evidence(attempt));
                    }
                }
                case FAULT -> {
                    return device.finding(ID, service, Verdict.INCONCLUSIVE, client.service() + ": " + attempt.detail()
                            + " (after " + (tried - 1) + " of " + list.size() + " pairs)", evidence(attempt));
                }
                case NOT_OFFERED -> {
                    // No password was checked for this user (e.g. FTP anonymous only): neither pass nor fail.
                    notOffered++;
                    lastNotOffered = attempt;
                    unknownInARow = 0;
                }
                case REJECTED -> unknownInARow = 0;
            }
        }
        if (notOffered == list.size() && lastNotOffered != null) {
            return device.finding(ID, service, Verdict.NOT_APPLICABLE, client.service()
                    + " offers no password login (" + lastNotOffered.detail() + "); no password was checked",
                    evidence(lastNotOffered));
        }
        String skipped = notOffered == 0 ? "" : "; " + notOffered + " pairs were not checked because the service "
                + "offers no password login for their user (" + lastNotOffered.detail() + ")";
        return device.finding(ID, service, Verdict.PASS, client.service() + " rejected all " + (list.size() - notOffered)
                + " credentials of the list it checked" + skipped, evidence(canary));
    }

    static List<Exchange> evidence(LoginAttempt attempt) {
        List<Exchange> out = new ArrayList<>();
        out.add(new Exchange("", "credential " + attempt.credential().redacted(),
                attempt.outcome() + " in " + attempt.elapsed().toMillis() + " ms: " + attempt.detail()));
        out.addAll(attempt.transcript());
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
