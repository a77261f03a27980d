package io.iotseal.probe.check;

import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Login services whose credentials cross the network unencrypted: Telnet, FTP, HTTP authentication
 * without TLS, MQTT without TLS. The same services over SSH or TLS pass.
 */
public final class PlaintextManagementCheck implements Check {
    public static final String ID = "plaintext-management";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Finding> findings = new ArrayList<>();
        for (LoginClient client : device.loginClients()) {
            var service = LoginServices.serviceOf(device, client);
            List<Exchange> evidence = service.evidence().isEmpty() ? List.of() : List.of(service.evidence().getLast());
            if (client.cleartext()) {
                findings.add(device.finding(ID, service, Verdict.FAIL, client.service()
                        + " takes a user name and password over an unencrypted connection", evidence));
            } else {
                findings.add(device.finding(ID, service, Verdict.PASS, client.service()
                        + " protects its login with " + (client.service().equals("ssh") ? "SSH" : "TLS"), evidence));
            }
        }
        if (findings.isEmpty()) {
            findings.add(device.finding(ID, null, Verdict.NOT_APPLICABLE, "no login service found", List.of()));
        }
        return findings;
    }
}
