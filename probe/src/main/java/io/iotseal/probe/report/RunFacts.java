package io.iotseal.probe.report;

import io.iotseal.probe.credential.CredentialList;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The facts a lab report needs about a run itself (ADR 0077): which tool and version, with which settings,
 * which credential lists (version and SHA-256), under whose authorisation, and when. Every output carries
 * them: the text header, the JSON, and the OSCAL document's props.
 *
 * @param authorization the operator's statement, or "" when none was required (loopback, private or
 *                      documentation addresses, at most 16 hosts)
 * @param settings      option name to value, as the run used them
 * @param overrides     the file of assessor overrides applied (name and SHA-256), or ""
 */
public record RunFacts(String tool, String toolVersion, String authorization, Map<String, String> settings,
                       List<CredentialList.Origin> credentialLists, String overrides) {
    public static final String TOOL = "IoTSeal device probe";

    public RunFacts {
        authorization = authorization == null ? "" : authorization;
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings)); // keeps option order
        credentialLists = List.copyOf(credentialLists);
        overrides = overrides == null ? "" : overrides;
    }

    /** The same facts, noting the overrides file applied. */
    public RunFacts withOverrides(String file) {
        return new RunFacts(tool, toolVersion, authorization, settings, credentialLists, file);
    }

    /** The probe's version, from the build (probe-version.properties, filled in by Maven). */
    public static String probeVersion() {
        try (InputStream in = RunFacts.class.getResourceAsStream("/io/iotseal/probe/probe-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
