package io.iotseal.probe.check;

import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded series of wrong passwords per login service, one at a time, measuring how the service reacts
 * (see {@link BruteForceJudgement}). Uses the user name that worked in the credential check, or "admin",
 * so that an account lockout, if any, is what gets measured. Stops at the first refusal.
 */
public final class BruteForceCheck extends PerServiceCheck {
    public static final String ID = "brute-force-resistance";

    public BruteForceCheck() {
        super(ID, "no login service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.loginClients().stream().map(client -> test(device, client)).toList();
    }

    private Finding test(DeviceContext device, LoginClient client) {
        var service = LoginServices.serviceOf(device, client);
        Credential known = device.workingCredentials().get(client.port());
        String user = known != null ? known.username() : client.service().startsWith("mqtt") ? "device" : "admin";
        int count = device.settings().bruteForceAttempts();
        List<LoginAttempt> attempts = new ArrayList<>();
        List<Exchange> evidence = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            device.progress(client.service() + ":" + client.port() + " brute-force " + (i + 1) + "/" + count);
            Credential wrong = new Credential(user, DefaultCredentialCheck.canary().password(), "random wrong password", true);
            LoginAttempt a = client.attempt(wrong);
            attempts.add(a);
            evidence.add(new Exchange(client.service(), "wrong password " + (i + 1) + " for " + wrong.redacted(),
                    a.outcome() + " in " + a.elapsed().toMillis() + " ms: " + a.detail()));
            if (a.outcome() != LoginOutcome.REJECTED) {
                break;
            }
        }
        var judgement = BruteForceJudgement.judge(client.service(), attempts);
        return device.finding(ID, service, judgement.verdict(), judgement.summary(), evidence);
    }
}
