package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

/**
 * BlockHound guards every test of this module: a blocking call on the event loop that serves the
 * dashboard and the API fails, which is why the API reads its state stores on bounded-elastic threads.
 */
class BlockHoundActiveTest {

    @Test
    void blockingOnTheHttpServersEventLoopIsCaught() {
        // Thread.yield is among the calls BlockHound forbids on Netty's event loop threads.
        Future<?> onTheEventLoop = HttpResources.get().onServer(true).next().submit(Thread::yield);

        assertThatThrownBy(() -> onTheEventLoop.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void blockingOnBoundedElasticIsAllowed() {
        Mono<String> offTheEventLoop = Mono.fromCallable(() -> {
            Thread.yield();
            return "read";
        }).subscribeOn(Schedulers.boundedElastic());

        assertThat(offTheEventLoop.block(Duration.ofSeconds(5))).isEqualTo("read");
    }
}
