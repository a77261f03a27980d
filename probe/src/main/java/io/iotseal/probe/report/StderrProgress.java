package io.iotseal.probe.report;

import io.iotseal.probe.target.Target;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on standard error while the probe runs, so standard output stays clean for the report or JSON.
 * On a terminal one status line is rewritten in place; otherwise each step is a line.
 */
public final class StderrProgress implements ProgressListener {
    private final PrintStream err;
    private final boolean terminal;
    private final long total;
    private final AtomicInteger finished = new AtomicInteger();

    public StderrProgress(PrintStream err, boolean terminal, long total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    @Override
    public void targetStarted(Target target) {
        line(target + ": started");
    }

    @Override
    public void step(Target target, String step) {
        line(target + ": " + step);
    }

    @Override
    public void targetFinished(Target target, long failed, long total) {
        int done = finished.incrementAndGet();
        synchronized (err) {
            if (terminal) {
                err.print("\r\033[K");
            }
            err.printf("[%d/%d] %s: done, %d of %d findings FAIL%n", done, this.total, target, failed, total);
        }
    }

    private void line(String text) {
        synchronized (err) {
            String prefix = "[" + finished.get() + "/" + total + "] ";
            if (terminal) {
                String s = prefix + text;
                err.print("\r\033[K" + (s.length() > 110 ? s.substring(0, 110) : s));
            } else {
                err.println(prefix + text);
            }
            err.flush();
        }
    }
}
