package io.iotseal.probe.check;

import io.iotseal.json.JsonMappers;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.credential.SshOffer;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.scan.Service;
import io.iotseal.probe.scan.ServiceKind;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each SSH server offers in its key exchange: host key types, key exchanges, ciphers and MACs, all
 * recorded as evidence; those listed in {@code ssh-algorithms.yaml} are weak and fail the check. One
 * handshake per service, no authentication.
 */
public final class SshAlgorithmsCheck extends PerServiceCheck {
    public static final String ID = "ssh-algorithms";
    private static final String RESOURCE = "/io/iotseal/probe/ssh-algorithms.yaml";
    private static final Map<String, String> SECTIONS = Map.of("key-exchange", "key exchange", "host-key", "host key",
            "cipher", "cipher", "mac", "MAC");

    public SshAlgorithmsCheck() {
        super(ID, "no SSH service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        JsonNode weak = weakList();
        List<Finding> out = new ArrayList<>();
        for (Service s : device.services()) {
            if (s.kind() == ServiceKind.SSH) {
                out.add(judge(device, s, weak));
            }
        }
        return out;
    }

    private Finding judge(DeviceContext device, Service s, JsonNode weak) {
        SshOffer offer;
        try {
            offer = new SshLogin(device.dialer(), s.port(), device.sshClient()).offer();
        } catch (IOException | RuntimeException e) {
            return device.finding(ID, s, Verdict.INCONCLUSIVE, "ssh: no handshake (" + e.getMessage() + ")", List.of());
        }
        Map<String, List<String>> offered = new LinkedHashMap<>();
        offered.put("key-exchange", offer.keyExchanges());
        offered.put("host-key", offer.hostKeys());
        offered.put("cipher", offer.ciphers());
        offered.put("mac", offer.macs());
        List<Exchange> evidence = List.of(new Exchange(s.name(), "(key exchange, no authentication)", offer.greeting()
                + "\nkex: " + String.join(",", offer.keyExchanges()) + "\nhost keys: " + String.join(",", offer.hostKeys())
                + "\nciphers: " + String.join(",", offer.ciphers()) + "\nmacs: " + String.join(",", offer.macs())
                + (offer.failure().isEmpty() ? "" : "\nhandshake: " + offer.failure())));
        if (!offer.seen()) {
            return device.finding(ID, s, Verdict.INCONCLUSIVE, "ssh: the server's algorithm proposal was not received"
                    + (offer.failure().isEmpty() ? "" : " (" + offer.failure() + ")"), evidence);
        }
        List<String> found = new ArrayList<>();
        List<String> notUsable = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        SshLogin ssh = new SshLogin(device.dialer(), s.port(), device.sshClient());
        offered.forEach((section, names) -> {
            for (String name : names) {
                for (JsonNode rule : weak.path(section)) {
                    if (matches(rule.path("name").asText(), name)) {
                        String text = SECTIONS.get(section) + " " + name + " (" + rule.path("reason").asText() + "; "
                                + rule.path("source").asText() + ")";
                        // A weak host-key algorithm counts only if a handshake restricted to it completes: a
                        // server may list one it has no key for (dropbear with only Ed25519 lists ssh-rsa).
                        SshLogin.HostKeyUse use = section.equals("host-key") ? ssh.hostKeyUse(name) : SshLogin.HostKeyUse.USABLE;
                        switch (use) {
                            case USABLE -> found.add(text);
                            case NOT_USABLE -> notUsable.add(name);
                            case UNKNOWN -> unverified.add(name);
                        }
                        break;
                    }
                }
            }
        });
        String offers = "host keys " + String.join(",", offer.hostKeys()) + "; kex " + String.join(",", offer.keyExchanges());
        String note = notUsable.isEmpty() ? "" : "; advertised but not usable (a handshake restricted to it was aborted "
                + "by the server): " + String.join(",", notUsable);
        if (!found.isEmpty()) {
            return device.finding(ID, s, Verdict.FAIL, "ssh offers weak algorithms: " + String.join("; ", found) + note,
                    evidence);
        }
        if (!unverified.isEmpty()) {
            return device.finding(ID, s, Verdict.INCONCLUSIVE, "ssh advertises the weak host-key algorithms "
                    + String.join(",", unverified) + " but a handshake restricted to them neither completed nor was "
                    + "refused" + note, evidence);
        }
        return device.finding(ID, s, Verdict.PASS, "ssh offers no usable algorithm on the weak list (ssh-algorithms.yaml v"
                + weak.path("version").asInt() + "): " + offers + note, evidence);
    }

    static boolean matches(String pattern, String name) {
        if (pattern.startsWith("*")) {
            return name.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return name.equals(pattern);
    }

    private static JsonNode weakList() {
        try (InputStream in = SshAlgorithmsCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JsonMappers.strictYaml().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
