package io.iotseal.bench;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.RangeEvent;
import io.iotseal.advisory.match.AdvisoryIndex;
import io.iotseal.advisory.match.MatchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 16's matching load: one product version's 300 components against an index of 300,000 synthetic
 * advisories (OSV ranges over six ecosystems, 10 advisories a package, and NVD CPE statements). A full re-match
 * of 10,000 product versions is 10,000 times {@link #matchOneSbom}, spread over the cores.
 * Run: {@code java -jar bench/target/benchmarks.jar AdvisoryMatchingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AdvisoryMatchingBenchmark {
    static final int ADVISORIES = 300_000;
    static final int COMPONENTS = 300;
    private static final int PER_PACKAGE = 10;
    private static final String[][] ECOSYSTEMS = {
            {"deb", "debian/", "Debian:12"}, {"apk", "alpine/", "Alpine:v3.19"}, {"npm", "", "npm"},
            {"pypi", "", "PyPI"}, {"maven", "org.example/", "Maven"}, {"golang", "example.com/m/", "Go"}};

    private List<Advisory> advisories;
    private AdvisoryIndex index;
    private String[][] components;

    @Setup
    public void setUp() {
        advisories = advisories();
        long before = usedHeap();
        index = AdvisoryIndex.of(advisories);
        System.out.printf("%nindex of %d advisories: about %d MB of heap%n", index.size(),
                (usedHeap() - before) / (1024 * 1024));
        components = components();
    }

    @Benchmark
    public void matchOneSbom(Blackhole sink) {
        for (String[] c : components) {
            MatchResult r = index.matchAll(c[0], c[1], null);
            sink.consume(r);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AdvisoryIndex buildIndex() {
        return AdvisoryIndex.of(advisories);
    }

    private static List<Advisory> advisories() {
        List<Advisory> all = new ArrayList<>(ADVISORIES);
        int cpeOnly = ADVISORIES / 10;
        for (int i = 0; all.size() < ADVISORIES - cpeOnly; i++) {
            int pkg = i / PER_PACKAGE;
            String[] eco = ECOSYSTEMS[pkg % ECOSYSTEMS.length];
            String purl = "pkg:" + eco[0] + "/" + eco[1] + "pkg" + pkg;
            int n = i % PER_PACKAGE;
            List<RangeEvent> events = List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, n == 0 ? "0" : version(eco[0], n, 0)),
                    new RangeEvent(RangeEvent.Kind.FIXED, version(eco[0], n, 5)));
            all.add(advisory("OSV-" + i, List.of(new AffectedPackage(purl, eco[2],
                    List.of(new AffectedRange(eco[0].equals("golang") ? "SEMVER" : "ECOSYSTEM", events)), List.of())),
                    List.of()));
        }
        for (int i = 0; i < cpeOnly; i++) {
            all.add(advisory("CVE-" + i, List.of(), List.of(new AffectedCpe(
                    "cpe:2.3:a:vendor" + (i / PER_PACKAGE) + ":product:*:*:*:*:*:*:*:*", "1." + (i % PER_PACKAGE) + ".0",
                    null, null, "1." + (i % PER_PACKAGE) + ".5"))));
        }
        return all;
    }

    private static Advisory advisory(String id, List<AffectedPackage> packages, List<AffectedCpe> cpes) {
        return new Advisory(id, AdvisorySource.OSV, List.of(), "", null, Instant.EPOCH, false, List.of(), packages,
                cpes, List.of());
    }

    private static String version(String type, int minor, int patch) {
        return switch (type) {
            case "deb" -> "1." + minor + "." + patch + "-1";
            case "apk" -> "1." + minor + "." + patch + "-r0";
            default -> "1." + minor + "." + patch;
        };
    }

    /** 300 components: most name packages with advisories, some only a CPE, some packages nobody reported. */
    private static String[][] components() {
        SplittableRandom random = new SplittableRandom(16);
        String[][] out = new String[COMPONENTS][];
        int packages = (ADVISORIES * 9 / 10) / PER_PACKAGE;
        for (int i = 0; i < COMPONENTS; i++) {
            int kind = i % 10;
            String version = "1." + random.nextInt(PER_PACKAGE) + "." + random.nextInt(8);
            if (kind < 7) {
                int pkg = random.nextInt(packages);
                String[] eco = ECOSYSTEMS[pkg % ECOSYSTEMS.length];
                String v = eco[0].equals("deb") ? version + "-1" : eco[0].equals("apk") ? version + "-r0"
                        : eco[0].equals("golang") ? "v" + version : version;
                out[i] = new String[] {"pkg:" + eco[0] + "/" + eco[1] + "pkg" + pkg + "@" + v, null};
            } else if (kind < 9) {
                out[i] = new String[] {null, "cpe:2.3:a:vendor" + random.nextInt(ADVISORIES / 10 / PER_PACKAGE)
                        + ":product:" + version + ":*:*:*:*:*:*:*"};
            } else {
                out[i] = new String[] {"pkg:npm/unreported-" + i + "@" + version, null};
            }
        }
        return out;
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
