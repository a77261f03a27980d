package io.iotseal.probe.bench;


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
import io.iotseal.probe.target.Target;

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
 * Throughput figures for probe/bench/bench.sh (against 127.0.0.1) and probe/bench/compare.sh (against the
 * lab's network namespaces: {@code -Dbench.host=10.203.x.y}; any other address is refused). Not a test:
 * performance is never asserted. Usage:
 * <pre>
 *   ProbeBench scan FIRST LAST CONCURRENCY
 *   ProbeBench login ssh|telnet|ftp|http PORT USER WORDLIST PARALLEL
 * </pre>
 */
public final class ProbeBench {
    private ProbeBench() {
    }

    /** The bench target: loopback, or a lab namespace address in 10.203.0.0/16 (ADR 0078). */
    static Target target() throws java.net.UnknownHostException {
        String host = System.getProperty("bench.host", "127.0.0.1");
        java.net.InetAddress address = java.net.InetAddress.getByName(host);
        byte[] b = address.getAddress();
        if (!address.isLoopbackAddress() && !(b.length == 4 && b[0] == 10 && (b[1] & 0xff) == 203)) {
            throw new IllegalArgumentException("bench.host: only loopback or the lab's 10.203.0.0/16, was " + host);
        }
        return new Target(host, address);
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "scan" -> scan(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "login" -> login(args[1], Integer.parseInt(args[2]), args[3], Path.of(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("mode: scan or login, was " + args[0]);
        }
    }

    private static void scan(int first, int last, int concurrency) throws Exception {
        List<Integer> ports = IntStream.rangeClosed(first, last).boxed().toList();
        Dialer dialer = new Dialer(target(), new RateLimiter(0), concurrency, Duration.ofSeconds(1));
        PortScanner.openPorts(dialer, List.of(22, 80)); // warm-up: class loading, virtual thread carrier start
        long start = System.nanoTime();
        List<Integer> open = PortScanner.openPorts(dialer, ports);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("scan ports=%d open=%d seconds=%.3f ports_per_s=%.0f%n", ports.size(), open.size(), seconds,
                ports.size() / seconds);
    }

    private static void login(String protocol, int port, String user, Path wordlist, int parallel) throws Exception {
        List<String> words = Files.readAllLines(wordlist).stream().filter(w -> !w.isEmpty()).toList();
        Dialer dialer = new Dialer(target(), new RateLimiter(0), parallel, Duration.ofSeconds(5));
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
