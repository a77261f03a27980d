package io.iotseal.cli.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One lab device's network: a network namespace joined to the test's own namespace by a veth pair, with
 * a /30 from 10.203.0.0/16 (host side .1, device side .2). Files under /etc/netns/NAME are bind-mounted
 * over /etc by {@code ip netns exec}, so a device's users and passwords exist inside its namespace only,
 * never on the machine running the tests. Closing kills every process in the namespace (all started by
 * this test) and removes the namespace, the veth pair and the /etc/netns files.
 */
public final class Netns implements AutoCloseable {
    private final String name;
    private final InetAddress deviceAddress;
    private final Path etc;
    private final Path workDir;
    private final List<Process> processes = new ArrayList<>();

    private Netns(String name, InetAddress deviceAddress, Path workDir) {
        this.name = name;
        this.deviceAddress = deviceAddress;
        this.etc = Path.of("/etc/netns", name);
        this.workDir = workDir;
    }

    /**
     * Creates namespace {@code name} with the /30 whose network address is {@code 10.203.third.fourth}.
     * Fails (never skips) when the namespace cannot be created: the real-daemon tests need it.
     */
    public static Netns create(String name, int third, int fourth, Path workDir) {
        Netns ns = new Netns(name, address("10.203." + third + "." + (fourth + 2)), workDir);
        String host = name + "h";
        String device = name + "d";
        try {
            run("ip", "netns", "add", name);
            run("ip", "link", "add", host, "type", "veth", "peer", "name", device);
            run("ip", "link", "set", device, "netns", name);
            run("ip", "addr", "add", "10.203." + third + "." + (fourth + 1) + "/30", "dev", host);
            run("ip", "link", "set", host, "up");
            ns.exec("ip", "addr", "add", "10.203." + third + "." + (fourth + 2) + "/30", "dev", device);
            ns.exec("ip", "link", "set", device, "up");
            ns.exec("ip", "link", "set", "lo", "up");
            Files.createDirectories(ns.etc);
            Files.createDirectories(workDir);
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw new IllegalStateException("cannot create network namespace " + name + " (the real-daemon tests "
                    + "need root or CAP_NET_ADMIN and iproute2): " + e.getMessage(), e);
        }
        return ns;
    }

    public String name() {
        return name;
    }

    public InetAddress deviceAddress() {
        return deviceAddress;
    }

    public Path workDir() {
        return workDir;
    }

    /** Writes a file that replaces /etc/{@code file} for processes in this namespace only. */
    public void etcFile(String file, String content) {
        write(etc.resolve(file), content);
    }

    /** Writes a file in the device's working directory and returns its absolute path. */
    public Path file(String relative, String content) {
        Path p = workDir.resolve(relative);
        write(p, content);
        return p;
    }

    /** Runs a command inside the namespace to completion; fails on a non-zero exit. */
    public String exec(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    /** Runs a command inside the namespace with text on its standard input. */
    public void execWithInput(String input, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        runWithInput(input, full.toArray(String[]::new));
    }

    /**
     * Starts a daemon in the foreground inside the namespace, its output going to {@code log} in the work
     * directory, and waits until it listens on {@code port} ({@code udp} for UDP). Fails with the log when it
     * does not start in time.
     */
    public void startDaemon(String log, int port, boolean udp, String... command) {
        requireExecutable(command[0]);
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        Path logFile = workDir.resolve(log);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            processes.add(p);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (listening(port, udp)) {
                    return;
                }
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(String.join(" ", command) + " did not listen on " + (udp ? "udp/" : "tcp/")
                    + port + " in namespace " + name + "; its log:\n" + Files.readString(logFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean listening(int port, boolean udp) {
        String sockets = exec("ss", "-Hn", udp ? "-uln" : "-tln");
        return sockets.lines().anyMatch(l -> l.matches(".*[:.]" + port + "\\s+.*"));
    }

    /** Fails, naming the Debian package, when a daemon's program is missing: never a skip. */
    public static void requireExecutable(String program) {
        if (!Files.isExecutable(Path.of(program))) {
            throw new IllegalStateException(program + " is missing: run .ci/services.sh as root (it installs the "
                    + "real-daemon test packages) or see the README's prerequisites");
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        // Children the daemons forked (sessions, login shells) live in the namespace too; all were started here.
        try {
            for (String pid : run("ip", "netns", "pids", name).strip().split("\\s+")) {
                if (!pid.isBlank()) {
                    runQuietly("kill", "-KILL", pid);
                }
            }
        } catch (RuntimeException alreadyGone) {
            // The namespace was never created or is already gone.
        }
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runQuietly("ip", "link", "del", name + "h");
        runQuietly("ip", "netns", "del", name);
        try (var files = Files.walk(etc)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Nothing written yet.
        }
    }

    static String run(String... command) {
        return runWithInput(null, command);
    }

    private static String runWithInput(String input, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void runQuietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException ignored) {
            // Cleaning up: what is already gone is fine.
        }
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
