package io.iotseal.csaf;

import io.iotseal.csaf.CsafAdvisory.Cwe;
import io.iotseal.csaf.CsafAdvisory.Flag;
import io.iotseal.csaf.CsafAdvisory.Justification;
import io.iotseal.csaf.CsafAdvisory.OtherId;
import io.iotseal.csaf.CsafAdvisory.Product;
import io.iotseal.csaf.CsafAdvisory.Publisher;
import io.iotseal.csaf.CsafAdvisory.Reference;
import io.iotseal.csaf.CsafAdvisory.Remediation;
import io.iotseal.csaf.CsafAdvisory.RemediationCategory;
import io.iotseal.csaf.CsafAdvisory.Revision;
import io.iotseal.csaf.CsafAdvisory.Vulnerability;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Advisories for the CSAF tests (core and server): a security advisory and a VEX document of a camera vendor. */
public final class CsafExamples {

    public static final Instant FIRST = Instant.parse("2026-11-20T09:00:00Z");
    public static final Instant SECOND = Instant.parse("2026-11-27T15:30:00Z");
    public static final Publisher REGISTRY = new Publisher(Publisher.Category.COORDINATOR, "IoTSeal test registry",
            URI.create("https://registry.example.org"), "security@registry.example.org");
    // The CWE list's name of CWE-79, exactly as the validator's copy of the CWE list has it.
    static final Cwe XSS = new Cwe("CWE-79", "Improper Neutralization of Input During Web Page Generation"
            + " ('Cross-site Scripting')");

    private CsafExamples() {
    }

    public static List<Product> cameras() {
        return List.of(
                new Product("CAM-1.0.0", "Example Cameras", "Cam One", "1.0.0",
                        "pkg:generic/example-cameras/cam-one@1.0.0", null),
                new Product("CAM-1.0.1", "Example Cameras", "Cam One", "1.0.1",
                        "pkg:generic/example-cameras/cam-one@1.0.1",
                        "cpe:2.3:h:example_cameras:cam_one:1.0.1:*:*:*:*:*:*:*"));
    }

    /** A security advisory: version 1.0.0 affected, 1.0.1 fixed, with a CVE, CWE and CVSS 3.1 vector. */
    public static CsafAdvisory securityAdvisory(String trackingId, int revisions) {
        List<Revision> history = revisions == 1 ? List.of(new Revision(1, FIRST, "Initial version."))
                : List.of(new Revision(1, FIRST, "Initial version."), new Revision(2, SECOND, "Fixed version named."));
        Instant current = history.get(history.size() - 1).date();
        Vulnerability xss = new Vulnerability("CVE-2026-12345", null, "Stored XSS in the camera's web interface",
                "The camera's settings page shows the device name without escaping it.", XSS,
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", List.of("CAM-1.0.0"), List.of("CAM-1.0.1"), List.of(),
                List.of(new Remediation(RemediationCategory.VENDOR_FIX, "Update the firmware to 1.0.1.",
                        URI.create("https://cameras.example.com/firmware/1.0.1"), List.of("CAM-1.0.0"))),
                List.of());
        return new CsafAdvisory(CsafAdvisory.Profile.SECURITY_ADVISORY, REGISTRY, trackingId,
                "Cam One: stored cross-site scripting", "en", "Firmware 1.0.0 of Cam One lets a signed-in user store a"
                + " script that runs in other users' browsers; 1.0.1 fixes it.", FIRST, current, history, cameras(),
                List.of(xss), List.of(new Reference(URI.create("https://cameras.example.com/security"),
                "The vendor's security page")));
    }

    /** A VEX document: 1.0.0 affected with a mitigation, 1.0.1 not affected (code not present); no CVE. */
    public static CsafAdvisory vex(String trackingId) {
        Vulnerability v = new Vulnerability(null, new OtherId("IoTSeal case", "CASE-0042"),
                "Telnet enabled by default", "Firmware 1.0.0 starts a telnet service with a shared password.", null,
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", List.of("CAM-1.0.0"), List.of(), List.of("CAM-1.0.1"),
                List.of(new Remediation(RemediationCategory.MITIGATION, "Block TCP port 23 at the firewall.", null,
                        List.of("CAM-1.0.0"))),
                List.of(new Flag(Justification.VULNERABLE_CODE_NOT_PRESENT, List.of("CAM-1.0.1"))));
        return new CsafAdvisory(CsafAdvisory.Profile.VEX, REGISTRY, trackingId, "Cam One: telnet service", "en",
                "Which Cam One firmware versions start a telnet service.", FIRST, FIRST,
                List.of(new Revision(1, FIRST, "Initial version.")), cameras(), List.of(v), List.of());
    }
}
