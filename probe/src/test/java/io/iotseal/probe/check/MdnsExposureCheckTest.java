package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mDNS check against a small responder on a free loopback port that answers legacy unicast queries as
 * RFC 6762 section 6.7 describes (same id, the question echoed), built with dnsjava. The probe on loopback is
 * on the device's link; "off-link" is simulated with the check's subnet test. The lab runs avahi both ways.
 */
class MdnsExposureCheckTest {
    private static final Name SERVICES = Name.fromConstantString("_services._dns-sd._udp.local.");
    private static final Name HTTP = Name.fromConstantString("_http._tcp.local.");
    private static final Name INSTANCE = Name.fromConstantString("Cam\\032Web._http._tcp.local.");

    /** A responder thread: answers the service enumeration, the _http._tcp instances and the instance's records. */
    private static DatagramSocket responder() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[9000];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    socket.receive(in);
                    Message q = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                    Message r = new Message(q.getHeader().getID());
                    r.getHeader().setFlag(Flags.QR);
                    r.getHeader().setFlag(Flags.AA);
                    Record question = q.getQuestion();
                    r.addRecord(question, Section.QUESTION);
                    if (question.getName().equals(SERVICES)) {
                        r.addRecord(new PTRRecord(SERVICES, DClass.IN, 10, HTTP), Section.ANSWER);
                    } else if (question.getName().equals(HTTP)) {
                        r.addRecord(new PTRRecord(HTTP, DClass.IN, 10, INSTANCE), Section.ANSWER);
                    } else if (question.getName().equals(INSTANCE) && question.getType() == Type.ANY) {
                        r.addRecord(new SRVRecord(INSTANCE, DClass.IN, 10, 0, 0, 80,
                                Name.fromConstantString("cam.local.")), Section.ANSWER);
                        r.addRecord(new TXTRecord(INSTANCE, DClass.IN, 10, List.of("model=X1", "fw=4.2")), Section.ANSWER);
                    }
                    byte[] out = r.toWire();
                    socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return socket;
    }

    @Test
    void onTheLinkWhatIsAdvertisedIsInformation() throws Exception {
        try (DatagramSocket responder = responder()) {
            DeviceContext device = UdpChecks.device(500);
            List<Finding> findings = new MdnsExposureCheck(responder.getLocalPort(), MdnsExposureCheck::onSameSubnet).run(device);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
                assertThat(f.summary()).contains("_http._tcp", "'Cam Web' on cam.local.:80", "model=X1 fw=4.2",
                        "not observable from here");
            });
            assertThat(device.answeringUdpServices()).containsEntry(responder.getLocalPort(), "mdns");
        }
    }

    @Test
    void answeringFromOffTheLinkFails() throws Exception {
        try (DatagramSocket responder = responder()) {
            List<Finding> findings = new MdnsExposureCheck(responder.getLocalPort(), (source, target) -> false)
                    .run(UdpChecks.device(500));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(f.summary()).contains("from outside its link", "RFC 6762 section 5.5", "_http._tcp");
            });
        }
    }

    @Test
    void closedPortPasses() {
        List<Finding> findings = new MdnsExposureCheck(TestProbe.unusedUdpPort(), MdnsExposureCheck::onSameSubnet)
                .run(UdpChecks.device(500));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
    }

    @Test
    void silenceOnTheLinkIsNotReachedButFromOffTheLinkItIsTheAnswer() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(new MdnsExposureCheck(silent.getLocalPort(), MdnsExposureCheck::onSameSubnet).run(UdpChecks.device(200)))
                    .singleElement().satisfies(f -> {
                        assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
                        assertThat(f.summary()).startsWith("not reached");
                    });
            assertThat(new MdnsExposureCheck(silent.getLocalPort(), (s, t) -> false).run(UdpChecks.device(200)))
                    .singleElement().satisfies(f -> {
                        assertThat(f.verdict()).isEqualTo(Verdict.PASS);
                        assertThat(f.summary()).contains("from outside the device's link");
                    });
        }
    }

    @Test
    void subnetTest() throws Exception {
        assertThat(MdnsExposureCheck.inPrefix(InetAddress.getByName("10.1.2.1"), InetAddress.getByName("10.1.2.2"), 30)).isTrue();
        assertThat(MdnsExposureCheck.inPrefix(InetAddress.getByName("10.1.2.253"), InetAddress.getByName("10.1.2.2"), 32)).isFalse();
        assertThat(MdnsExposureCheck.inPrefix(InetAddress.getByName("10.1.2.5"), InetAddress.getByName("10.1.2.2"), 30)).isFalse();
        assertThat(MdnsExposureCheck.onSameSubnet(InetAddress.getLoopbackAddress(), InetAddress.getLoopbackAddress())).isTrue();
    }
}
