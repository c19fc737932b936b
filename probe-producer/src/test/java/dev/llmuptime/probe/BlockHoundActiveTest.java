package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

/** BlockHound guards every test of this module: a blocking call on a non-blocking thread fails. */
class BlockHoundActiveTest {

    @Test
    void blockingOnAReactorThreadIsCaught() {
        // Thread.yield is among the calls BlockHound forbids on Reactor's non-blocking threads.
        Mono<Long> blocking = Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> Thread.yield());

        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }
}
