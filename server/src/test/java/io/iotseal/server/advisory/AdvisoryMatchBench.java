package io.iotseal.server.advisory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.RangeEvent;
import io.iotseal.server.ApiTest;
import io.iotseal.server.TestDatabase;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The matching benchmark of issue 16 (ADR 0095), not part of the test suite (its name matches no Surefire
 * pattern): 10,000 product versions x 300 components against 300,000 advisories on PostgreSQL, divided by
 * {@code iotseal.bench.scale}; times a full re-match (first run, which creates every finding, and a second,
 * steady-state run) and an incremental re-match after an import of 1,000/scale changed advisories, and prints
 * the figures with heap use. Run with server/bench/advisory-match.sh [scale].
 *
 * <p>Data: packages in four ecosystems (npm, PyPI, Maven, Debian), 30,000/scale of them; each SBOM lists 300
 * of them at one of 50 versions; every tenth component also has a CPE. Ten advisories per package, each
 * affecting versions below a "fixed" version; every tenth is an NVD-like CPE statement instead. Seeded with
 * set-based SQL; the components' match keys are computed in SQL the way {@link MatchKeys} computes them.
 */
@TestPropertySource(properties = "iotseal.advisories.scheduler=false")
class AdvisoryMatchBench extends ApiTest {

    @Autowired
    private FindingMatcher matcher;
    @Autowired
    private AdvisoryImports imports;
    @Autowired
    private JdbcTemplate sql;
    @Autowired
    private ObjectMapper mapper;

    @Test
    void fullAndIncrementalRematch() throws Exception {
        String scaleProperty = System.getProperty("iotseal.bench.scale");
        Assumptions.assumeTrue(scaleProperty != null && TestDatabase.postgres(),
                "the benchmark runs on PostgreSQL with -Diotseal.bench.scale=N");
        int scale = Integer.parseInt(scaleProperty);
        int versions = 10_000 / scale;
        int packages = 30_000 / scale;
        int advisories = 300_000 / scale;
        int changed = Math.max(1, 1_000 / scale);
        System.out.printf("%nAdvisory matching benchmark, scale 1/%d: %,d versions x 300 components, %,d packages,"
                + " %,d advisories%n", scale, versions, packages, advisories);

        long t = System.nanoTime();
        seed(versions, packages, advisories);
        System.out.printf("seeded in %,d ms: %,d component rows, %,d distinct components%n", ms(t),
                sql.queryForObject("select count(*) from sbom_component where purl like 'pkg:%/bench-%'", Long.class),
                sql.queryForObject("select count(distinct component_key) from sbom_component where purl like 'pkg:%/bench-%'",
                        Long.class));

        // iotseal.bench.runs=1 leaves out the steady-state run (the first run does the same work and writes the findings).
        List<String> runs = List.of("full re-match, first (creates the findings)", "full re-match, steady state");
        for (String run : runs.subList(0, Integer.getInteger("iotseal.bench.runs", 2))) {
            System.gc();
            resetPeaks();
            t = System.nanoTime();
            FindingMatcher.Result r = matcher.rematchAll();
            System.out.printf("%s: %,d ms; %,d keys, %,d components, %,d advisories loaded, %,d findings opened,"
                            + " %,d gone, %,d unchanged; heap peak %,d MiB%n", run, ms(t), r.keys(), r.components(),
                    r.advisories(), r.opened(), r.gone(), r.unchanged(), peakHeapMiB());
        }

        // An import of changed advisories (newer modified, a later fixed version), then the re-match it queued.
        List<Advisory> batch = sql.queryForList("select content from advisory where id like 'BENCH-%' order by id limit ?",
                String.class, changed).stream().map(this::read).map(AdvisoryMatchBench::bumped).toList();
        Actor operator = new Actor(UUID.randomUUID(), "bench", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        System.gc();
        resetPeaks();
        t = System.nanoTime();
        FeedImport imported = imports.store(operator, new AdvisoryImports.Batch("OSV", "bench", "0".repeat(64), batch,
                List.of(), List.of()));
        long importMs = ms(t);
        List<String> keys = sql.queryForList("select distinct match_key from advisory_key where advisory_id in ("
                + AdvisoryRepository.marks(batch.size()) + ")", String.class, batch.stream().map(Advisory::id).toArray());
        t = System.nanoTime();
        FindingMatcher.Result r = matcher.rematchKeys(keys);
        System.out.printf("incremental: import of %,d changed advisories %,d ms (%,d updated, %,d keys touched);"
                        + " re-match %,d ms (%,d components, %,d opened, %,d gone); heap peak %,d MiB%n", batch.size(),
                importMs, imported.updatedCount(), imported.touchedKeys(), ms(t), r.components(), r.opened(), r.gone(),
                peakHeapMiB());
        System.out.printf("heap: max %,d MiB, used now %,d MiB%n%n", Runtime.getRuntime().maxMemory() >> 20,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private Advisory read(String json) {
        try {
            return mapper.readValue(json, Advisory.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same advisory, modified later, with the fix moved one minor version up. */
    private static Advisory bumped(Advisory a) {
        List<AffectedPackage> packages = a.packages().stream().map(p -> new AffectedPackage(p.purl(), p.ecosystem(),
                p.ranges().stream().map(r -> new AffectedRange(r.type(), r.events().stream().map(e ->
                        e.kind() == RangeEvent.Kind.FIXED ? new RangeEvent(e.kind(), "1." + (minor(e.version()) + 1) % 10 + ".0")
                                : e).toList())).toList(), p.versions())).toList();
        return new Advisory(a.id(), a.source(), a.aliases(), a.summary(), a.published(),
                a.modified().plusSeconds(3600), a.withdrawn(), a.severities(), packages, a.cpes(), a.references());
    }

    private static int minor(String version) {
        return Integer.parseInt(version.split("\\.")[1]);
    }

    private void seed(int versions, int packages, int advisories) {
        UUID vendor = world.vendorA;
        // Products of ten versions each, one SBOM per version.
        sql.update("insert into product (id, vendor_id, name_en, name_ja, category, description, device_description,"
                + " support_end_date, vdp_url, vdp_contact, ip_capable, in_scope, scope_reason, published, search_text,"
                + " created_at, updated_at, version)"
                + " select md5('bench-product-' || g)::uuid, ?, 'Bench ' || g, 'ベンチ ' || g, 'CAMERA', 'Benchmark product',"
                + " 'Device', date '2030-01-01', 'https://example.com/vdp', 'psirt@example.com', true, true, 'In scope',"
                + " false, 'bench ' || g, now(), now(), 1 from generate_series(1, ?) g", vendor, (versions + 9) / 10);
        sql.update("insert into product_version (id, product_id, version, created_at)"
                + " select md5('bench-version-' || v)::uuid, md5('bench-product-' || ((v - 1) / 10 + 1))::uuid, '1.' || v, now()"
                + " from generate_series(1, ?) v", versions);
        sql.update("insert into evidence_blob (sha256, size_bytes, media_type, created_at)"
                + " select encode(sha256(convert_to('bench-sbom-' || v, 'UTF8')), 'hex'), 1000, 'application/vnd.cyclonedx+json', now()"
                + " from generate_series(1, ?) v", versions);
        sql.update("insert into sbom (id, product_id, version_id, sha256, format, spec_version, component_count,"
                + " warning_count, uploaded_by, uploaded_at)"
                + " select md5('bench-sbom-' || v)::uuid, md5('bench-product-' || ((v - 1) / 10 + 1))::uuid,"
                + " md5('bench-version-' || v)::uuid, encode(sha256(convert_to('bench-sbom-' || v, 'UTF8')), 'hex'),"
                + " 'CYCLONEDX_JSON', '1.6', 300, 0, 'bench', now() from generate_series(1, ?) v", versions);
        // Component j of SBOM v: a package and a version 1.<minor>.<patch> drawn by hashing (v, j), so that package
        // and version are independent (about 43 distinct versions of each package among its ~100 uses).
        sql.update("insert into sbom_component (sbom_id, seq, name, version, purl, cpe, purl_key, cpe_key, component_key)"
                + " select sbom_id, seq, 'bench-' || p, ver, pk || '@' || ver, cpe, pk, ck,"
                + " encode(sha256(convert_to(pk || '@' || ver, 'UTF8') || '\\x00'::bytea || convert_to(coalesce(cpe, ''), 'UTF8')"
                + "   || '\\x00'::bytea || convert_to(ver, 'UTF8')), 'hex')"
                + " from (select md5('bench-sbom-' || v)::uuid as sbom_id, j as seq, p, ver, " + purlKey("p") + " as pk,"
                + "   case when j % 10 = 0 then 'cpe:2.3:a:bench:bench-' || p || ':' || ver || ':*:*:*:*:*:*:*' end as cpe,"
                + "   case when j % 10 = 0 then 'cpe:bench:bench-' || p end as ck"
                + "   from generate_series(1, ?) v cross join generate_series(0, 299) j"
                + "   cross join lateral (select abs(hashtext('p' || v || '-' || j)) % ? as p,"
                + "     '1.' || (abs(hashtext('m' || v || '-' || j)) % 10) || '.' || (abs(hashtext('q' || v || '-' || j)) % 5) as ver) x) c",
                versions, packages);
        // Advisory a: package a mod P; fixed in 1.<a*7 mod 3>.0 (most versions are past the fix, as in life); every tenth by CPE (NVD) instead of purl (OSV).
        sql.update("insert into advisory (id, source, cve_id, aliases, summary, published, modified, withdrawn, content,"
                + " import_id, stored_at)"
                + " select 'BENCH-' || lpad(a::text, 7, '0'), case when a % 10 = 0 then 'NVD' else 'OSV' end, null, '',"
                + " 'bench', null, timestamptz '2026-01-01 00:00:00+00', false,"
                + " json_build_object('id', 'BENCH-' || lpad(a::text, 7, '0'), 'source', case when a % 10 = 0 then 'NVD' else 'OSV' end,"
                + "   'aliases', json_build_array(), 'summary', 'bench', 'published', null, 'modified', '2026-01-01T00:00:00Z',"
                + "   'withdrawn', false, 'severities', json_build_array(),"
                + "   'packages', case when a % 10 = 0 then json_build_array() else json_build_array(json_build_object("
                + "     'purl', " + purlKey("p") + ", 'ecosystem', " + ecosystem("p") + ", 'ranges', json_build_array("
                + "       json_build_object('type', 'ECOSYSTEM', 'events', json_build_array("
                + "         json_build_object('kind', 'INTRODUCED', 'version', '0'),"
                + "         json_build_object('kind', 'FIXED', 'version', '1.' || (a * 7 % 3) || '.0')))),"
                + "     'versions', json_build_array())) end,"
                + "   'cpes', case when a % 10 = 0 then json_build_array(json_build_object('criteria',"
                + "     'cpe:2.3:a:bench:bench-' || p || ':*:*:*:*:*:*:*:*', 'startIncluding', null, 'startExcluding', null,"
                + "     'endIncluding', null, 'endExcluding', '1.' || (a * 7 % 3) || '.0')) else json_build_array() end,"
                + "   'references', json_build_array())::text,"
                + " md5('bench-import')::uuid, now() from generate_series(1, ?) a cross join lateral (select a % ? as p) x",
                advisories, packages);
        sql.update("insert into advisory_key (match_key, advisory_id)"
                + " select case when a % 10 = 0 then 'cpe:bench:bench-' || p else " + purlKey("p") + " end,"
                + " 'BENCH-' || lpad(a::text, 7, '0') from generate_series(1, ?) a cross join lateral (select a % ? as p) x",
                advisories, packages);
        // Statistics for the seeded tables, as autovacuum would have them; component_finding is left to autovacuum
        // as in production (analysed while still empty, its statistics would mislead the planner through the run).
        sql.execute("analyze product, product_version, sbom, sbom_component, advisory, advisory_key");
    }

    /** The purl key of package p, in four ecosystems: the canonical form packageurl-java gives. */
    private static String purlKey(String p) {
        return "(case " + p + " % 4 when 0 then 'pkg:npm/bench-' || " + p + " when 1 then 'pkg:pypi/bench-' || " + p
                + " when 2 then 'pkg:maven/org.bench/bench-' || " + p + " else 'pkg:deb/debian/bench-' || " + p + " end)";
    }

    private static String ecosystem(String p) {
        return "(case " + p + " % 4 when 0 then 'npm' when 1 then 'PyPI' when 2 then 'Maven' else 'Debian:12' end)";
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
