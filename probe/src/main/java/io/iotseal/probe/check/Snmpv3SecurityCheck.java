package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.snmp.Snmpv3Account;
import io.iotseal.probe.snmp.Snmpv3Policy;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SNMPv3 (USM, RFC 3414) security on udp/161 (ADR 0088). Read-only: engine discovery, then a GET of sysDescr.0
 * and nothing else, never a SET or a walk.
 * <ol>
 *   <li>Engine discovery reveals the agent's engine id without any credential (RFC 3414 section 4).</li>
 *   <li>Each user name of {@code snmpv3.yaml} is tried with noAuthNoPriv: a value back means anyone who knows
 *       the name reads the agent (FAIL); a usmStatsUnknownUserNames report means no such user; any other answer
 *       (authorizationError, another report) shows the user exists but is refused without authentication.</li>
 *   <li>The authentication and privacy protocols of a user cannot be seen from outside (USM negotiates
 *       nothing). With an account from the device's interface description ({@code --snmpv3-user}) the check
 *       reads sysDescr.0 with it: a success is an observation that the agent uses those protocols (MD5, SHA-1,
 *       DES and 3DES fail), and a second GET without privacy shows whether authNoPriv is accepted (FAIL).</li>
 * </ol>
 * PASS only when every given account was observed with strong protocols and refused without privacy and no
 * listed name reads without authentication; without an account the verdict is INCONCLUSIVE, saying so.
 */
public final class Snmpv3SecurityCheck implements Check {
    public static final String ID = "snmpv3-security";
    public static final int PORT = 161;
    static final String SYS_DESCR = "1.3.6.1.2.1.1.1.0";
    private static final Map<OID, String> REPORTS = Map.of(
            SnmpConstants.usmStatsUnknownUserNames, "usmStatsUnknownUserNames",
            SnmpConstants.usmStatsUnsupportedSecLevels, "usmStatsUnsupportedSecLevels",
            SnmpConstants.usmStatsWrongDigests, "usmStatsWrongDigests",
            SnmpConstants.usmStatsDecryptionErrors, "usmStatsDecryptionErrors",
            SnmpConstants.usmStatsNotInTimeWindows, "usmStatsNotInTimeWindows",
            SnmpConstants.usmStatsUnknownEngineIDs, "usmStatsUnknownEngineIDs");
    private final int port;
    private final Snmpv3Policy policy;

    public Snmpv3SecurityCheck() {
        this(PORT);
    }

    /** The check on another UDP port (tests run an agent on a free loopback port). */
    public Snmpv3SecurityCheck(int port) {
        this.port = port;
        this.policy = Snmpv3Policy.builtIn();
    }

    @Override
    public String id() {
        return ID;
    }

    /** What one GET brought back. */
    record Answer(Kind kind, String text) {
        enum Kind { VALUE, UNKNOWN_USER, REFUSED, NONE }
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Exchange> evidence = new ArrayList<>();
        if (device.udpPortClosed(port)) {
            evidence.add(new Exchange("snmp", "one-byte datagram to udp/" + port, "ICMP port unreachable"));
            return List.of(device.finding(ID, port, "snmp", Verdict.NOT_APPLICABLE, "udp/" + port
                    + " is closed (ICMP port unreachable): no SNMP agent", evidence));
        }
        List<Snmpv3Account> accounts = device.settings().snmpv3Accounts();
        List<String> failures = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<String> notWorking = new ArrayList<>();
        List<String> strong = new ArrayList<>();
        String engineHex;
        try (Dialer.Permit ignored = device.dialer().permit()) {
            byte[] engine;
            try (Session s = new Session(device)) {
                engine = s.discover();
            }
            String discovery = "SNMPv3 engine discovery (RFC 3414 section 4: noAuthNoPriv request, empty user name "
                    + "and engine id)";
            if (engine == null || engine.length == 0) {
                evidence.add(new Exchange("snmp", discovery, "no answer"));
                return List.of(device.finding(ID, port, "snmp", Verdict.INCONCLUSIVE, "not reached: no answer on udp/"
                        + port + " to SNMPv3 engine discovery and no ICMP error (no agent, a firewall, or an agent "
                        + "without SNMPv3)", evidence));
            }
            device.udpServiceAnswered(port, "snmp");
            engineHex = HexFormat.of().formatHex(engine);
            evidence.add(new Exchange("snmp", discovery, "authoritative engine id " + engineHex));

            try (Session s = new Session(device)) {
                for (String name : policy.userNames()) {
                    Answer a = s.get(name, null, null, null, null, SecurityLevel.NOAUTH_NOPRIV);
                    evidence.add(new Exchange("snmp", "GET " + SYS_DESCR + " (sysDescr.0) as user '" + name
                            + "', noAuthNoPriv", a.text()));
                    switch (a.kind()) {
                        case VALUE -> failures.add("user '" + name + "' reads sysDescr.0 without authentication ("
                                + policy.level("noAuthNoPriv").cited() + "): " + a.text());
                        case REFUSED -> existing.add("'" + name + "' (" + a.text() + ")");
                        case UNKNOWN_USER, NONE -> {
                            // No such user, or no answer: nothing learned about this name.
                        }
                    }
                }
            }
            for (Snmpv3Account account : accounts) {
                judgeAccount(device, account, evidence, failures, notWorking, strong);
            }
        } catch (IOException | RuntimeException e) {
            return List.of(device.finding(ID, port, "snmp", Verdict.INCONCLUSIVE, "SNMPv3 probe failed: " + e.getMessage(),
                    evidence));
        }
        String names = "none of the " + policy.userNames().size() + " user names of snmpv3.yaml v" + policy.version()
                + " reads without authentication" + (existing.isEmpty() ? "" : " (these exist but are refused "
                + "without authentication: " + String.join(", ", existing) + ")");
        if (!failures.isEmpty()) {
            return List.of(device.finding(ID, port, "snmp", Verdict.FAIL, "SNMPv3 agent (engine " + engineHex + "): "
                    + String.join("; ", failures), evidence));
        }
        if (accounts.isEmpty()) {
            return List.of(device.finding(ID, port, "snmp", Verdict.INCONCLUSIVE, "SNMPv3 agent answers (engine "
                    + engineHex + "); " + names + "; its authentication and privacy protocols cannot be observed "
                    + "without an account (--snmpv3-user from the device's interface description)", evidence));
        }
        if (!notWorking.isEmpty()) {
            return List.of(device.finding(ID, port, "snmp", Verdict.INCONCLUSIVE, "SNMPv3 agent (engine " + engineHex
                    + "): the given account did not read sysDescr.0, so its protocols were not observed: "
                    + String.join("; ", notWorking) + "; " + names, evidence));
        }
        return List.of(device.finding(ID, port, "snmp", Verdict.PASS, "SNMPv3 agent (engine " + engineHex + "): "
                + names + "; the given accounts read only with strong protocols and privacy, and are refused "
                + "without privacy: " + String.join(", ", strong), evidence));
    }

    /** Reads sysDescr.0 with the account as given, then (for an authPriv account) without privacy. */
    private void judgeAccount(DeviceContext device, Snmpv3Account account, List<Exchange> evidence,
                              List<String> failures, List<String> notWorking, List<String> strong) throws IOException {
        Snmpv3Policy.Entry auth = policy.authProtocol(account.authProtocol()).orElseThrow();
        Snmpv3Policy.Entry priv = account.privacyProtocol() == null ? null
                : policy.privacyProtocol(account.privacyProtocol()).orElseThrow();
        int level = priv == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
        Answer full;
        try (Session s = new Session(device)) {
            full = s.get(account.user(), auth.oid(), account.authPassword(), priv == null ? null : priv.oid(),
                    account.privacyPassword(), level);
        }
        evidence.add(new Exchange("snmp", "GET " + SYS_DESCR + " as " + account.describe() + ", "
                + (priv == null ? "authNoPriv" : "authPriv") + " (passwords not shown)", full.text()));
        if (full.kind() != Answer.Kind.VALUE) {
            notWorking.add(account.describe() + ": " + full.text());
            return;
        }
        int before = failures.size();
        if (auth.weak()) {
            failures.add("user '" + account.user() + "' is authenticated with " + auth.cited());
        }
        if (priv == null) {
            failures.add("user '" + account.user() + "' reads with " + policy.level("authNoPriv").cited());
        } else {
            if (priv.weak()) {
                failures.add("user '" + account.user() + "' is encrypted with " + priv.cited());
            }
            Answer plain;
            try (Session s = new Session(device)) {
                plain = s.get(account.user(), auth.oid(), account.authPassword(), null, null, SecurityLevel.AUTH_NOPRIV);
            }
            evidence.add(new Exchange("snmp", "GET " + SYS_DESCR + " as '" + account.user() + "' with " + auth.name()
                    + ", authNoPriv (same account without privacy)", plain.text()));
            if (plain.kind() == Answer.Kind.VALUE) {
                failures.add("user '" + account.user() + "' also reads without privacy: "
                        + policy.level("authNoPriv").cited());
            }
        }
        if (failures.size() == before) {
            strong.add(account.describe());
        }
    }

    /** A report's counter with or without the instance suffix ".0". */
    static boolean sameCounter(OID reported, OID counter) {
        return reported.startsWith(counter) || counter.startsWith(reported);
    }

    private static String reportName(OID reported) {
        return REPORTS.entrySet().stream().filter(e -> sameCounter(reported, e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(reported.toDottedString());
    }

    /** One SNMP4J instance with its own USM (never the process-wide one), closed after use. */
    private final class Session implements AutoCloseable {
        private final DeviceContext device;
        private final Snmp snmp;
        private final USM usm;
        private final UdpAddress address;

        Session(DeviceContext device) throws IOException {
            this.device = device;
            SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
            OctetString local = new OctetString(MPv3.createLocalEngineID());
            usm = new USM(protocols, local, 0);
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            dispatcher.addMessageProcessingModel(new MPv3(local.getValue(), null, protocols,
                    SecurityModels.getCollection(new SecurityModel[]{usm}), CounterSupport.getInstance()));
            snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
            snmp.listen();
            address = new UdpAddress(device.target().address(), port);
        }

        byte[] discover() {
            long timeout = device.settings().timeout().toMillis();
            for (int attempt = 0; attempt < 3; attempt++) {
                byte[] engine = snmp.discoverAuthoritativeEngineID(address, timeout);
                if (engine != null && engine.length > 0) {
                    return engine;
                }
            }
            return null;
        }

        Answer get(String user, OID authProtocol, String authPassword, OID privProtocol, String privPassword, int level)
                throws IOException {
            OctetString name = new OctetString(user);
            usm.removeAllUsers(name);
            usm.addUser(name, new UsmUser(name, authProtocol, authPassword == null ? null : new OctetString(authPassword),
                    privProtocol, privPassword == null ? null : new OctetString(privPassword)));
            UserTarget<UdpAddress> target = new UserTarget<>();
            target.setAddress(address);
            target.setVersion(SnmpConstants.version3);
            target.setSecurityLevel(level);
            target.setSecurityName(name);
            target.setTimeout(device.settings().timeout().toMillis());
            target.setRetries(1);
            ScopedPDU pdu = new ScopedPDU();
            pdu.setType(PDU.GET);
            pdu.add(new VariableBinding(new OID(SYS_DESCR)));
            ResponseEvent<UdpAddress> event = snmp.send(pdu, target);
            if (event == null || event.getResponse() == null) {
                return new Answer(Answer.Kind.NONE, event != null && event.getError() != null
                        ? "no answer (" + event.getError().getMessage() + ")" : "no answer");
            }
            PDU response = event.getResponse();
            if (response.getType() == PDU.REPORT) {
                OID reported = response.size() == 0 ? null : response.get(0).getOid();
                String which = reported == null ? "empty report" : reportName(reported);
                boolean unknownUser = reported != null && sameCounter(reported, SnmpConstants.usmStatsUnknownUserNames);
                return new Answer(unknownUser ? Answer.Kind.UNKNOWN_USER : Answer.Kind.REFUSED, "report " + which);
            }
            if (response.getErrorStatus() != PDU.noError || response.size() == 0) {
                return new Answer(Answer.Kind.REFUSED, "response with error " + response.getErrorStatusText());
            }
            var variable = response.get(0).getVariable();
            if (variable.isException()) {
                return new Answer(Answer.Kind.REFUSED, "response " + variable.getSyntaxString());
            }
            String value = variable.toString();
            return new Answer(Answer.Kind.VALUE, "sysDescr.0 = " + (value.length() > 120 ? value.substring(0, 120) + "..." : value));
        }

        @Override
        public void close() throws IOException {
            snmp.close();
        }
    }
}
