package dev.llmuptime.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Asks again every quarter second until an answer comes, or fails after a deadline naming what it waited for. */
final class Poll {

    /** How often a condition is asked: the resolution of the times measured with it. */
    static final Duration EVERY = Duration.ofMillis(250);

    /** Something that may be there yet or not, and may fail to be asked. */
    @FunctionalInterface
    interface Answer<T> {
        Optional<T> get() throws Exception;
    }

    private Poll() {
    }

    static <T> T until(String what, Duration within, Answer<T> answer) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> found = answer.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + within.toSeconds() + " s");
            }
            Thread.sleep(EVERY.toMillis());
        }
    }

    static void until(String what, Duration within, BooleanSupplier condition) throws Exception {
        until(what, within, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }
}
