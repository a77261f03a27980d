package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.scan.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Software names with version numbers shown before authentication: SSH software versions, FTP and Telnet
 * greetings, HTTP Server and X-Powered-By headers. They tell an attacker which known vulnerabilities to try.
 */
public final class InformationDisclosureCheck implements Check {
    public static final String ID = "information-disclosure";
    /** A product token followed by a dotted version: "OpenSSH_9.2p1", "lighttpd/1.4.35", "BusyBox v1.19.4". */
    static final Pattern VERSIONED_PRODUCT = Pattern.compile("(?i)\\b[a-z][a-z0-9._-]*[/_ -]v?\\d+\\.\\d+[a-z0-9._-]*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Finding> findings = new ArrayList<>();
        for (Service s : device.services()) {
            if (s.kind() == io.iotseal.probe.scan.ServiceKind.UNKNOWN && s.banner().isEmpty()) {
                continue;
            }
            List<Exchange> evidence = List.of(new Exchange(s.name(), "(unauthenticated connection)", s.banner()));
            Matcher m = VERSIONED_PRODUCT.matcher(s.banner());
            if (m.find()) {
                findings.add(device.finding(ID, s, Verdict.FAIL, s.name() + " discloses '" + m.group()
                        + "' before authentication", evidence));
            } else {
                findings.add(device.finding(ID, s, Verdict.PASS, s.name() + " shows no software version before authentication", evidence));
            }
        }
        if (findings.isEmpty()) {
            findings.add(device.finding(ID, null, Verdict.NOT_APPLICABLE, "no identified service", List.of()));
        }
        return findings;
    }
}
