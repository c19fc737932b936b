package dev.llmuptime.probe;

import dev.llmuptime.schema.ProbeResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Writes probe results to Kafka, keyed by target id and stamped with {@code startedAt}.
 *
 * <p>A broker outage is ridden out without loss up to a bound: the idempotent producer retries
 * what it holds until the broker returns (its delivery timeout is effectively infinite), which
 * keeps every target's results in order and written once. While its buffer is full, sends wait
 * on the dedicated sender thread and results queue up to {@link #BUFFER_CAPACITY}; beyond that
 * new results are dropped, counted and logged.
 */
final class ResultPublisher {

    /** Results held while Kafka cannot take them, in addition to the producer's own buffer. */
    static final int BUFFER_CAPACITY = 100_000;

    /** Results handed to the producer and not yet acknowledged. */
    private static final int MAX_IN_FLIGHT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ResultPublisher.class);

    private final Producer<String, ProbeResult> producer;
    private final String topic;
    private final ProbeMetrics metrics;
    private final Scheduler sender;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean blocked;

    /** @param sender a thread that may block (never an event loop): send() waits while the buffer is full */
    ResultPublisher(Producer<String, ProbeResult> producer, String topic, ProbeMetrics metrics, Scheduler sender) {
        this.producer = producer;
        this.topic = topic;
        this.metrics = metrics;
        this.sender = sender;
    }

    /** Sends every result; completes when all were acknowledged or definitely failed. */
    Mono<Void> publish(Flux<ProbeResult> results) {
        return results
                .onBackpressureBuffer(BUFFER_CAPACITY, this::droppedForFullBuffer, BufferOverflowStrategy.DROP_LATEST)
                .publishOn(sender, 256)
                .flatMap(this::send, MAX_IN_FLIGHT)
                .then();
    }

    /** True while results reach Kafka: nothing is waiting, or something was acknowledged recently. */
    boolean flowing(Duration patience) {
        return inFlight.get() == 0 || System.nanoTime() - lastProgressNanos < patience.toNanos();
    }

    long inFlight() {
        return inFlight.get();
    }

    private Mono<Void> send(ProbeResult result) {
        return Mono.create(sink -> {
            ProducerRecord<String, ProbeResult> record = new ProducerRecord<>(topic, null,
                    result.getStartedAt().toEpochMilli(), result.getTargetId(), result);
            if (inFlight.getAndIncrement() == 0) {
                lastProgressNanos = System.nanoTime();
            }
            while (true) {
                Attempt attempt = new Attempt();
                try {
                    producer.send(record, (metadata, failure) -> {
                        if (!attempt.returned && failure instanceof TimeoutException) {
                            // Called before send() returned: the record was not taken (see Attempt).
                            attempt.refused = failure;
                            return;
                        }
                        inFlight.decrementAndGet();
                        lastProgressNanos = System.nanoTime();
                        if (failure == null) {
                            metrics.sent();
                        } else {
                            failed(result, failure);
                        }
                        sink.success();
                    });
                } catch (KafkaException | IllegalStateException e) {
                    inFlight.decrementAndGet();
                    failed(result, e);
                    sink.success();
                    return;
                }
                attempt.returned = true;
                if (attempt.refused == null) {
                    if (blocked) {
                        blocked = false;
                        log.info("Kafka accepts results again");
                    }
                    return;
                }
                // The producer's buffer is full or the topic's metadata is unknown: the broker is away.
                // Try again here, on the sender thread, so order is kept; probes go on meanwhile.
                metrics.sendFailure("blocked");
                if (!blocked) {
                    blocked = true;
                    log.warn("Kafka does not accept results ({}); holding up to {} results until it does",
                            attempt.refused.getMessage(), BUFFER_CAPACITY);
                }
            }
        });
    }

    /**
     * One call of {@code send()}. When the producer cannot take a record within max.block.ms it
     * does not throw: it calls the callback with a TimeoutException before send() returns.
     */
    private static final class Attempt {
        volatile boolean returned;
        volatile Exception refused;
    }

    private void failed(ProbeResult result, Throwable failure) {
        metrics.sendFailure(failure.getClass().getSimpleName());
        metrics.dropped("send-failed");
        log.error("Result {} of target {} could not be written to Kafka: {}", result.getProbeId(),
                result.getTargetId(), failure.toString());
    }

    private void droppedForFullBuffer(ProbeResult result) {
        metrics.dropped("buffer-full");
        long count = dropped.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            log.error("Kafka has been unreachable too long: {} results dropped so far (buffer of {} full); "
                    + "latest from target {}", count, BUFFER_CAPACITY, result.getTargetId());
        }
    }
}
