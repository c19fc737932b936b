package dev.llmuptime.bench;

import dev.llmuptime.config.CommandLine;
import dev.llmuptime.config.Durations;
import dev.llmuptime.config.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** The operands of one subcommand, typed; a missing or malformed one is a {@link UsageException}. */
final class Arguments {

    private final CommandLine commandLine;

    Arguments(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    String text(Operand operand) {
        String value = commandLine.value(operand.name(), operand.fallback());
        if (value == null) {
            throw new UsageException("missing " + operand.name() + " (" + operand.help() + "); see --help");
        }
        return value;
    }

    int wholeNumber(Operand operand, int atLeast) {
        long number = number(operand);
        if (number < atLeast || number > Integer.MAX_VALUE) {
            throw expected(operand, "a whole number of at least " + atLeast);
        }
        return (int) number;
    }

    /** A point in time as milliseconds since the epoch, e.g. {@code date +%s%3N}. */
    long epochMillis(Operand operand) {
        return number(operand);
    }

    Duration duration(Operand operand) {
        try {
            return Durations.parse(text(operand));
        } catch (IllegalArgumentException e) {
            throw new UsageException(operand.name() + ": " + e.getMessage());
        }
    }

    int port(Operand operand) {
        text(operand); // a missing port is reported as missing, not as port 0
        return commandLine.port(operand.name(), 0);
    }

    Path path(Operand operand) {
        return Path.of(text(operand)).toAbsolutePath();
    }

    URI httpUrl(Operand operand) {
        try {
            URI url = new URI(text(operand));
            if ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw expected(operand, "an http:// or https:// URL");
    }

    private long number(Operand operand) {
        try {
            return Long.parseLong(text(operand));
        } catch (NumberFormatException e) {
            throw expected(operand, "a whole number");
        }
    }

    private UsageException expected(Operand operand, String what) {
        return new UsageException(operand.name() + " expects " + what + ", got '" + text(operand) + "'");
    }
}
