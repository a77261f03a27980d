package io.iotseal.probe.snmp;

import io.iotseal.json.JsonMappers;

import com.fasterxml.jackson.databind.JsonNode;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.smi.OID;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SNMPv3 data of {@code snmpv3.yaml} (ADR 0088): the user names tried without authentication and the
 * security levels and USM protocols with whether each is weak, why, and the source. Validated when loaded,
 * naming the entry and field at fault; a protocol must also be one SNMP4J implements under that OID.
 *
 * @param version   the file's version, printed in findings
 * @param userNames the names tried with noAuthNoPriv, in order
 * @param levels    security level name to its entry
 * @param auth      authentication protocol name (as {@code --snmpv3-user} takes it) to its entry
 * @param privacy   privacy protocol name to its entry
 */
public record Snmpv3Policy(int version, List<String> userNames, Map<String, Entry> levels, Map<String, Entry> auth,
                           Map<String, Entry> privacy) {
    private static final String RESOURCE = "/io/iotseal/probe/snmpv3.yaml";

    /** One level or protocol: weak or not, the reason, the source, and its OID (null for levels). */
    public record Entry(String name, OID oid, boolean weak, String reason, String source, boolean verified) {
        /** "MD5 (HMAC-MD5-96...; RFC 3414 section 6; RFC 6151, unverified)". */
        public String cited() {
            return name + " (" + reason + "; " + source + (verified ? "" : ", unverified") + ")";
        }
    }

    public Snmpv3Policy {
        userNames = List.copyOf(userNames);
        levels = Map.copyOf(levels);
        auth = Map.copyOf(auth);
        privacy = Map.copyOf(privacy);
    }

    public static Snmpv3Policy builtIn() {
        try (InputStream in = Snmpv3Policy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(JsonMappers.strictYaml().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses and validates; every problem is an IllegalArgumentException naming the section and entry. */
    public static Snmpv3Policy parse(JsonNode root) {
        int version = root.path("version").asInt(0);
        if (version <= 0) {
            throw new IllegalArgumentException("snmpv3.yaml: 'version' must be a positive integer");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode n : list(root, "user-names")) {
            String name = text(n, "name", "user-names");
            text(n, "source", "user-names/" + name);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("snmpv3.yaml: user-names: '" + name + "' appears twice");
            }
            names.add(name);
        }
        Map<String, Entry> levels = entries(root, "security-levels", false, null);
        for (String required : List.of("noAuthNoPriv", "authNoPriv", "authPriv")) {
            if (!levels.containsKey(required.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("snmpv3.yaml: security-levels: '" + required + "' is missing");
            }
        }
        SecurityProtocols known = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        Map<String, Entry> auth = entries(root, "authentication", true, oid -> known.getAuthenticationProtocol(oid) != null);
        Map<String, Entry> privacy = entries(root, "privacy", true, oid -> known.getPrivacyProtocol(oid) != null);
        return new Snmpv3Policy(version, names, levels, auth, privacy);
    }

    private static Map<String, Entry> entries(JsonNode root, String section, boolean withOid,
                                              java.util.function.Predicate<OID> implemented) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (JsonNode n : list(root, section)) {
            String name = text(n, "name", section);
            String where = section + "/" + name;
            if (!n.path("weak").isBoolean()) {
                throw new IllegalArgumentException("snmpv3.yaml: " + where + ": 'weak' must be true or false");
            }
            OID oid = null;
            if (withOid) {
                String text = text(n, "oid", where);
                if (!text.matches("\\d+(\\.\\d+)+")) {
                    throw new IllegalArgumentException("snmpv3.yaml: " + where + ": 'oid' is not a dotted OID: " + text);
                }
                oid = new OID(text);
                if (!implemented.test(oid)) {
                    throw new IllegalArgumentException("snmpv3.yaml: " + where + ": SNMP4J implements no " + section
                            + " protocol with OID " + text);
                }
            }
            Entry e = new Entry(name, oid, n.path("weak").asBoolean(), text(n, "reason", where), text(n, "source", where),
                    n.path("verified").asBoolean(false));
            if (out.put(name.toUpperCase(java.util.Locale.ROOT), e) != null) {
                throw new IllegalArgumentException("snmpv3.yaml: " + where + " appears twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("snmpv3.yaml: '" + section + "' must list at least one entry");
        }
        return out;
    }

    private static JsonNode list(JsonNode root, String section) {
        JsonNode n = root.path(section);
        if (!n.isArray()) {
            throw new IllegalArgumentException("snmpv3.yaml: '" + section + "' must be a list");
        }
        return n;
    }

    private static String text(JsonNode n, String field, String where) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException("snmpv3.yaml: " + where + ": field '" + field + "' is missing");
        }
        return v;
    }

    /** The security level entry by its exact name (noAuthNoPriv, authNoPriv, authPriv). */
    public Entry level(String name) {
        return levels.get(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** The authentication protocol by name, case-insensitive. */
    public Optional<Entry> authProtocol(String name) {
        return Optional.ofNullable(auth.get(name.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The privacy protocol by name, case-insensitive. */
    public Optional<Entry> privacyProtocol(String name) {
        return Optional.ofNullable(privacy.get(name.toUpperCase(java.util.Locale.ROOT)));
    }
}
