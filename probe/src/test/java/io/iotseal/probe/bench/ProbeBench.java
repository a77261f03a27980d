package io.iotseal.probe.bench;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.FtpLogin;
import io.iotseal.probe.credential.HttpLogin;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.credential.TelnetLogin;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.scan.PortScanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Throughput figures for probe/bench/bench.sh, against 127.0.0.1 only. Not a test: performance is never
 * asserted. Usage:
 * <pre>
 *   ProbeBench scan FIRST LAST CONCURRENCY
 *   ProbeBench login ssh|telnet|ftp|http PORT USER WORDLIST PARALLEL
 * </pre>
 */
public final class ProbeBench {
    private ProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "scan" -> scan(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "login" -> login(args[1], Integer.parseInt(args[2]), args[3], Path.of(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("mode: scan or login, was " + args[0]);
        }
    }

    private static void scan(int first, int last, int concurrency) {
        List<Integer> ports = IntStream.rangeClosed(first, last).boxed().toList();
        Dialer dialer = new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), concurrency, Duration.ofSeconds(1));
        PortScanner.openPorts(dialer, List.of(22, 80)); // warm-up: class loading, virtual thread carrier start
        long start = System.nanoTime();
        List<Integer> open = PortScanner.openPorts(dialer, ports);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("scan ports=%d open=%d seconds=%.3f ports_per_s=%.0f%n", ports.size(), open.size(), seconds,
                ports.size() / seconds);
    }

    private static void login(String protocol, int port, String user, Path wordlist, int parallel) throws Exception {
        List<String> words = Files.readAllLines(wordlist).stream().filter(w -> !w.isEmpty()).toList();
        Dialer dialer = new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), parallel, Duration.ofSeconds(3));
        var ssh = SshLogin.newClient();
        ssh.start();
        try {
            LoginClient client = switch (protocol) {
                case "ssh" -> new SshLogin(dialer, port, ssh);
                case "telnet" -> new TelnetLogin(dialer, port);
                case "ftp" -> new FtpLogin(dialer, port);
                case "http" -> new HttpLogin(dialer, port, false, "/");
                default -> throw new IllegalArgumentException("protocol: ssh, telnet, ftp or http, was " + protocol);
            };
            client.attempt(new Credential(user, "warm-up", "bench", true));
            Map<LoginOutcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String w : words) {
                    pool.submit(() -> {
                        LoginAttempt a = client.attempt(new Credential(user, w, "bench", true));
                        outcomes.computeIfAbsent(a.outcome(), o -> new AtomicLong()).incrementAndGet();
                    });
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("login protocol=%s parallel=%d attempts=%d seconds=%.3f attempts_per_s=%.1f outcomes=%s%n",
                    protocol, parallel, words.size(), seconds, words.size() / seconds, outcomes);
        } finally {
            ssh.stop();
        }
    }
}
