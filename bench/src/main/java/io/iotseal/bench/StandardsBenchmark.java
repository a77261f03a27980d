package io.iotseal.bench;

import io.iotseal.catalog.Catalog;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.CoverageEngine;
import io.iotseal.coverage.RequirementResult;
import io.iotseal.coverage.Verdict;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.scheme.LevelRef;
import java.util.ArrayList;
import java.util.List;
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
 * The two figures issue 2 asks for: loading every built-in catalog, crosswalk and scheme (warm), and
 * coverage from one catalog's results to every catalog and every scheme level.
 * Run: {@code java -jar bench/target/benchmarks.jar StandardsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StandardsBenchmark {
    private StandardsLibrary library;
    private CoverageEngine engine;
    private AssessmentResults star1Results;
    private AssessmentResults en303645Results;

    @Setup
    public void setUp() {
        library = StandardsLoader.loadBuiltIn();
        engine = new CoverageEngine(library);
        star1Results = allPass("jc-star-star1");
        en303645Results = allPass("etsi-en-303-645");
    }

    /** Every requirement with known content passes: the largest set of inferences a catalog gives. */
    private AssessmentResults allPass(String catalogId) {
        List<RequirementResult> results = new ArrayList<>();
        library.requireCatalog(catalogId).requirements().stream().filter(r -> r.isKnown())
                .forEach(r -> results.add(new RequirementResult(r.id(), Verdict.PASS, null)));
        return new AssessmentResults("benchmark", catalogId, results);
    }

    @Benchmark
    public StandardsLibrary loadEverything() {
        return StandardsLoader.loadBuiltIn();
    }

    @Benchmark
    public void coverageFromStar1ToEverything(Blackhole sink) {
        coverToEverything(star1Results, sink);
    }

    @Benchmark
    public void coverageFromEn303645ToEverything(Blackhole sink) {
        coverToEverything(en303645Results, sink);
    }

    private void coverToEverything(AssessmentResults results, Blackhole sink) {
        CoverageEngine.Inferences inferences = engine.infer(results);
        for (Catalog c : library.catalogs()) {
            sink.consume(inferences.forCatalog(c));
        }
        for (String level : library.levelRefs()) {
            sink.consume(inferences.forLevel(LevelRef.parse(level)));
        }
    }
}
