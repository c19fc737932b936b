package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** local-stack's logback.xml: Kafka's warnings go to a file; its errors and the stack's own lines to the console. */
class KafkaLogFileTest {

    @TempDir
    Path dir;

    @Test
    void kafkasWarningsGoToTheFileWhileItsErrorsAndOurOwnLinesReachTheConsole() throws Exception {
        Path file = dir.resolve("logs").resolve("kafka.log");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("KAFKA_LOG_FILE", file.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src", "main", "resources", "logback.xml").toFile());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        consoleAppender(context, Logger.ROOT_LOGGER_NAME, "STDOUT").setOutputStream(console);
        consoleAppender(context, "org.apache.kafka", "KAFKA_ERRORS_ON_STDOUT").setOutputStream(console);

        context.getLogger("org.apache.kafka.streams.StreamsConfig").warn("processing exception handler notice");
        context.getLogger("kafka.server.DefaultAutoTopicCreationManager").warn("TOPIC_ALREADY_EXISTS");
        context.getLogger("state.change.logger").warn("state change");
        context.getLogger("org.apache.kafka.clients.NetworkClient").info("connection chatter");
        context.getLogger("org.apache.kafka.clients.NetworkClient").error("broker unreachable");
        context.getLogger("dev.llmuptime.local.LocalStack").warn("our own warning");
        assertThat(KafkaLogFile.of(context)).contains(file.toAbsolutePath().normalize());
        context.stop();

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("broker unreachable", "our own warning")
                .doesNotContain("notice", "TOPIC_ALREADY_EXISTS", "state change", "chatter");
        assertThat(Files.readString(file))
                .contains("notice", "TOPIC_ALREADY_EXISTS", "state change", "broker unreachable")
                .doesNotContain("chatter", "our own warning");
    }

    @Test
    void withoutAFileForKafkaThereIsNoneToName() {
        // The tests' logback-test.xml logs everything to the console.
        assertThat(KafkaLogFile.of(LoggerFactory.getILoggerFactory())).isEmpty();
    }

    private static OutputStreamAppender<ILoggingEvent> consoleAppender(LoggerContext context, String logger,
            String name) {
        return (OutputStreamAppender<ILoggingEvent>) context.getLogger(logger).getAppender(name);
    }
}
