package io.iotseal.vex;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusal rule: statements about components the SBOM does not list (issue 16, "Bad input"). */
class VexStatementsTest {

    private static VexStatement about(String purl, String ref) {
        return new VexStatement("CVE-2021-3711", purl, ref, VexStatus.UNDER_INVESTIGATION, null, null, null, null, null);
    }

    @Test
    void statementsNamingNoSbomComponentAreReturnedInOrder() {
        VexStatement byPurl = about("pkg:generic/openssl@1.1.1k", null);
        VexStatement byRef = about(null, "busybox");
        VexStatement purlUnknownButRefKnown = about("pkg:generic/busybox@9.9", "busybox");
        VexStatement unknownPurl = about("pkg:generic/openssl@3.0.0", "openssl-3");
        VexStatement unknownRef = about(null, "dropbear");
        List<VexStatement> unknown = VexStatements.unknownComponents(
                List.of(byPurl, unknownPurl, byRef, unknownRef, purlUnknownButRefKnown),
                Set.of("pkg:generic/openssl@1.1.1k", "pkg:generic/busybox@1.33.1"), Set.of("openssl", "busybox"));
        assertThat(unknown).containsExactly(unknownPurl, unknownRef);
        assertThat(unknown).extracting(VexStatement::component).containsExactly("pkg:generic/openssl@3.0.0", "dropbear");
    }

    @Test
    void theStatementsReadFromEachFixtureAreCheckedAgainstTheCameraSbom() {
        Set<String> purls = Set.of("pkg:generic/openssl@1.1.1k", "pkg:generic/busybox@1.33.1");
        Set<String> refs = Set.of("openssl", "busybox");
        List<VexStatement> csaf = VexReader.read(VexReaderTest.fixture("camera-fw-csaf-vex-2.0.json"), "c").statements();
        // OpenSSL 1.1.1l is in firmware 2.4.2, not in this SBOM of 2.4.1.
        assertThat(VexStatements.unknownComponents(csaf, purls, refs)).extracting(VexStatement::component)
                .containsExactly("pkg:generic/openssl@1.1.1l");
    }

    @Test
    void aStatementNeedsAVulnerabilityAStatusAndAComponent() {
        assertThatThrownBy(() -> about(null, null)).hasMessageContaining("component");
        assertThatThrownBy(() -> new VexStatement(" ", "pkg:generic/x@1", null, VexStatus.FIXED, null, null, null,
                null, null)).hasMessageContaining("vulnerability id");
        assertThatThrownBy(() -> new VexStatement("CVE-2021-3711", "pkg:generic/x@1", null, null, null, null, null,
                null, null)).hasMessageContaining("status");
    }
}
