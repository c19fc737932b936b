package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final List<CliOption> OPTIONS = List.of(CliOption.operand("TOPIC", "topic to read"),
            CliOption.operand("FROM", "first offset"), CliOption.withValue("--port", "N", "port"), CliOption.HELP);

    @Test
    void operandsAreFilledInTheOrderTheyAreDeclaredAroundOptions() {
        CommandLine commandLine = CommandLine.parse(new String[] {"results", "--port", "9000", "42"}, OPTIONS);

        assertThat(commandLine.value("TOPIC", null)).isEqualTo("results");
        assertThat(commandLine.value("FROM", null)).isEqualTo("42");
        assertThat(commandLine.port("--port", 0)).isEqualTo(9000);
    }

    @Test
    void operandsNotGivenAreAbsent() {
        CommandLine commandLine = CommandLine.parse(new String[] {"results", "--help"}, OPTIONS);

        assertThat(commandLine.has("FROM")).isFalse();
        assertThat(commandLine.value("FROM", "0")).isEqualTo("0");
        assertThat(commandLine.has("--help")).isTrue();
    }

    @Test
    void anArgumentBeyondTheOperandsIsUnexpected() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"results", "42", "43"}, OPTIONS))
                .isInstanceOf(UsageException.class).hasMessage("unexpected argument '43'; see --help");
    }

    @Test
    void anOperandNameIsNotAnOption() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--TOPIC", "results"}, OPTIONS))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unknown option '--TOPIC'");
    }
}
