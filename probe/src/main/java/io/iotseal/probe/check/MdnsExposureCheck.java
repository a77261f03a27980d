package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Dialer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * mDNS on udp/5353 asked by unicast (ADR 0088): a query for {@code _services._dns-sd._udp.local} PTR (DNS-SD
 * service type enumeration, RFC 6763 section 9) sent from an ephemeral port to the device's address only,
 * never to the multicast group. A responder answers such a "legacy unicast" query by unicast to the sender
 * (RFC 6762 section 6.7). For each advertised type the instances are asked for (PTR), and each instance's SRV
 * and TXT records (ANY), at most {@link #MAX_NAMES} names in all.
 * <ul>
 *   <li>udp/5353 closed (ICMP port unreachable): PASS.</li>
 *   <li>An answer while the probe's source address is on the device's subnet: NOT_APPLICABLE, information
 *       with what is advertised. Answering direct unicast queries on the local link is what RFC 6762
 *       section 5.5 asks; whether the device would answer from outside its link is not observable from here.</li>
 *   <li>An answer while the probe's source address is on no subnet of the interface the query left by (it
 *       reached the device through a router): FAIL. RFC 6762 section 5.5 says responders SHOULD ignore unicast
 *       queries from off-link sources; answering them discloses the device's services beyond its link.</li>
 *   <li>No answer and no ICMP error after retries: from off-link, PASS (it does not answer queries from outside
 *       its link, which is what was asked); on the link, INCONCLUSIVE: not reached.</li>
 * </ul>
 * Messages are built and parsed by dnsjava (name compression, record types).
 */
public final class MdnsExposureCheck implements Check {
    public static final String ID = "mdns-exposure";
    public static final int PORT = 5353;
    static final int MAX_NAMES = 16;
    private static final int TRIES = 3;
    private static final Name SERVICES = Name.fromConstantString("_services._dns-sd._udp.local.");
    private final int port;
    private final BiPredicate<InetAddress, InetAddress> onLink;

    public MdnsExposureCheck() {
        this(PORT, MdnsExposureCheck::onSameSubnet);
    }

    /**
     * The check on another port, with the test for "is this source address on the target's subnet" (tests
     * on loopback use it to stand off-link).
     */
    public MdnsExposureCheck(int port, BiPredicate<InetAddress, InetAddress> onLink) {
        this.port = port;
        this.onLink = onLink;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Exchange> evidence = new ArrayList<>();
        InetAddress target = device.target().address();
        try (Dialer.Permit ignored = device.dialer().permit();
             DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(target, port));
            socket.setSoTimeout((int) device.settings().timeout().toMillis());
            InetAddress source = socket.getLocalAddress();
            boolean local = onLink.test(source, target);
            String where = local ? "the probe's address " + source.getHostAddress() + " is on the device's subnet"
                    : "the probe's address " + source.getHostAddress() + " is on no subnet with the device (routed)";
            Message first;
            try {
                first = ask(socket, SERVICES, Type.PTR);
            } catch (PortUnreachableException closed) {
                evidence.add(new Exchange("mdns", "unicast query " + SERVICES + " PTR to udp/" + port, "ICMP port unreachable"));
                return List.of(device.finding(ID, port, "mdns", Verdict.PASS, "udp/" + port
                        + " is closed (ICMP port unreachable): no mDNS responder", evidence));
            }
            if (first == null) {
                evidence.add(new Exchange("mdns", "unicast query " + SERVICES + " PTR to udp/" + port + " (" + TRIES
                        + " tries)", "no answer"));
                if (!local) {
                    return List.of(device.finding(ID, port, "mdns", Verdict.PASS, "no answer to " + TRIES + " unicast mDNS "
                            + "queries from outside the device's link (" + where + ") and no ICMP error", evidence));
                }
                return List.of(device.finding(ID, port, "mdns", Verdict.INCONCLUSIVE, "not reached: no answer on udp/"
                        + port + " to " + TRIES + " unicast mDNS queries and no ICMP error (" + where + ")", evidence));
            }
            device.udpServiceAnswered(port, "mdns");
            evidence.add(new Exchange("mdns", "unicast query " + SERVICES + " PTR", first.toString()));
            List<String> advertised = describe(socket, first, evidence);
            String what = advertised.isEmpty() ? "no service type" : String.join("; ", advertised);
            if (!local) {
                return List.of(device.finding(ID, port, "mdns", Verdict.FAIL, "mDNS answers a unicast query from outside "
                        + "its link (" + where + "; RFC 6762 section 5.5: responders SHOULD ignore such queries) and "
                        + "advertises: " + what, evidence));
            }
            return List.of(device.finding(ID, port, "mdns", Verdict.NOT_APPLICABLE, "information: mDNS answers a unicast "
                    + "query on udp/" + port + " and advertises: " + what + " (" + where + ", where answering is "
                    + "expected; whether it answers from outside its link is not observable from here)", evidence));
        } catch (IOException | RuntimeException e) {
            return List.of(device.finding(ID, port, "mdns", Verdict.INCONCLUSIVE, "mDNS probe failed: " + e.getMessage(),
                    evidence));
        }
    }

    /** The service types, their instances, and each instance's SRV target and port and TXT strings. */
    private List<String> describe(DatagramSocket socket, Message types, List<Exchange> evidence) throws IOException {
        List<String> out = new ArrayList<>();
        int asked = 0;
        for (Name type : pointers(types, SERVICES)) {
            if (asked >= MAX_NAMES) {
                out.add("(more not asked)");
                break;
            }
            asked++;
            Message instances = ask(socket, type, Type.PTR);
            evidence.add(new Exchange("mdns", "unicast query " + type + " PTR", instances == null ? "no answer" : instances.toString()));
            List<String> described = new ArrayList<>();
            for (Name instance : instances == null ? Set.<Name>of() : pointers(instances, type)) {
                if (asked >= MAX_NAMES) {
                    described.add("(more not asked)");
                    break;
                }
                asked++;
                Message records = ask(socket, instance, Type.ANY);
                evidence.add(new Exchange("mdns", "unicast query " + instance + " ANY", records == null ? "no answer" : records.toString()));
                described.add(instanceText(instance, type, records));
            }
            out.add(label(type) + (described.isEmpty() ? "" : " [" + String.join(", ", described) + "]"));
        }
        return out;
    }

    private static String instanceText(Name instance, Name type, Message records) {
        StringBuilder sb = new StringBuilder("'" + unescape(instance.relativize(type).toString()) + "'");
        if (records == null) {
            return sb.toString();
        }
        for (Record r : records.getSection(Section.ANSWER)) {
            if (r instanceof SRVRecord srv && srv.getName().equals(instance)) {
                sb.append(" on ").append(srv.getTarget()).append(':').append(srv.getPort());
            } else if (r instanceof TXTRecord txt && txt.getName().equals(instance)) {
                List<String> strings = txt.getStrings().stream().filter(t -> !t.isEmpty()).toList();
                if (!strings.isEmpty()) {
                    sb.append(" txt ").append(String.join(" ", strings));
                }
            }
        }
        return sb.toString();
    }

    /** The PTR targets for {@code owner} in the answer section, in order, without duplicates. */
    private static Set<Name> pointers(Message m, Name owner) {
        Set<Name> out = new LinkedHashSet<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            if (r instanceof PTRRecord ptr && ptr.getName().equals(owner)) {
                out.add(ptr.getTarget());
            }
        }
        return out;
    }

    /**
     * One legacy unicast query (RFC 6762 section 6.7): a random id, no recursion desired, sent up to {@link #TRIES}
     * times; an answer must echo the id and be a response. Null when nothing came back.
     */
    private static Message ask(DatagramSocket socket, Name name, int type) throws IOException {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        byte[] wire = query.toWire();
        byte[] buf = new byte[9000];
        for (int attempt = 0; attempt < TRIES; attempt++) {
            socket.send(new DatagramPacket(wire, wire.length));
            long deadline = System.nanoTime() + socket.getSoTimeout() * 1_000_000L;
            while (System.nanoTime() < deadline) {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Message answer;
                try {
                    answer = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                } catch (IOException malformed) {
                    continue;
                }
                if (answer.getHeader().getID() == query.getHeader().getID() && answer.getHeader().getFlag(Flags.QR)) {
                    return answer;
                }
            }
        }
        return null;
    }

    private static String label(Name type) {
        try {
            return type.relativize(Name.fromString("local.")).toString();
        } catch (TextParseException e) {
            return type.toString();
        }
    }

    private static String unescape(String dns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dns.length(); i++) {
            char c = dns.charAt(i);
            if (c == '\\' && i + 3 < dns.length() && Character.isDigit(dns.charAt(i + 1))) {
                sb.append((char) Integer.parseInt(dns.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < dns.length()) {
                sb.append(dns.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Whether {@code source} is an address of an interface of this machine whose subnet (address and prefix
     * length) contains {@code target}: the query then left on the device's link. Loopback counts as a link.
     */
    static boolean onSameSubnet(InetAddress source, InetAddress target) {
        try {
            var interfaces = NetworkInterface.networkInterfaces().toList();
            for (NetworkInterface nif : interfaces) {
                for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
                    if (ia.getAddress().equals(source) && inPrefix(ia.getAddress(), target, ia.getNetworkPrefixLength())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    static boolean inPrefix(InetAddress a, InetAddress b, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return false;
        }
        for (int bit = 0; bit < prefix && bit < x.length * 8; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
