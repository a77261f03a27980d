package io.iotseal.probe.survey.nats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Survey workers as separate JVMs, started like {@code iotseal probe worker}: this JVM's java binary and class
 * path, one log file each under target/nats. Closing stops (and if need be kills) them all.
 */
public final class WorkerProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    /** Starts {@code count} processes of {@code mainClass} with {@code args} plus {@code --name worker-i}. */
    public static WorkerProcesses start(int count, Class<?> mainClass, List<String> args) throws IOException {
        WorkerProcesses workers = new WorkerProcesses();
        Path logs = Files.createDirectories(Path.of("target", "nats"));
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (int i = 1; i <= count; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    mainClass.getName()));
            command.addAll(args);
            command.addAll(List.of("--name", "worker-" + i));
            workers.processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve("worker-" + ProcessHandle.current().pid() + "-" + i + ".log").toFile())
                    .start());
        }
        return workers;
    }

    public Process get(int i) {
        return processes.get(i);
    }

    public List<Process> all() {
        return processes;
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
