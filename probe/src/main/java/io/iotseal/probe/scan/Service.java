package io.iotseal.probe.scan;

import io.iotseal.probe.finding.Exchange;

import java.util.List;

/**
 * What answers on an open port.
 *
 * @param tls      whether the service speaks TLS on this port
 * @param banner   what the service disclosed before authentication (greeting line, HTTP status and
 *                 Server header), for the disclosure check
 * @param evidence the identification exchanges
 */
public record Service(int port, ServiceKind kind, boolean tls, String banner, List<Exchange> evidence) {
    public Service {
        banner = banner == null ? "" : banner;
        evidence = List.copyOf(evidence);
    }

    public String name() {
        return kind.serviceName(tls);
    }
}
