package dev.llmuptime.local;

import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import dev.llmuptime.simulator.SimulatedProvider;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scripted incident on the simulated provider: after 10 s one model fails and another slows
 * down; at 45 s both recover. With examples/local.yaml the console and the dashboard show
 * {@code down} and {@code slow} fire and then resolve within about two minutes.
 */
final class DemoScript implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-script");
        thread.setDaemon(true);
        return thread;
    });

    DemoScript(SimulatedProvider simulator, PrintStream out) {
        timer.schedule(() -> {
            simulator.setFault(new Fault("sim-large", FaultMode.ERROR, 503, null, null));
            simulator.setFault(new Fault("sim-small", FaultMode.SLOW, null, 3000L, null));
            out.println("[demo] sim-large now fails with HTTP 503; sim-small answers 3 s slower. Watch for 'down' "
                    + "and 'slow'.");
        }, 10, TimeUnit.SECONDS);
        timer.schedule(() -> {
            simulator.setFault(Fault.healthy(Fault.ALL_MODELS));
            out.println("[demo] both models recovered. 'down' resolves in seconds; 'slow' once its 1-minute window "
                    + "has three fast probes.");
        }, 45, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
