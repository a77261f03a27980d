package io.iotseal.probe.check;

import io.iotseal.probe.sim.SnmpAgents;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.snmp.Snmpv3Account;
import io.iotseal.probe.snmp.Snmpv3Policy;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SNMPv3 check against an authoritative SNMP4J engine on a free loopback port: SNMP4J's MPv3 answers
 * engine discovery and unknown user names with USM reports itself (RFC 3414), and the responder below plays
 * net-snmp's VACM: 'initial' reads without authentication, 'legacy' (MD5/DES) with authNoPriv, 'strong'
 * (SHA-256/AES) only with authPriv, otherwise authorizationError. The lab runs it against net-snmp (ADR 0088).
 */
class Snmpv3SecurityCheckTest {
    private static final String LEGACY = "legacy:MD5:legacy-auth-1:DES:legacy-priv-1";
    private static final String STRONG = "strong:SHA-256:strong-auth-1:AES:strong-priv-1";

    private static Snmp agent(boolean withWeakUsers) throws Exception {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        OctetString engine = new OctetString(MPv3.createLocalEngineID(new OctetString("lab-agent")));
        USM usm = new USM(protocols, engine, 0);
        if (withWeakUsers) {
            usm.addUser(new OctetString("initial"), engine, new UsmUser(new OctetString("initial"), null, null, null, null));
            usm.addUser(new OctetString("legacy"), engine, new UsmUser(new OctetString("legacy"), AuthMD5.ID,
                    new OctetString("legacy-auth-1"), PrivDES.ID, new OctetString("legacy-priv-1")));
        }
        usm.addUser(new OctetString("strong"), engine, new UsmUser(new OctetString("strong"), AuthHMAC192SHA256.ID,
                new OctetString("strong-auth-1"), PrivAES128.ID, new OctetString("strong-priv-1")));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv3(engine.getValue(), null, protocols,
                SecurityModels.getCollection(new SecurityModel[]{usm}), CounterSupport.getInstance()));
        Snmp snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0)));
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
                event.setProcessed(true);
                String user = new String(event.getSecurityName(), StandardCharsets.US_ASCII);
                int level = event.getSecurityLevel();
                boolean allowed = switch (user) {
                    case "initial" -> true;
                    case "legacy" -> level >= SecurityLevel.AUTH_NOPRIV;
                    case "strong" -> level == SecurityLevel.AUTH_PRIV;
                    default -> false;
                };
                PDU response = (PDU) event.getPDU().clone();
                response.setType(PDU.RESPONSE);
                if (allowed) {
                    response.get(0).setVariable(new OctetString("Simulated SNMPv3 camera 3.0"));
                } else {
                    response.setErrorStatus(PDU.authorizationError);
                    response.setErrorIndex(0);
                }
                SnmpAgents.reply(event, response);
            }
        });
        snmp.listen();
        return snmp;
    }

    private static int portOf(Snmp snmp) {
        return SnmpAgents.port(snmp);
    }

    private static List<Finding> check(Snmp agent, String... accounts) {
        Snmpv3Policy policy = Snmpv3Policy.builtIn();
        DeviceContext device = UdpChecks.device(500, java.util.Arrays.stream(accounts)
                .map(a -> Snmpv3Account.parse(a, policy)).toList());
        List<Finding> findings = new Snmpv3SecurityCheck(portOf(agent)).run(device);
        assertThat(device.answeringUdpServices()).containsKey(portOf(agent));
        return findings;
    }

    @Test
    void noAuthUserWeakProtocolsAndAuthNoPrivFail() throws Exception {
        Snmp agent = agent(true);
        try {
            assertThat(check(agent, LEGACY, STRONG)).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(f.summary()).contains("user 'initial' reads sysDescr.0 without authentication",
                        "'legacy' is authenticated with MD5", "'legacy' is encrypted with DES",
                        "'legacy' also reads without privacy").doesNotContain("'strong'");
                assertThat(f.evidence().toString()).doesNotContain("legacy-auth-1", "strong-priv-1");
            });
        } finally {
            agent.close();
        }
    }

    @Test
    void strongAccountRefusedWithoutPrivacyPasses() throws Exception {
        Snmp agent = agent(false);
        try {
            assertThat(check(agent, STRONG)).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.PASS);
                assertThat(f.summary()).contains("strong (SHA-256, AES)", "refused without privacy");
                assertThat(f.evidence()).anySatisfy(e -> assertThat(e.received()).contains("Authorization error"));
            });
        } finally {
            agent.close();
        }
    }

    @Test
    void withoutAnAccountTheProtocolsAreNotObservedSoInconclusive() throws Exception {
        Snmp agent = agent(false);
        try {
            assertThat(check(agent)).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
                assertThat(f.summary()).contains("cannot be observed without an account");
                assertThat(f.evidence()).anySatisfy(e -> assertThat(e.received()).contains("usmStatsUnknownUserNames"));
            });
        } finally {
            agent.close();
        }
    }

    @Test
    void aWrongPasswordIsNotAnObservation() throws Exception {
        Snmp agent = agent(false);
        try {
            assertThat(check(agent, "strong:SHA-256:wrong-password:AES:strong-priv-1")).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
                assertThat(f.summary()).contains("did not read sysDescr.0");
            });
        } finally {
            agent.close();
        }
    }

    @Test
    void closedPortIsNotApplicable() {
        List<Finding> findings = new Snmpv3SecurityCheck(TestProbe.unusedUdpPort()).run(UdpChecks.device(500));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.NOT_APPLICABLE));
    }

    @Test
    void counterOidsMatchWithOrWithoutInstance() {
        assertThat(Snmpv3SecurityCheck.sameCounter(new OID("1.3.6.1.6.3.15.1.1.3.0"), new OID("1.3.6.1.6.3.15.1.1.3"))).isTrue();
        assertThat(Snmpv3SecurityCheck.sameCounter(new OID("1.3.6.1.6.3.15.1.1.5.0"), new OID("1.3.6.1.6.3.15.1.1.3.0"))).isFalse();
    }
}
