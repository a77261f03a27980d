package io.iotseal.advisory.feed;

import io.iotseal.advisory.AffectedCpe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces the readers share: purls from OSV ecosystems, JVN version texts, feed timestamps. */
class FeedPartsTest {

    @ParameterizedTest
    @CsvSource({
            "Debian:12, openssl, pkg:deb/debian/openssl",
            "Ubuntu:22.04:LTS, openssl, pkg:deb/ubuntu/openssl",
            "Alpine:v3.19, busybox, pkg:apk/alpine/busybox",
            "Maven, org.apache.logging.log4j:log4j-core, pkg:maven/org.apache.logging.log4j/log4j-core",
            "PyPI, Django, pkg:pypi/django",
            "npm, @babel/traverse, pkg:npm/%40babel/traverse",
            "npm, lodash, pkg:npm/lodash",
            "Go, github.com/gin-gonic/gin, pkg:golang/github.com/gin-gonic/gin",
            "crates.io, openssl, pkg:cargo/openssl",
            "NuGet, Newtonsoft.Json, pkg:nuget/Newtonsoft.Json",
            "RubyGems, rack, pkg:gem/rack",
            "Packagist, symfony/http-kernel, pkg:composer/symfony/http-kernel",
            "Hex, plug, pkg:hex/plug",
            "Pub, http, pkg:pub/http"})
    void osvEcosystemsWithAPurlTypeBuildTheCanonicalPurl(String ecosystem, String name, String purl) throws Exception {
        assertThat(OsvPurls.fromEcosystem(ecosystem, name)).isEqualTo(purl);
    }

    @Test
    void ecosystemsWithoutAPurlTypeGiveNoneAndGivenPurlsLoseVersionAndQualifiers() throws Exception {
        assertThat(OsvPurls.fromEcosystem("Linux", "Kernel")).isNull();
        assertThat(OsvPurls.fromEcosystem("OSS-Fuzz", "libxml2")).isNull();
        assertThat(OsvPurls.strip("pkg:deb/debian/openssl@3.0.11-1?arch=source&distro=bookworm#sub"))
                .isEqualTo("pkg:deb/debian/openssl");
        assertThatThrownBy(() -> OsvPurls.fromEcosystem("Maven", "log4j-core")).hasMessageContaining("groupId:artifactId");
    }

    @Test
    void jvnVersionTextsBecomeBoundsOnlyInTheirKnownForms() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<AffectedCpe> cpes = JvnVersions.affected(JvnVersions.parse("cpe:/a:example:viewer"), List.of(
                "5.0", "Ver.2.1.0", "ver 1.2 and earlier", "1.3 以前", "prior to 7.0", "８．０ 未満", "1.0 to 1.4",
                "all versions", "firmware for the Japanese market"), warnings::add);

        String any = "cpe:2.3:a:example:viewer:*:*:*:*:*:*:*:*";
        assertThat(cpes).containsExactly(
                new AffectedCpe("cpe:2.3:a:example:viewer:5.0:*:*:*:*:*:*:*", null, null, null, null),
                new AffectedCpe("cpe:2.3:a:example:viewer:2.1.0:*:*:*:*:*:*:*", null, null, null, null),
                new AffectedCpe(any, null, null, "1.2", null),
                new AffectedCpe(any, null, null, "1.3", null),
                new AffectedCpe(any, null, null, null, "7.0"),
                new AffectedCpe(any, null, null, null, "8.0"),
                new AffectedCpe(any, "1.0", null, "1.4", null));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("'all versions'");
        assertThat(warnings.get(1)).contains("'firmware for the Japanese market'");
    }

    @Test
    void aJvnCpeWithAVersionIsKeptAsItIsAndOneWithoutNeedsAVersionText() throws Exception {
        List<String> warnings = new ArrayList<>();
        assertThat(JvnVersions.affected(JvnVersions.parse("cpe:/o:example:fw:1.0"), List.of("some text"), warnings::add))
                .containsExactly(new AffectedCpe("cpe:2.3:o:example:fw:1.0:*:*:*:*:*:*:*", null, null, null, null));
        assertThat(JvnVersions.affected(JvnVersions.parse("cpe:/a:rockwellautomation:data_center_%28idc%29"), List.of(), warnings::add))
                .isEmpty();
        assertThat(warnings).singleElement().asString().contains("data_center_\\(idc\\)", "names no version");
    }

    @Test
    void feedTimestampsParseInEveryFormTheFeedsUse() {
        assertThat(FeedTime.parse("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(FeedTime.parse("2024-01-02t03:04:05.5z")).isEqualTo(Instant.parse("2024-01-02T03:04:05.500Z"));
        assertThat(FeedTime.parse("2024-01-02 03:04:05+01:00")).isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
        assertThat(FeedTime.parse("2024-01-02T03:04:05.123")).isEqualTo(Instant.parse("2024-01-02T03:04:05.123Z"));
        assertThat(FeedTime.parse("2024-05-20T14:00+09:00")).isEqualTo(Instant.parse("2024-05-20T05:00:00Z"));
        assertThat(FeedTime.parse("2024-06-01T15:00:00.0000Z")).isEqualTo(Instant.parse("2024-06-01T15:00:00Z"));
        assertThatThrownBy(() -> FeedTime.parse("01/02/2024")).isInstanceOf(DateTimeParseException.class);
    }
}
