package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.scan.Service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Software names with version numbers shown before authentication: FTP and Telnet greetings, HTTP Server
 * and X-Powered-By headers. They tell an attacker which known vulnerabilities to try. The SSH
 * identification string is different: RFC 4253 section 4.2 requires every server to send its software
 * version, so showing it is recorded as information, never as a failure (ADR 0076).
 */
public final class InformationDisclosureCheck extends PerServiceCheck {
    public static final String ID = "information-disclosure";
    /** A product token followed by a dotted version: "OpenSSH_9.2p1", "lighttpd/1.4.35", "BusyBox v1.19.4". */
    static final Pattern VERSIONED_PRODUCT = Pattern.compile("(?i)\\b[a-z][a-z0-9._-]*[/_ -]v?\\d+\\.\\d+[a-z0-9._-]*");

    public InformationDisclosureCheck() {
        super(ID, "no identified service");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.services().stream()
                .filter(s -> s.kind() != io.iotseal.probe.scan.ServiceKind.UNKNOWN || !s.banner().isEmpty())
                .map(s -> judge(device, s)).toList();
    }

    private Finding judge(DeviceContext device, Service s) {
        List<Exchange> evidence = List.of(new Exchange(s.name(), "(unauthenticated connection)", s.banner()));
        Matcher m = VERSIONED_PRODUCT.matcher(s.banner());
        if (s.kind() == io.iotseal.probe.scan.ServiceKind.SSH) {
            return device.finding(ID, s, Verdict.NOT_APPLICABLE, "information: ssh identifies as '" + s.banner()
                    + "'; RFC 4253 section 4.2 requires the software version in the identification string, so it "
                    + "is not judged as a disclosure", evidence);
        }
        if (m.find()) {
            return device.finding(ID, s, Verdict.FAIL, s.name() + " discloses '" + m.group() + "' before authentication", evidence);
        }
        return device.finding(ID, s, Verdict.PASS, s.name() + " shows no software version before authentication", evidence);
    }
}
