package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.ProbeResult;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Runs one probe; the scheduler depends on this alone, so scheduling is tested without a network. */
@FunctionalInterface
interface ProbeRunner {

    /** A result for every probe: never an error, never later than the target's timeout. */
    Mono<ProbeResult> probe(TargetConfig target, Instant scheduledAt);
}
