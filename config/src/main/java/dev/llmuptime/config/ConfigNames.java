package dev.llmuptime.config;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by the name the config spells it with, e.g. {@code chat-stream}. */
final class ConfigNames {

    private ConfigNames() {
    }

    static <E> E parse(E[] values, String text, Function<E, String> configName) {
        for (E value : values) {
            if (configName.apply(value).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of "
                + Arrays.stream(values).map(configName).collect(Collectors.joining(", ")));
    }
}
