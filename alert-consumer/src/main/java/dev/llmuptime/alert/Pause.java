package dev.llmuptime.alert;

import java.time.Duration;

/** How a delivery loop waits between attempts: while polling Kafka in service, at once in tests. */
@FunctionalInterface
interface Pause {

    void await(Duration wait);
}
