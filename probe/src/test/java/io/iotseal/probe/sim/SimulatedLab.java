package io.iotseal.probe.sim;

import io.iotseal.probe.sim.SimulatedHttpDevice.Scheme;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two simulated devices on 127.0.0.1: a weak one (Mirai-list SSH password, Telnet, HTTP Basic and FTP with
 * defaults, version banners, an expired self-signed certificate on legacy TLS, anonymous MQTT, UPnP) and a
 * well-configured one (unique passwords, lockout after failures, HTTPS Digest with a CA-issued certificate
 * and TLS 1.2+, no version banners). Used by the end-to-end test and, through {@link #main}, by the
 * benchmark script and for trying {@code ./iotseal probe} by hand.
 */
public final class SimulatedLab implements AutoCloseable {
    public static final String WEAK_SSH_PASSWORD = "xc3511";
    /** The hardened device locks out, so tests keep the list short enough to finish in seconds. */
    public static final int CREDENTIALS_FOR_HARDENED = 12;
    private static final String UNIQUE = "Zr8-Qm2v-Tx6p-Lk4w";

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<Integer> weakPorts = new ArrayList<>();
    private final List<Integer> hardenedPorts = new ArrayList<>();
    private int ssdpPort;

    private SimulatedLab() {
    }

    public static SimulatedLab start() throws Exception {
        SimulatedLab lab = new SimulatedLab();
        try {
            lab.startWeak();
            lab.startHardened();
        } catch (Exception e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void startWeak() throws Exception {
        var ssh = add(new SimulatedSshDevice("root", WEAK_SSH_PASSWORD, null, Lockout.NONE));
        weakPorts.add(ssh.port());
        var telnet = add(new SimulatedTelnetDevice("admin", "admin", true));
        weakPorts.add(telnet.port());
        var web = add(new SimulatedHttpDevice(Scheme.BASIC, "admin", "admin", "lighttpd/1.4.35", Lockout.NONE, null));
        web.describe("/rootDesc.xml", "<root><device><manufacturer>Acme</manufacturer><modelName>CAM-200</modelName>"
                + "<serialNumber>SN0042</serialNumber><firmwareVersion>2.1.7</firmwareVersion></device></root>");
        weakPorts.add(web.port());
        Instant now = Instant.now();
        var expiredSelfSigned = TestCertificates.selfSigned(TestCertificates.rsa(1024), now.minus(Duration.ofDays(800)),
                now.minus(Duration.ofDays(70)));
        var https = add(new SimulatedHttpDevice(Scheme.DIGEST_MD5, "admin", "admin", null, Lockout.NONE,
                expiredSelfSigned.serverContext(), "TLSv1.2", "TLSv1.1", "TLSv1"));
        weakPorts.add(https.port());
        weakPorts.add(add(new SimulatedFtpDevice("admin", "admin", false, "(vsFTPd 3.0.3)")).port());
        if (Mosquitto.available()) {
            weakPorts.add(add(new Mosquitto(null, null)).port());
        }
        ssdpPort = add(new SimulatedSsdpDevice("http://127.0.0.1:" + web.port() + "/rootDesc.xml")).port();
    }

    private void startHardened() throws Exception {
        var ssh = add(new SimulatedSshDevice("admin", UNIQUE, "Device", new Lockout(5, Duration.ofSeconds(1))));
        hardenedPorts.add(ssh.port());
        var https = add(new SimulatedHttpDevice(Scheme.DIGEST_SHA256, "admin", UNIQUE, "webserver",
                new Lockout(5, Duration.ofSeconds(1)), TestCertificates.caIssued().serverContext(), "TLSv1.3", "TLSv1.2"));
        hardenedPorts.add(https.port());
    }

    private <T extends AutoCloseable> T add(T device) {
        running.add(device);
        return device;
    }

    public List<Integer> weakPorts() {
        return List.copyOf(weakPorts);
    }

    public List<Integer> hardenedPorts() {
        return List.copyOf(hardenedPorts);
    }

    /** The weak device's UPnP responder (UDP). */
    public int ssdpPort() {
        return ssdpPort;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : running.reversed()) {
            c.close();
        }
    }

    /** Starts the lab and prints its ports (one "name=ports" line each), until killed. */
    public static void main(String[] args) throws Exception {
        try (SimulatedLab lab = start()) {
            System.out.println("weak=" + join(lab.weakPorts()));
            System.out.println("hardened=" + join(lab.hardenedPorts()));
            System.out.println("ssdp=" + lab.ssdpPort());
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    private static String join(List<Integer> ports) {
        return String.join(",", ports.stream().map(String::valueOf).toList());
    }
}
