package io.iotseal.server.advisory;

import io.iotseal.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mirror folder import (ADR 0095): each kind's subfolder is imported when it changed, not again when it
 * did not; a broken file imports nothing of its folder (the other kinds still import).
 */
class MirrorImportTest extends ApiTest {

    @Autowired
    private AdvisoryImports imports;
    @Autowired
    private AdvisoryRepository repository;

    @TempDir
    Path mirror;

    private MirrorImport mirrorImport() {
        return new MirrorImport(new AdvisoryProperties(0, mirror.toString(), Duration.ofHours(1), LocalTime.of(3, 30),
                true, Duration.ofSeconds(1), 1), imports, repository);
    }

    @Test
    void changedFoldersAreImportedOnceAndABrokenFileImportsNothingOfItsFolder() throws Exception {
        Files.createDirectories(mirror.resolve("osv"));
        Files.createDirectories(mirror.resolve("kev"));
        Files.write(mirror.resolve("osv/GHSA-jfh8-c2jp-5v3q.json"), FeedImportApiTest.fixture("osv/GHSA-jfh8-c2jp-5v3q.json"));
        Files.write(mirror.resolve("osv/ALPINE-CVE-2022-48174.json"), FeedImportApiTest.fixture("osv/ALPINE-CVE-2022-48174.json"));
        Files.write(mirror.resolve("kev/known_exploited_vulnerabilities.json"),
                FeedImportApiTest.fixture("kev/known_exploited_vulnerabilities.json"));

        List<FeedImport> first = mirrorImport().run();
        assertThat(first).extracting(FeedImport::kind).containsExactlyInAnyOrder("OSV", "KEV");
        FeedImport osv = first.stream().filter(i -> i.kind().equals("OSV")).findFirst().orElseThrow();
        assertThat(osv.advisories()).isEqualTo(2);
        assertThat(osv.name()).isEqualTo(mirror.resolve("osv").toAbsolutePath().normalize().toString());
        assertThat(osv.importedBy()).isEqualTo("system");

        assertThat(mirrorImport().run()).as("nothing changed").isEmpty();

        byte[] whole = FeedImportApiTest.fixture("osv/DEBIAN-CVE-2023-5678.json");
        Files.write(mirror.resolve("osv/DEBIAN-CVE-2023-5678.json"), Arrays.copyOf(whole, whole.length / 2));
        long before = jdbc.sql("select count(*) from advisory_import").query(Long.class).single();
        assertThat(mirrorImport().run()).isEmpty();
        assertThat(jdbc.sql("select count(*) from advisory_import").query(Long.class).single()).isEqualTo(before);

        Files.write(mirror.resolve("osv/DEBIAN-CVE-2023-5678.json"), whole);
        List<FeedImport> fixed = mirrorImport().run();
        assertThat(fixed).hasSize(1);
        // The two imported before are unchanged; the Debian one is new, or unchanged when another test of the
        // shared database imported the same fixture already.
        assertThat(fixed.get(0).advisories()).isEqualTo(3);
        assertThat(fixed.get(0).newCount() + fixed.get(0).unchangedCount()).isEqualTo(3);
        assertThat(fixed.get(0).unchangedCount()).isGreaterThanOrEqualTo(2);
    }
}
