package io.iotseal.probe.survey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.audit.SortedKeysJson;
import io.iotseal.json.JsonMappers;
import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.CredentialList;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A survey's signed-off scope, format {@code iotseal-survey-scope/1} (docs/surveys.md). Valid once made:
 * every rule is checked here, with a message naming the field, so no worker can run a scope that was not.
 *
 * @param blocks    address blocks in the order given (work items follow it); never overlapping
 * @param ports     TCP ports, ascending, no duplicates
 * @param checks    check ids, a subset of {@link SurveyChecks#ALLOWED}, sorted
 * @param rate      connection attempts per second for all workers together
 * @param blockSize addresses per work item
 */
public record SurveyScope(String id, String title, List<AddressRange> blocks, List<Integer> ports,
                          List<String> checks, List<CredentialPair> credentials, double rate, Window window,
                          String legalBasis, String signedOffBy, Instant signedOffAt, int blockSize) {
    public static final String FORMAT = "iotseal-survey-scope/1";
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    public static final int DEFAULT_BLOCK_SIZE = 256;
    /** NOTICE tries only a few pairs per device; more would be guessing, not checking for defaults. */
    public static final int MAX_CREDENTIALS = 5;
    public static final double MAX_RATE = 100_000;
    /** Wider blocks than 2^32 addresses (a whole IPv4 Internet) are refused: nobody signs off an IPv6 /64. */
    static final long MAX_BLOCK_ADDRESSES = 1L << 32;

    /** A user name and password a survey tries; public defaults by design, never a real account's secret. */
    public record CredentialPair(String username, String password) {
        public CredentialPair {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        /** Never the password, so a scope in a log or an exception message shows none. */
        @Override
        public String toString() {
            return username + ":" + io.iotseal.probe.finding.Redactor.password(password);
        }
    }

    /** When the survey may send packets, {@code from} to {@code until} inclusive. */
    public record Window(Instant from, Instant until) {
        public Window {
            if (from == null || until == null) {
                throw new IllegalArgumentException("window: needs 'from' and 'until'");
            }
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("window: 'from' (" + from + ") must be before 'until' (" + until + ")");
            }
        }

        public boolean contains(Instant t) {
            return !t.isBefore(from) && !t.isAfter(until);
        }
    }

    public SurveyScope {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: '" + id + "' must match " + ID.pattern());
        }
        title = text("title", title, 200);
        blocks = ScopeBlocks.of(blocks);
        ports = ScopeRules.ports(ports);
        checks = ScopeRules.checks(checks);
        credentials = List.copyOf(Objects.requireNonNullElse(credentials, List.of()));
        if (credentials.size() > MAX_CREDENTIALS) {
            throw new IllegalArgumentException("credentials: at most " + MAX_CREDENTIALS + " pairs, as NOTICE tries"
                    + " only a few; " + credentials.size() + " given");
        }
        if (new java.util.HashSet<>(credentials).size() != credentials.size()) {
            throw new IllegalArgumentException("credentials: a pair is listed twice");
        }
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate: must be more than 0 and at most " + (long) MAX_RATE
                    + " connection attempts per second, was " + rate);
        }
        Objects.requireNonNull(window, "window");
        legalBasis = text("legalBasis", legalBasis, 4000);
        signedOffBy = text("signedOffBy", signedOffBy, 200);
        if (signedOffAt == null) {
            throw new IllegalArgumentException("signedOffAt: required");
        }
        if (blockSize < 16 || blockSize > 65536) {
            throw new IllegalArgumentException("blockSize: must be between 16 and 65536, was " + blockSize);
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required, must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, was " + value.length());
        }
        return value.strip();
    }

    /** Reads a scope file (YAML or JSON); errors name the file and the field. */
    public static SurveyScope read(Path file) {
        return ScopeParser.read(file);
    }

    /** Reads a scope from text (YAML or JSON); errors name {@code sourceName} and the field. */
    public static SurveyScope parse(String text, String sourceName) {
        return ScopeParser.parse(text, sourceName);
    }

    /**
     * The canonical JSON form: keys sorted, no whitespace, values normalised (blocks as {@link AddressRange#text()},
     * times in UTC, the default block size written out), so the same scope in YAML or JSON, with keys in any
     * order, has one SHA-256. It is a fixed point of {@link SortedKeysJson}, which the registry may apply again.
     */
    public byte[] canonicalJson() {
        var mapper = JsonMappers.plain();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", id);
        root.put("title", title);
        ArrayNode b = root.putArray("blocks");
        blocks.forEach(r -> b.add(r.text()));
        ArrayNode p = root.putArray("ports");
        ports.forEach(p::add);
        ArrayNode c = root.putArray("checks");
        checks.forEach(c::add);
        ArrayNode creds = root.putArray("credentials");
        credentials.forEach(pair -> creds.addObject().put("username", pair.username()).put("password", pair.password()));
        if (rate == Math.rint(rate)) {
            root.put("rate", (long) rate);
        } else {
            root.put("rate", rate);
        }
        root.putObject("window").put("from", window.from().toString()).put("until", window.until().toString());
        root.put("legalBasis", legalBasis);
        root.put("signedOffBy", signedOffBy);
        root.put("signedOffAt", signedOffAt.toString());
        root.put("blockSize", blockSize);
        return SortedKeysJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of {@link #canonicalJson()}: recorded with every observation. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Addresses in all blocks together. */
    public long addressCount() {
        return ((ScopeBlocks) blocks).addressCount();
    }

    /**
     * The work items: each block cut into ranges of at most {@link #blockSize()} addresses, in order. A lazy,
     * random-access view: item {@code i} is computed when asked, so /8 or 100 million addresses cost nothing.
     */
    public List<AddressRange> workItems() {
        return new WorkItems((ScopeBlocks) blocks, blockSize);
    }

    /** How many work items {@link #workItems()} has, as a long (a list's size is an int). */
    public long workItemCount() {
        return new WorkItems((ScopeBlocks) blocks, blockSize).count();
    }

    /** The same work items as a stream, produced one at a time. */
    public Stream<AddressRange> workItemStream() {
        return workItems().stream();
    }

    public boolean inWindow(Instant t) {
        return window.contains(t);
    }

    /** Whether the address lies in one of the blocks: anything else is refused before a packet is sent. */
    public boolean covers(InetAddress address) {
        return ((ScopeBlocks) blocks).covers(address);
    }

    /**
     * Probe settings for this scope at {@code now}: its ports, its checks (never brute force), its credentials,
     * the default survey timeouts (2 s, banner 1 s, 2 connections per device) and {@code parallelTargets}
     * devices at once.
     *
     * @throws IllegalStateException outside the window: no settings, no probing
     */
    public ProbeSettings settings(int parallelTargets, Instant now) {
        return settings(parallelTargets, now, SurveyTimeouts.DEFAULT);
    }

    /** The same with other timeouts. */
    public ProbeSettings settings(int parallelTargets, Instant now, SurveyTimeouts timeouts) {
        if (!inWindow(now)) {
            throw new IllegalStateException("scope " + id + ": " + now + " is outside the window " + window.from()
                    + " to " + window.until());
        }
        List<Credential> list = new ArrayList<>();
        for (CredentialPair pair : credentials) {
            list.add(new Credential(pair.username(), pair.password(), "survey scope " + id, false));
        }
        // connectionsPerSecond records the scope's global rate in the run facts; the limiter that enforces it
        // across workers is the one handed to SurveyProbe. Brute-force attempts must be >= 3 for ProbeSettings
        // but never matter: the check is not in the set. SSDP asks udp/1900, UPnP's own port.
        return new ProbeSettings(ports, Optional.empty(), timeouts.timeout(), timeouts.bannerWait(),
                timeouts.maxConnectionsPerTarget(), rate, parallelTargets, CredentialList.of(list), 3,
                Duration.ofSeconds(1), 1900, "/", new TreeSet<>(checks), false);
    }
}
