package dev.llmuptime.ops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service once and stops it once. {@link #start} runs the service's startup, which opens
 * its parts (servers, clients, threads) in order and registers each with {@link #onClose};
 * {@link #close} closes them in reverse order, and so does a startup that fails halfway.
 */
public final class ServiceLifecycle {

    public enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED }

    private static final Logger log = LoggerFactory.getLogger(ServiceLifecycle.class);

    private record Part(String name, AutoCloseable closer) {
    }

    private final String service;
    private final Deque<Part> parts = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.NEW;

    /** {@code service} names the service in the line logged when it has stopped. */
    public ServiceLifecycle(String service) {
        this.service = service;
    }

    /**
     * Runs {@code startup} once; throws {@link IllegalStateException} if the service was started or
     * closed before. If {@code startup} throws, what it opened is closed and the failure rethrown.
     */
    public synchronized void start(Runnable startup) {
        if (state != State.NEW) {
            throw new IllegalStateException("cannot start a service that is " + state.name().toLowerCase());
        }
        state = State.STARTING;
        try {
            startup.run();
        } catch (RuntimeException | Error failure) {
            stop();
            throw failure;
        }
        state = State.RUNNING;
    }

    /** Registers a part opened during start, to be closed by {@link #close}; returns it. */
    public <T extends AutoCloseable> T closeOnStop(T part) {
        onClose(part.getClass().getSimpleName(), part);
        return part;
    }

    /** Registers how to undo one step of start; {@link #close} runs these in reverse order. */
    public synchronized void onClose(String name, AutoCloseable closer) {
        if (state != State.STARTING) {
            throw new IllegalStateException("parts are registered while starting, not when " + state.name().toLowerCase());
        }
        parts.push(new Part(name, closer));
    }

    /**
     * Runs {@code action} only while the service is running, never during start or close: for work a
     * callback begins later (such as once Kafka is reachable). Returns whether it ran.
     */
    public synchronized boolean ifRunning(Runnable action) {
        if (state != State.RUNNING) {
            return false;
        }
        action.run();
        return true;
    }

    /**
     * Closes every part, in reverse order of registration, once; later calls do nothing. Closing a
     * service that was never started just marks it stopped. Returns whether this call stopped it.
     */
    public synchronized boolean close() {
        if (state == State.STOPPING || state == State.STOPPED) {
            return false;
        }
        stop();
        log.info("{} stopped", service);
        return true;
    }

    /** Blocks until the service has stopped. */
    public void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    public State state() {
        return state;
    }

    /** What {@code /health} says: {@code whileRunning} once started, else why the service is not running. */
    public Health health(Supplier<Health> whileRunning) {
        State now = state;
        return now == State.RUNNING ? whileRunning.get() : Health.down("service " + now.name().toLowerCase());
    }

    private void stop() {
        state = State.STOPPING;
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closer().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Stopping {} was interrupted", part.name());
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.name(), e.toString());
            }
        }
        state = State.STOPPED;
        stopped.countDown();
    }
}
