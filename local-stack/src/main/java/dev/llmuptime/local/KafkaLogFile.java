package dev.llmuptime.local;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.ILoggerFactory;

/**
 * The file that Kafka's own log lines go to, as the logging configuration (local-stack's
 * {@code logback.xml}) says; empty when they go nowhere but the console.
 */
final class KafkaLogFile {

    private KafkaLogFile() {
    }

    static Optional<Path> of(ILoggerFactory loggers) {
        if (!(loggers instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Logger kafka = context.getLogger("org.apache.kafka");
        for (Iterator<Appender<ILoggingEvent>> appenders = kafka.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof FileAppender<ILoggingEvent> file) {
                return Optional.of(Path.of(file.getFile()).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
