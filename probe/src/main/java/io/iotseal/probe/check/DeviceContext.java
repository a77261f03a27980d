package io.iotseal.probe.check;

import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.scan.PortInventory;
import io.iotseal.probe.scan.Service;
import io.iotseal.probe.target.Target;
import org.apache.sshd.client.SshClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the checks of one device share: the target and its dialer, the identified services, the settings,
 * and what earlier checks learned (credentials that worked).
 */
public final class DeviceContext {
    private final Target target;
    private final PortInventory inventory;
    private final Dialer dialer;
    private final List<Service> services;
    private final ProbeSettings settings;
    private final RequirementMappings mappings;
    private final SshClient sshClient;
    private final ProgressListener progress;
    private List<io.iotseal.probe.credential.LoginClient> loginClients;
    /** Service port to its login client with the wait it learned; shared by the credential checks. */
    private final Map<Integer, PatientLogin> patient = new ConcurrentHashMap<>();
    /** Service port to the credential that logged in there. */
    private final Map<Integer, Credential> workingCredentials = new ConcurrentHashMap<>();
    private final Map<Integer, String> answeringUdp = new ConcurrentHashMap<>();
    /** UDP port to whether it answered a one-byte datagram with ICMP port unreachable (asked once: ADR 0088). */
    private final Map<Integer, Boolean> udpClosed = new ConcurrentHashMap<>();

    public DeviceContext(Target target, Dialer dialer, List<Service> services, ProbeSettings settings,
                         RequirementMappings mappings, SshClient sshClient, ProgressListener progress) {
        this(target, dialer, new PortInventory(services.stream().map(Service::port).toList(), 0, 0), services,
                settings, mappings, sshClient, progress);
    }

    public DeviceContext(Target target, Dialer dialer, PortInventory inventory, List<Service> services,
                         ProbeSettings settings, RequirementMappings mappings, SshClient sshClient,
                         ProgressListener progress) {
        this.inventory = inventory;
        this.target = target;
        this.dialer = dialer;
        this.services = List.copyOf(services);
        this.settings = settings;
        this.mappings = mappings;
        this.sshClient = sshClient;
        this.progress = progress;
    }

    public Target target() {
        return target;
    }

    public Dialer dialer() {
        return dialer;
    }

    /** What the port scan saw, including the ports that did not answer. */
    public PortInventory inventory() {
        return inventory;
    }

    public List<Service> services() {
        return services;
    }

    public ProbeSettings settings() {
        return settings;
    }

    public SshClient sshClient() {
        return sshClient;
    }

    public void progress(String step) {
        progress.step(target, step);
    }

    /** UDP port to service name, for the UDP services a check heard from (for the inventory). */
    public Map<Integer, String> answeringUdpServices() {
        return answeringUdp;
    }

    /** Records that a UDP service answered, so open-services lists it. */
    public void udpServiceAnswered(int port, String name) {
        answeringUdp.put(port, name);
    }

    /**
     * Whether udp/{@code port} is closed (ICMP port unreachable to a one-byte datagram). Asked once per port and
     * device and shared by the UDP checks, so a device without SNMP, CoAP or mDNS sees one datagram per port:
     * hosts rate-limit their ICMP errors (Linux: a burst of 6 per peer), and a suppressed error reads as silence.
     */
    public boolean udpPortClosed(int port) {
        return udpClosed.computeIfAbsent(port, p -> UdpPorts.closed(this, p));
    }

    public Map<Integer, Credential> workingCredentials() {
        return workingCredentials;
    }

    /** A finding about one service, with the check's mapped requirements filled in. */
    public Finding finding(String checkId, Service service, Verdict verdict, String summary, List<Exchange> evidence) {
        return finding(checkId, service == null ? 0 : service.port(), service == null ? "" : service.name(),
                verdict, summary, evidence);
    }

    /** A finding about a port that is not a scanned TCP service (e.g. SSDP on UDP). */
    public Finding finding(String checkId, int port, String serviceName, Verdict verdict, String summary,
                           List<Exchange> evidence) {
        var mapping = mappings.forCheck(checkId);
        return new Finding(checkId, target.name(), port, serviceName, verdict, summary, mapping.refs(), evidence,
                mapping.testCases(), null);
    }

    /** The login client with the waits it learned from earlier attempts on the same service. */
    PatientLogin patient(io.iotseal.probe.credential.LoginClient client) {
        return patient.computeIfAbsent(client.port(), p -> new PatientLogin(client, settings.timeout()));
    }

    /** The services that take a password, found once and shared by the credential checks. */
    public synchronized List<io.iotseal.probe.credential.LoginClient> loginClients() {
        if (loginClients == null) {
            loginClients = LoginServices.of(this);
        }
        return loginClients;
    }
}
