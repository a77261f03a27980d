package io.iotseal.bench;

import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
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
 * The bare Ed25519 check that dominates label verification, on one thread: BouncyCastle's general
 * verifier from the encoded key ({@code bouncyCastle}), BouncyCastle's verifier with the key decoded and
 * validated once ({@code bouncyCastlePrevalidatedKey}, its {@code PublicPoint} API: the fair comparison for
 * a verifier that checks many labels against one key), and IoTSeal's fixed-key comb verifier
 * (ADR 0034), over 1,024 distinct ~1 KB messages (about the size of a label credential's signing input).
 * Run: {@code java -jar bench/target/benchmarks.jar Ed25519Benchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class Ed25519Benchmark {
    private static final int MESSAGES = 1024;
    private final byte[][] messages = new byte[MESSAGES][];
    private final byte[][] signatures = new byte[MESSAGES][];
    private VerificationKey key;
    private byte[] publicKey;
    private Ed25519.PublicPoint publicPoint;
    private int next;

    @Setup
    public void sign() {
        SigningKey signer = SigningKey.generate(Instant.parse("2026-11-01T00:00:00Z"));
        key = signer.verificationKey();
        publicKey = key.publicKey();
        publicPoint = Ed25519.validatePublicKeyFullExport(publicKey, 0);
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = ("label " + i + " ").repeat(100).getBytes(StandardCharsets.US_ASCII);
            signatures[i] = signer.sign(messages[i]);
        }
    }

    @Benchmark
    public boolean bouncyCastle() {
        int i = next++ & (MESSAGES - 1);
        return check(Ed25519.verify(signatures[i], 0, publicKey, 0, messages[i], 0, messages[i].length));
    }

    @Benchmark
    public boolean bouncyCastlePrevalidatedKey() {
        int i = next++ & (MESSAGES - 1);
        return check(Ed25519.verify(signatures[i], 0, publicPoint, messages[i], 0, messages[i].length));
    }

    @Benchmark
    public boolean fixedKeyComb() {
        int i = next++ & (MESSAGES - 1);
        return check(key.verify(messages[i], signatures[i]));
    }

    private static boolean check(boolean valid) {
        if (!valid) {
            throw new IllegalStateException("benchmark signature did not verify");
        }
        return true;
    }
}
