package io.iotseal.bench;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.label.Label;
import io.iotseal.label.LabelIssuer;
import io.iotseal.label.Product;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.status.LabelState;
import io.iotseal.label.status.StatusLists;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.StatusSnapshot;
import io.iotseal.label.verify.Verification;
import io.iotseal.library.StandardsLoader;
import io.iotseal.scheme.Scheme;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offline label verification on one thread (issue 5: at least 10,000 labels per second): the full
 * check of a QR text and of a vc+jwt credential (signature, key, claims, dates), cycling through
 * 1,024 distinct labels so nothing is cached, and of a QR text against cached status lists. Run:
 * {@code java -jar bench/target/benchmarks.jar LabelVerificationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LabelVerificationBenchmark {
    private static final int LABELS = 1024;
    private final String[] qrTexts = new String[LABELS];
    private final String[] credentials = new String[LABELS];
    private LabelVerifier verifier;
    private StatusSnapshot status;
    private final Instant now = Instant.parse("2027-06-01T00:00:00Z");
    private int next;

    @Setup
    public void issueLabels() {
        Scheme jcStar = StandardsLoader.loadBuiltIn().scheme("jc-star").orElseThrow();
        RegistryUrls urls = RegistryUrls.at("https://registry.example.org");
        SigningKey key = SigningKey.generate(Instant.parse("2026-11-01T00:00:00Z"));
        verifier = new LabelVerifier(new TrustedKeys(List.of(key.verificationKey())));
        StatusLists lists = StatusLists.empty(131_072).apply(LABELS + 1, LabelState.issued(now).revoke("benchmark", now));
        try {
            status = StatusSnapshot.read(List.copyOf(lists.sign(urls, now.minusSeconds(60), Duration.ofDays(7),
                    Duration.ofMinutes(5), key).values()), new TrustedKeys(List.of(key.verificationKey())), now);
        } catch (VerificationException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < LABELS; i++) {
            Product product = new Product("Example Devices Co., Ltd.",
                    new LocalizedText(Map.of("en", "Home Camera HC-" + i, "ja", "ホームカメラ HC-" + i)),
                    List.of("HC-" + i, "HC-" + i + "W"), List.of("firmware 2.x"), LocalDate.of(2031, 3, 31));
            Label label = LabelIssuer.issue(jcStar, "star-1", "L" + i, "A" + i, product, LocalDate.of(2026, 11, 22), i);
            qrTexts[i] = QrToken.issue(label, urls, key);
            credentials[i] = LabelCredential.sign(label, urls, key);
        }
    }

    @Benchmark
    public Verification verifyQrText() {
        return check(verifier.verifyQrText(qrTexts[next++ & (LABELS - 1)], List.of(), now));
    }

    @Benchmark
    public Verification verifyCredential() {
        return check(verifier.verifyCredential(credentials[next++ & (LABELS - 1)], List.of(), now));
    }

    /** With both status lists, verified once beforehand (a verifier's cached copies). */
    @Benchmark
    public Verification verifyQrTextWithStatus() {
        return check(verifier.verifyQrText(qrTexts[next++ & (LABELS - 1)], status, now));
    }

    private static Verification check(Verification v) {
        if (!v.isValid()) {
            throw new IllegalStateException("benchmark label did not verify: " + v.reason());
        }
        return v;
    }
}
