package dev.llmuptime.simulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;

/** BlockHound guards every test of this module: a blocking call on a non-blocking thread fails. */
class BlockHoundActiveTest {

    @Test
    void blockingWhilePacingAReplyIsCaught() {
        // Replies are paced with Flux.interval, on Reactor's parallel threads, where BlockHound forbids Thread.yield.
        Flux<Long> paced = Flux.interval(Duration.ofMillis(1)).take(3).doOnNext(part -> Thread.yield());

        assertThatThrownBy(() -> paced.blockLast(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }
}
