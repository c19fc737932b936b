package dev.llmuptime.alert;

import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;

/**
 * Runs a Kafka loop on its thread until it is stopped: a failure is logged and the loop starts again
 * 5 s later, from what Kafka has, rather than leaving the service up with the loop dead.
 */
final class RestartingLoop {

    private static final long PAUSE_MS = 5_000;

    private RestartingLoop() {
    }

    /**
     * Runs {@code loop} while {@code running}; returns once it is woken up, stopped or interrupted.
     * {@code onFailure} runs first on each failure; {@code failure} is the log line that follows.
     */
    static void run(BooleanSupplier running, Runnable loop, Runnable onFailure, Logger log, String failure) {
        while (running.getAsBoolean()) {
            try {
                loop.run();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                onFailure.run();
                if (!running.getAsBoolean()) {
                    return;
                }
                log.error(failure, e);
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
