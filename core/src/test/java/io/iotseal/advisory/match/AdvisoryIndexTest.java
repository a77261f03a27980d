package io.iotseal.advisory.match;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisoryMatch;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.MatchBasis;
import io.iotseal.advisory.RangeEvent;
import io.iotseal.advisory.RangeEvent.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matching by package URL with OSV ranges, the distro qualifier, the CPE fallback and undecided versions. */
class AdvisoryIndexTest {

    static Advisory osv(String id, AffectedPackage... packages) {
        return new Advisory(id, AdvisorySource.OSV, List.of(), "", null, Instant.EPOCH, false, List.of(),
                List.of(packages), List.of(), List.of());
    }

    static Advisory nvd(String id, AffectedCpe... cpes) {
        return new Advisory(id, AdvisorySource.NVD, List.of(), "", null, Instant.EPOCH, false, List.of(), List.of(),
                List.of(cpes), List.of());
    }

    static AffectedPackage pkg(String purl, String ecosystem, AffectedRange... ranges) {
        return new AffectedPackage(purl, ecosystem, List.of(ranges), List.of());
    }

    /** A range from alternating kind/version pairs, e.g. range("ECOSYSTEM", INTRODUCED, "0", FIXED, "1.2"). */
    static AffectedRange range(String type, Object... kindsAndVersions) {
        List<RangeEvent> events = new ArrayList<>();
        for (int i = 0; i < kindsAndVersions.length; i += 2) {
            events.add(new RangeEvent((Kind) kindsAndVersions[i], (String) kindsAndVersions[i + 1]));
        }
        return new AffectedRange(type, events);
    }

    static List<String> ids(List<AdvisoryMatch> matches) {
        return matches.stream().map(AdvisoryMatch::advisoryId).toList();
    }

    @Nested
    class OsvRanges {
        private final AdvisoryIndex index = AdvisoryIndex.of(List.of(
                osv("OPEN", pkg("pkg:npm/left-pad", "npm", range("SEMVER", Kind.INTRODUCED, "0", Kind.FIXED, "1.3.0"))),
                osv("TWO-WINDOWS", pkg("pkg:npm/two", "npm", range("ECOSYSTEM", Kind.FIXED, "1.2.0",
                        Kind.INTRODUCED, "2.0.0", Kind.INTRODUCED, "0", Kind.FIXED, "2.3.0"))),
                osv("LAST", pkg("pkg:npm/last", "npm", range("ECOSYSTEM", Kind.INTRODUCED, "1.0.0",
                        Kind.LAST_AFFECTED, "1.4.0"))),
                osv("LIMITED", pkg("pkg:npm/limited", "npm", range("ECOSYSTEM", Kind.INTRODUCED, "0",
                        Kind.LIMIT, "2.0.0"))),
                osv("NO-FIX", pkg("pkg:npm/nofix", "npm", range("ECOSYSTEM", Kind.INTRODUCED, "3.0.0"))),
                osv("GIT-ONLY", pkg("pkg:npm/gitonly", "npm", range("GIT", Kind.INTRODUCED, "0",
                        Kind.FIXED, "a1b2c3d4e5f6"))),
                osv("LISTED", new AffectedPackage("pkg:pypi/listed", "PyPI", List.of(), List.of("1.0.post1", "2.0")))));

        @Test
        void introducedZeroIsFromTheFirstVersionAndFixedIsExcluded() {
            assertThat(ids(index.match("pkg:npm/left-pad@0.0.1", null, null))).containsExactly("OPEN");
            assertThat(ids(index.match("pkg:npm/left-pad@1.3.0-rc.1", null, null))).containsExactly("OPEN");
            assertThat(index.match("pkg:npm/left-pad@1.3.0", null, null)).isEmpty();
            assertThat(index.match("pkg:npm/left-pad@1.10.0", null, null)).isEmpty();
        }

        @Test
        void severalIntroducedFixedPairsInAnyOrderAreSortedByVersion() {
            assertThat(ids(index.match("pkg:npm/two@1.1.9", null, null))).containsExactly("TWO-WINDOWS");
            assertThat(index.match("pkg:npm/two@1.5.0", null, null)).isEmpty();
            AdvisoryMatch second = index.match("pkg:npm/two@2.1.0", null, null).get(0);
            assertThat(second.fixedIn()).isEqualTo("2.3.0");
            assertThat(second.reason()).isEqualTo("pkg:npm/two 2.1.0 in [2.0.0, 2.3.0)");
            assertThat(index.match("pkg:npm/two@2.3.0", null, null)).isEmpty();
        }

        @Test
        void lastAffectedIsIncludedAndNamesNoFix() {
            AdvisoryMatch m = index.match("pkg:npm/last@1.4.0", null, null).get(0);
            assertThat(m.fixedIn()).isNull();
            assertThat(m.reason()).endsWith("in [1.0.0, 1.4.0]");
            assertThat(index.match("pkg:npm/last@1.4.1", null, null)).isEmpty();
            assertThat(index.match("pkg:npm/last@0.9.0", null, null)).isEmpty();
        }

        @Test
        void limitCapsTheRange() {
            assertThat(ids(index.match("pkg:npm/limited@1.9.9", null, null))).containsExactly("LIMITED");
            assertThat(index.match("pkg:npm/limited@2.0.0", null, null)).isEmpty();
        }

        @Test
        void anOpenRangeHasNoFixKnown() {
            AdvisoryMatch m = index.match("pkg:npm/nofix@9.0.0", null, null).get(0);
            assertThat(m.fixedIn()).isNull();
            assertThat(m.reason()).endsWith("in [3.0.0, ∞)");
        }

        @Test
        void gitRangesNeverMatch() {
            MatchResult r = index.matchAll("pkg:npm/gitonly@0.0.1", null, null);
            assertThat(r.matches()).isEmpty();
            assertThat(r.undecided()).isEmpty();
        }

        @Test
        void listedVersionsMatchByStringAndByEcosystemEquality() {
            assertThat(ids(index.match("pkg:pypi/listed@1.0.post1", null, null))).containsExactly("LISTED");
            assertThat(ids(index.match("pkg:pypi/listed@1.0-1", null, null))).containsExactly("LISTED");
            assertThat(ids(index.match("pkg:pypi/listed", null, "2.0.0"))).containsExactly("LISTED");
            assertThat(index.match("pkg:pypi/listed@1.0", null, null)).isEmpty();
        }

        @Test
        void whenSeveralRangesMatchTheLowestFixIsNamed() {
            AdvisoryIndex twoRanges = AdvisoryIndex.of(List.of(osv("TWO-RANGES", pkg("pkg:npm/y", "npm",
                    range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "1.10.0"),
                    range("SEMVER", Kind.INTRODUCED, "1.0.0", Kind.FIXED, "1.9.0")))));
            assertThat(twoRanges.match("pkg:npm/y@1.2.0", null, null).get(0).fixedIn()).isEqualTo("1.9.0");
            assertThat(twoRanges.match("pkg:npm/y@1.9.5", null, null).get(0).fixedIn()).isEqualTo("1.10.0");
        }

        @Test
        void theVersionArgumentWinsOverThePurls() {
            assertThat(index.match("pkg:npm/left-pad@0.0.1", null, "1.3.0")).isEmpty();
        }
    }

    @Nested
    class Ecosystems {
        @Test
        void debianRevisionsAndTildesDecide() {
            AdvisoryIndex index = AdvisoryIndex.of(List.of(osv("DSA-1", pkg("pkg:deb/debian/openssl", "Debian:12",
                    range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "3.0.13-1~deb12u1")))));
            AdvisoryMatch m = index.match("pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12", null, null).get(0);
            assertThat(m.basis()).isEqualTo(MatchBasis.PURL);
            assertThat(m.fixedIn()).isEqualTo("3.0.13-1~deb12u1");
            assertThat(m.reason()).isEqualTo("pkg:deb/debian/openssl 3.0.11-1~deb12u2 in [0, 3.0.13-1~deb12u1)");
            assertThat(index.match("pkg:deb/debian/openssl@3.0.13-1~deb12u1?distro=debian-12", null, null)).isEmpty();
            assertThat(index.match("pkg:deb/debian/openssl@3.0.13-1?distro=debian-12", null, null)).isEmpty();
        }

        @Test
        void alpineSuffixesDecide() {
            AdvisoryIndex index = AdvisoryIndex.of(List.of(osv("ALPINE-1", pkg("pkg:apk/alpine/busybox", "Alpine:v3.19",
                    range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "1.36.1-r16")))));
            assertThat(index.match("pkg:apk/alpine/busybox@1.36.1-r15?distro=alpine-3.19.1", null, null)).hasSize(1);
            assertThat(index.match("pkg:apk/alpine/busybox@1.36.1_p1-r0?distro=alpine-3.19.1", null, null)).isEmpty();
        }

        @Test
        void pypiNamesAreNormalisedOnBothSides() {
            AdvisoryIndex index = AdvisoryIndex.of(List.of(osv("PYSEC-1", pkg("pkg:pypi/Django_REST.framework", "PyPI",
                    range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "3.15.2")))));
            assertThat(index.match("pkg:pypi/django-rest-framework@3.15.1", null, null)).hasSize(1);
            assertThat(index.match("pkg:pypi/django-rest-framework@3.15.2rc1", null, null)).hasSize(1);
        }

        @Test
        void mavenAndGoVersionsFollowTheirRules() {
            AdvisoryIndex index = AdvisoryIndex.of(List.of(
                    osv("GHSA-jfh8-c2jp-5v3q", pkg("pkg:maven/org.apache.logging.log4j/log4j-core", "Maven",
                            range("ECOSYSTEM", Kind.INTRODUCED, "2.0-beta9", Kind.FIXED, "2.15.0"))),
                    osv("GO-1", pkg("pkg:golang/golang.org/x/net", "Go",
                            range("SEMVER", Kind.INTRODUCED, "0", Kind.FIXED, "0.17.0")))));
            assertThat(index.match("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null, null)).hasSize(1);
            assertThat(index.match("pkg:maven/org.apache.logging.log4j/log4j-core@2.0-alpha1", null, null)).isEmpty();
            assertThat(index.match("pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0", null, null)).isEmpty();
            assertThat(index.match("pkg:golang/golang.org/x/net@v0.9.0", null, null).get(0).fixedIn()).isEqualTo("0.17.0");
            assertThat(index.match("pkg:golang/golang.org/x/net@v0.17.0", null, null)).isEmpty();
        }
    }

    @Nested
    class DistroQualifier {
        private final AdvisoryIndex index = AdvisoryIndex.of(List.of(osv("DLA-1",
                pkg("pkg:deb/debian/curl", "Debian:11", range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "7.74.0-1.3+deb11u9")),
                pkg("pkg:deb/debian/curl", "Debian:12", range("ECOSYSTEM", Kind.INTRODUCED, "7.88.1-1",
                        Kind.FIXED, "7.88.1-10+deb12u5")))));

        @Test
        void onlyTheNamedReleaseCounts() {
            AdvisoryMatch m = index.match("pkg:deb/debian/curl@7.88.1-10+deb12u4?arch=amd64&distro=debian-12", null, null)
                    .get(0);
            assertThat(m.fixedIn()).isEqualTo("7.88.1-10+deb12u5");
            assertThat(m.reason()).doesNotContain("distro");
            assertThat(index.match("pkg:deb/debian/curl@7.88.1-10+deb12u5?distro=debian-12", null, null)).isEmpty();
            // below Debian 11's fix, but outside Debian 12's range, and the component says it is Debian 12's
            assertThat(index.match("pkg:deb/debian/curl@7.74.0-1.3+deb11u8?distro=debian-12", null, null)).isEmpty();
            assertThat(ids(index.match("pkg:deb/debian/curl@7.74.0-1.3+deb11u8?distro=debian-11", null, null)))
                    .containsExactly("DLA-1");
        }

        @Test
        void withoutTheQualifierItMatchesAndSaysSo() {
            AdvisoryMatch m = index.match("pkg:deb/debian/curl@7.74.0-1.3+deb11u8", null, null).get(0);
            assertThat(m.reason()).contains("the advisory is for Debian:11, the component names no distro");
        }

        @Test
        void aReleaseIsNotAPrefixOfAnother() {
            AdvisoryIndex alpine = AdvisoryIndex.of(List.of(osv("A-1", pkg("pkg:apk/alpine/zlib", "Alpine:v3.1",
                    range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "9")))));
            assertThat(alpine.match("pkg:apk/alpine/zlib@1.3-r0?distro=alpine-3.19.1", null, null)).isEmpty();
            assertThat(alpine.match("pkg:apk/alpine/zlib@1.3-r0?distro=alpine-3.1.4", null, null)).hasSize(1);
        }
    }

    @Nested
    class CpeFallback {
        private final AdvisoryIndex index = AdvisoryIndex.of(List.of(
                nvd("CVE-2022-48174", new AffectedCpe("cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*", null, null, null,
                        "1.36.0")),
                nvd("CVE-2016-2105", new AffectedCpe("cpe:2.3:a:openssl:openssl:1.0.2g:*:*:*:*:*:*:*", null, null,
                        null, null)),
                nvd("CVE-OS", new AffectedCpe("cpe:2.3:o:busybox:busybox:*:*:*:*:*:*:*:*", null, null, null, null)),
                osv("OSV-BB", pkg("pkg:apk/alpine/busybox", "Alpine:v3.19",
                        range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "1.36.1-r16")))));

        @Test
        void aComponentWithoutPurlMatchesByCpeWithLowerConfidence() {
            AdvisoryMatch m = index.match(null, "cpe:2.3:a:busybox:busybox:1.35.0:*:*:*:*:*:*:*", null).get(0);
            assertThat(m.advisoryId()).isEqualTo("CVE-2022-48174");
            assertThat(m.basis()).isEqualTo(MatchBasis.CPE);
            assertThat(m.fixedIn()).isEqualTo("1.36.0");
            assertThat(m.reason()).contains("in [0, 1.36.0)").contains("lower confidence");
            assertThat(index.match(null, "cpe:2.3:a:busybox:busybox:1.36.0:*:*:*:*:*:*:*", null)).isEmpty();
        }

        @Test
        void cpe22UrisCaseAndEscapingAreAccepted() {
            assertThat(ids(index.match(null, "cpe:/a:OpenSSL:OpenSSL:1.0.2g", null))).containsExactly("CVE-2016-2105");
            assertThat(index.match(null, "cpe:/a:openssl:openssl:1.0.2h", null)).isEmpty();
            assertThat(ids(index.match(null, "cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*", "1.34.1")))
                    .containsExactly("CVE-2022-48174");
        }

        @Test
        void thePartMustMatch() {
            assertThat(ids(index.match(null, "cpe:2.3:o:busybox:busybox:1.37.0:*:*:*:*:*:*:*", null)))
                    .containsExactly("CVE-OS");
        }

        @Test
        void aPurlWithAdvisoryDataWinsOverTheCpe() {
            List<AdvisoryMatch> m = index.match("pkg:apk/alpine/busybox@1.35.0-r0",
                    "cpe:2.3:a:busybox:busybox:1.35.0:*:*:*:*:*:*:*", null);
            assertThat(m).extracting(AdvisoryMatch::advisoryId, AdvisoryMatch::basis)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("OSV-BB", MatchBasis.PURL));
        }

        @Test
        void aPurlWithoutAdvisoryDataFallsBackToTheCpe() {
            assertThat(index.match("pkg:generic/busybox@1.35.0", "cpe:2.3:a:busybox:busybox:1.35.0:*:*:*:*:*:*:*",
                    null)).extracting(AdvisoryMatch::basis).containsExactly(MatchBasis.CPE);
        }

        @Test
        void aCpeWithoutVersionIsUndecidedWhereVersionsMatter() {
            MatchResult r = index.matchAll(null, "cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*", null);
            assertThat(r.matches()).isEmpty();
            assertThat(r.undecided()).extracting(MatchResult.Undecided::advisoryId).containsExactly("CVE-2022-48174");
        }

        @Test
        void anInvalidCpeIsNamed() {
            assertThatThrownBy(() -> index.match(null, "busybox 1.35", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpe").hasMessageContaining("busybox 1.35");
        }
    }

    @Nested
    class Undecided {
        private final AdvisoryIndex index = AdvisoryIndex.of(List.of(
                osv("DSA-2", pkg("pkg:deb/debian/dropbear", "Debian:12",
                        range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "2022.83-1+deb12u1"))),
                osv("BROKEN", pkg("pkg:pypi/requests", "PyPI",
                        range("ECOSYSTEM", Kind.INTRODUCED, "0", Kind.FIXED, "not/a version")))));

        @Test
        void anUnparseableComponentVersionIsUndecidedNotUnaffected() {
            MatchResult r = index.matchAll("pkg:deb/debian/dropbear", null, "2022.83 beta");
            assertThat(r.matches()).isEmpty();
            assertThat(r.undecided()).containsExactly(new MatchResult.Undecided("DSA-2",
                    "pkg:deb/debian/dropbear: component version \"2022.83 beta\" is not a valid deb version"));
            assertThat(index.match("pkg:deb/debian/dropbear", null, "2022.83 beta")).isEmpty();
        }

        @Test
        void aComponentWithoutVersionIsUndecided() {
            assertThat(index.matchAll("pkg:deb/debian/dropbear", null, null).undecided())
                    .extracting(MatchResult.Undecided::reason)
                    .containsExactly("pkg:deb/debian/dropbear: the component states no version");
        }

        @Test
        void anUnparseableAdvisoryVersionIsUndecided() {
            assertThat(index.matchAll("pkg:pypi/requests@2.31.0", null, null).undecided())
                    .extracting(MatchResult.Undecided::advisoryId).containsExactly("BROKEN");
        }

        @Test
        void anInvalidPurlIsNamed() {
            assertThatThrownBy(() -> index.match("pkg:", null, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("purl: ");
        }
    }

    @Test
    void withdrawnAdvisoriesAreIgnored() {
        Advisory live = osv("LIVE", pkg("pkg:npm/x", "npm", range("SEMVER", Kind.INTRODUCED, "0")));
        Advisory withdrawn = new Advisory("GONE", AdvisorySource.OSV, List.of(), "", null, Instant.EPOCH, true,
                List.of(), live.packages(), List.of(), List.of());
        AdvisoryIndex index = AdvisoryIndex.of(List.of(live, withdrawn));
        assertThat(index.size()).isEqualTo(1);
        assertThat(ids(index.match("pkg:npm/x@1.0.0", null, null))).containsExactly("LIVE");
    }

    @Test
    void anAdvisoryWithAnInvalidPurlIsNamedWhenIndexing() {
        assertThatThrownBy(() -> AdvisoryIndex.of(List.of(osv("BAD-1", pkg("openssl", "Debian")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAD-1");
    }
}
