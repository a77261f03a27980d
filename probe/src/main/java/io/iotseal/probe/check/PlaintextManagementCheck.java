package io.iotseal.probe.check;

import io.iotseal.probe.credential.FtpLogin;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.util.List;

/**
 * Login services whose credentials cross the network unencrypted: Telnet, FTP, HTTP authentication
 * without TLS, MQTT without TLS. The same services over SSH or TLS pass.
 */
public final class PlaintextManagementCheck extends PerServiceCheck {
    public static final String ID = "plaintext-management";

    public PlaintextManagementCheck() {
        super(ID, "no login service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.loginClients().stream().map(client -> judge(device, client)).toList();
    }

    private Finding judge(DeviceContext device, LoginClient client) {
        var service = LoginServices.serviceOf(device, client);
        List<Exchange> evidence = service.evidence().isEmpty() ? List.of() : List.of(service.evidence().getLast());
        if (client.cleartext() && client instanceof FtpLogin) {
            // An anonymous-only FTP server answers USER of any real account with 530 before asking for a
            // password (vsftpd: "This FTP server is anonymous only"): no credential ever crosses the network.
            // A login-free Telnet shell is not exempt: the management session itself is in clear (ADR 0076).
            LoginAttempt probe = device.patient(client).attempt(DefaultCredentialCheck.canary());
            if (probe.outcome() == LoginOutcome.NOT_OFFERED) {
                return device.finding(ID, service, Verdict.NOT_APPLICABLE, client.service() + " offers no password "
                        + "login (" + probe.detail() + "), so no credential crosses the network",
                        DefaultCredentialCheck.evidence(probe));
            }
        }
        if (client.cleartext()) {
            return device.finding(ID, service, Verdict.FAIL, client.service()
                    + " takes a user name and password over an unencrypted connection", evidence);
        }
        return device.finding(ID, service, Verdict.PASS, client.service()
                + " protects its login with " + (client.service().equals("ssh") ? "SSH" : "TLS"), evidence);
    }
}
