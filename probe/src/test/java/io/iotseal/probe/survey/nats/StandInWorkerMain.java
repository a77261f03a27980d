package io.iotseal.probe.survey.nats;

import io.nats.client.Connection;

import java.time.Clock;

/**
 * A worker process with the stand-in backend ({@link ConnectBackend}), for the engine's tests and the
 * benchmark's no-op figures. Arguments: NATS-URL PORT connect|noop PARALLEL --name NAME.
 */
public final class StandInWorkerMain {
    private StandInWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Connection nc = WorkerMain.connect(args[0]);
        Worker worker = new Worker(nc, new ConnectBackend(Integer.parseInt(args[1]), args[2].equals("connect")),
                Integer.parseInt(args[3]), args[5], Clock.systemUTC());
        worker.run();
    }
}
