package io.iotseal.advisory.match;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each ecosystem's ordering against published vectors (a selection; sources named per test). Expected
 * relations are the published ones, checked where a reference implementation is at hand (dpkg 1.21,
 * Python packaging 23).
 */
class VersionSchemeTest {

    private static String relation(String scheme, String a, String b) {
        int c = VersionScheme.parse(scheme, a).compareTo(VersionScheme.parse(scheme, b));
        return c < 0 ? "<" : c > 0 ? ">" : "=";
    }

    /** Pairs from dpkg's t/Dpkg_Version.t and Debian Policy §5.6.12; each confirmed by dpkg --compare-versions. */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "1.0 = 1.0-0", "1.0~rc1 < 1.0", "1.0~rc1~1 < 1.0~rc1", "1.0 < 1.0+b1", "1:0.9 > 2.0",
            "2.2~rc-4 < 2.2-1", "1.0000-1 = 1.0-1", "0:1.0 = 1.0", "1.0a > 1.0", "1.0.1 > 1.0a",
            "1.0-1 < 1.0-1+deb12u1", "3.0.11-1~deb12u2 < 3.0.11-1", "3.0.15-1~deb12u1 > 3.0.11-1~deb12u2",
            "1.36.1-9 < 1:1.0", "2.30-1 > 2.3-1", "1.0~~ < 1.0~", "1.0~ < 1.0", "1.2.3 < 1.2.3.0", "0 < 0.0",
            "7.6p2-4 > 7.6-0", "1.1.6r2-2 > 1.1.6r-1", "2.6b2-1 > 2.6b-2", "98.1p5-1 < 98.1-pre2-b6-2",
            "0.4a6-2 > 0.4-1", "1:3.0.5-2 < 1:3.0.5.1", "10.3 < 1:0.4", "1:1.25-4 < 1:1.25-8",
            "9:1.18.36:5.4-20 < 10:0.5.1-22", "9:1.18.36:5.4-20 < 9:1.18.36:5.5-1", "2.0.7pre1-4 < 2.0.7r-1",
            "0:0:0-0 > 0:0-0", "0:0-0-0 > 0:0-0"})
    void debianVersionsOrderAsDpkgDoes(String a, String relation, String b) {
        assertThat(relation("deb", a, b)).isEqualTo(relation);
    }

    /** Pairs from apk-tools' test/version.data (alpinelinux/apk-tools), plus the suffix order of apk's docs. */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "2.34 > 0.1.0_alpha", "0.1.0_alpha2 > 0.1.0_alpha", "1.1 > 1.1_alpha1", "0.8_beta1 < 0.8_beta2",
            "2.3.0b-r1 < 2.3.0b-r2", "0.12.3 > 0.12", "1.2.11 < 1.2.12.1", "3.1_p16 < 3.1_p17",
            "1.2.2-r1 > 1.2.2", "2.59 < 20050718-r1", "4.2.52_p2-r1 < 4.2.52_p4-r2", "2.5.1-r8 < 2.5.1a-r1",
            "20040401 > 2.0.0_rc3-r1", "0.10.0 < 0.10.1_rc1", "0.9.8c-r1 < 0.9.8d", "1.8.5 < 1.8.5_p2",
            "1.6.8_p12-r1 > 1.6.8_p9-r2", "2.12r-r4 < 2.12r-r5", "7.0.17 < 7.0.174", "0.59s-r11 < 0.65",
            "1.3_pre1-r1 < 1.3.2", "1.0_p10-r0 > 1.0_p9-r0", "0.1.0_alpha_pre2 < 0.1.0_alpha",
            "1.0.0_pre20191002222144-r0 < 1.0.0_pre20210530193627-r0",
            // a first number with leading zeros is an integer (our one correction to versatile, ADR 0093)
            "1.06-r6 < 006", "006 > 1.0.0", "3.0.0-r2 < 021109-r3",
            // suffix order: _alpha < _beta < _pre < _rc < (release) < _cvs < _svn < _git < _hg < _p
            "1.2.3_alpha1 < 1.2.3_beta1", "1.2.3_beta1 < 1.2.3_pre1", "1.2.3_pre1 < 1.2.3_rc1",
            "1.2.3_rc1-r2 < 1.2.3-r0", "1.2.3 < 1.2.3_cvs", "1.2.3 < 1.2.3_git20200101", "1.2.3-r5 < 1.2.3_p1"})
    void alpineVersionsOrderAsApkToolsDoes(String a, String relation, String b) {
        assertThat(relation("apk", a, b)).isEqualTo(relation);
    }

    /**
     * PEP 440's ordering examples ("Summary of permitted suffixes and relative ordering", normalisation). Left out:
     * a numeric local label after an alphanumeric one ("1.0+abc.7" < "1.0+5"), which versatile orders the other
     * way (ADR 0093: local versions are not published to PyPI, so advisories do not name them).
     */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "1.0.dev456 < 1.0a1", "1.0a1 < 1.0a2.dev456", "1.0a2.dev456 < 1.0a12.dev456", "1.0a12 < 1.0b1.dev456",
            "1.0b2 < 1.0b2.post345.dev456", "1.0b2.post345.dev456 < 1.0b2.post345", "1.0b2.post345 < 1.0rc1.dev456",
            "1.0rc1 < 1.0", "1.0 < 1.0+abc.5", "1.0+abc.5 < 1.0+abc.7", "1.0+abc.7 < 1.0.post456.dev34", "1.0 < 1.0+5",
            "1.0.post456.dev34 < 1.0.post456", "1.0.post456 < 1.1.dev1", "1!0.5 > 2.0",
            "1.0 = 1.0.0", "1.0c1 = 1.0rc1", "1.0-1 = 1.0.post1", "v1.0 = 1.0", "1.0RC1 = 1.0rc1",
            "1.0.alpha1 = 1.0a1", "1.0-dev = 1.0.dev0", "1.01 = 1.1"})
    void pythonVersionsOrderAsPep440Says(String a, String relation, String b) {
        assertThat(relation("pypi", a, b)).isEqualTo(relation);
    }

    /** SemVer 2.0.0 §11's precedence example, and build metadata ignored (§10). */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "1.0.0-alpha < 1.0.0-alpha.1", "1.0.0-alpha.1 < 1.0.0-alpha.beta", "1.0.0-alpha.beta < 1.0.0-beta",
            "1.0.0-beta < 1.0.0-beta.2", "1.0.0-beta.2 < 1.0.0-beta.11", "1.0.0-beta.11 < 1.0.0-rc.1",
            "1.0.0-rc.1 < 1.0.0", "1.0.0 < 2.0.0", "2.0.0 < 2.1.0", "2.1.0 < 2.1.1", "1.9.0 < 1.10.0",
            "1.0.0+build.1 = 1.0.0", "v1.2.3 = 1.2.3"})
    void semverOrdersAsTheSpecSays(String a, String relation, String b) {
        assertThat(relation(VersionScheme.SEMVER, a, b)).isEqualTo(relation);
    }

    /** Go modules: semver with a "v"; pseudo-versions sort before the release they precede (go.dev/ref/mod). */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "v1.2.3 < v1.10.0", "v1.0.0-rc.1 < v1.0.0", "v0.0.0-20210101000000-abcdefabcdef < v0.0.1",
            "v2.0.0+incompatible = v2.0.0"})
    void goVersionsOrderAsModulesDo(String a, String relation, String b) {
        assertThat(relation("golang", a, b)).isEqualTo(relation);
    }

    /** Maven's ComparableVersion (maven.apache.org POM reference, "Version Order Specification"). */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "1-alpha < 1-beta", "1-beta < 1-milestone", "1-milestone < 1-rc", "1-rc = 1-cr", "1-rc < 1-SNAPSHOT",
            "1-SNAPSHOT < 1", "1 = 1.0.0", "1 = 1-ga", "1 = 1-final", "1 < 1-sp", "1 < 1-1", "1.0-alpha1 < 1.0",
            "2.14.1 < 2.15.0", "2.17.0 > 2.16.0", "1.0.0.RELEASE = 1.0.0"})
    void mavenVersionsOrderAsComparableVersionDoes(String a, String relation, String b) {
        assertThat(relation("maven", a, b)).isEqualTo(relation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {"deb 1.0_beta", "pypi foo!bar", "npm 1.x.y", "deb ''"})
    void versionsAgainstTheSchemeAreRefused(String scheme, String version) {
        assertThatThrownBy(() -> VersionScheme.parse(scheme, version)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {"Debian:12 deb deb", "Ubuntu:22.04:LTS deb deb", "Alpine:v3.19 apk apk",
            "PyPI pypi pypi", "Go golang golang", "crates.io cargo npm", "Maven maven maven", "npm npm npm",
            "SomethingNew generic generic", "NULL deb deb"}, nullValues = "NULL")
    void schemesFollowTheEcosystemThenThePurlType(String ecosystem, String purlType, String scheme) {
        assertThat(VersionScheme.of(ecosystem, purlType)).isEqualTo(scheme);
    }
}
