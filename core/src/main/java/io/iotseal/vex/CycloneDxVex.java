package io.iotseal.vex;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a product version's triage as a CycloneDX 1.6 JSON VEX document (ADR 0094), built with the
 * CycloneDX library's model and generator: {@code metadata.component} is the product (vendor as supplier),
 * and each statement is one {@code vulnerabilities[]} entry with its source, {@code analysis} (state,
 * justification in CycloneDX terms, response, detail) and one {@code affects[]} ref, the component's purl
 * or bom-ref. A fix version is written as {@code affects[].versions[]} with status "unaffected", which
 * {@link VexReader} reads back as the fix version.
 */
public final class CycloneDxVex {

    private static final Pattern JVNDB = Pattern.compile("JVNDB-(\\d{4})-\\d+");

    private CycloneDxVex() {
    }

    public static byte[] write(ProductRef product, List<VexStatement> statements, Instant now) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(now));
        Component component = new Component();
        component.setType(Component.Type.DEVICE);
        component.setName(product.name());
        component.setVersion(product.version());
        component.setBomRef(product.bomRef());
        if (product.vendor() != null && !product.vendor().isBlank()) {
            OrganizationalEntity supplier = new OrganizationalEntity();
            supplier.setName(product.vendor());
            component.setSupplier(supplier);
        }
        metadata.setComponent(component);
        bom.setMetadata(metadata);
        // The same statement twice would be two equal entries, which the schema's uniqueItems refuses.
        bom.setVulnerabilities(statements.stream().distinct().map(CycloneDxVex::vulnerability).toList());
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX generator failed", e);
        }
    }

    private static Vulnerability vulnerability(VexStatement s) {
        Vulnerability v = new Vulnerability();
        v.setId(s.vulnerabilityId());
        v.setSource(source(s.vulnerabilityId()));
        Analysis a = new Analysis();
        a.setState(switch (s.status()) {
            case NOT_AFFECTED -> Analysis.State.NOT_AFFECTED;
            case AFFECTED -> Analysis.State.EXPLOITABLE;
            case FIXED -> Analysis.State.RESOLVED;
            case UNDER_INVESTIGATION -> Analysis.State.IN_TRIAGE;
        });
        String detail = s.impactStatement();
        if (s.justification() != null) {
            VexJustification cdx = s.justification().cycloneDx();
            a.setJustification(Analysis.Justification.fromString(cdx.label()));
            if (!s.justification().exactIn(VexJustification.Vocabulary.CYCLONEDX)) {
                // The nearest CycloneDX value is not the same claim: keep the vendor's own words beside it.
                String note = "Justification as stated (OpenVEX/CSAF): " + s.justification().label();
                detail = detail == null ? note : detail + "\n" + note;
            }
        }
        List<Analysis.Response> responses = responses(s);
        if (!responses.isEmpty()) {
            a.setResponses(responses);
        }
        a.setDetail(detail);
        if (s.timestamp() != null) {
            a.setLastUpdated(Date.from(s.timestamp()));
        }
        v.setAnalysis(a);
        v.setRecommendation(s.actionStatement());
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(s.component());
        if (s.fixedInVersion() != null) {
            Vulnerability.Version fixed = new Vulnerability.Version();
            fixed.setVersion(s.fixedInVersion());
            fixed.setStatus(Vulnerability.Version.Status.UNAFFECTED);
            affect.setVersions(List.of(fixed));
        }
        v.setAffects(List.of(affect));
        return v;
    }

    /** "update" where a fix version is known; "workaround_available" where an affected one has an action. */
    private static List<Analysis.Response> responses(VexStatement s) {
        List<Analysis.Response> out = new ArrayList<>();
        if (s.fixedInVersion() != null && (s.status() == VexStatus.FIXED || s.status() == VexStatus.AFFECTED)) {
            out.add(Analysis.Response.UPDATE);
        }
        if (s.status() == VexStatus.AFFECTED && s.actionStatement() != null && s.fixedInVersion() == null) {
            out.add(Analysis.Response.WORKAROUND_AVAILABLE);
        }
        return out;
    }

    /** The database that assigns the identifier: NVD for CVE, JVN iPedia for JVNDB, GitHub for GHSA. */
    static Vulnerability.Source source(String id) {
        Vulnerability.Source source = new Vulnerability.Source();
        Matcher jvn = JVNDB.matcher(id);
        if (id.startsWith("CVE-")) {
            source.setName("NVD");
            source.setUrl("https://nvd.nist.gov/vuln/detail/" + id);
        } else if (jvn.matches()) {
            source.setName("JVN");
            source.setUrl("https://jvndb.jvn.jp/ja/contents/" + jvn.group(1) + "/" + id + ".html");
        } else if (id.startsWith("GHSA-")) {
            source.setName("GitHub");
            source.setUrl("https://github.com/advisories/" + id);
        } else {
            return null;
        }
        return source;
    }
}
