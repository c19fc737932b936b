package dev.llmuptime.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the YAML configuration: substitutes environment variables, binds it to the validated
 * config records, and turns every problem into a {@link ConfigException} with one line naming the
 * file, line, key and what is expected.
 */
public final class ConfigLoader {

    private static final Set<String> SECRET_KEYS = Set.of("api-key", "secret", "routing-key", "api-token");

    private final ObjectMapper mapper;
    private final Function<String, String> env;

    /** A loader that reads variables from {@code env}, e.g. {@code System::getenv}. */
    public ConfigLoader(Function<String, String> env) {
        this.env = env;
        this.mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("durations").addDeserializer(Duration.class, new DurationDeserializer()))
                .build();
    }

    public static ConfigLoader fromEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    public MonitorConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file (pass --config FILE)");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses {@code text}; {@code source} names it in errors. */
    public MonitorConfig parse(String text, String source) {
        String substituted = EnvSubstitution.apply(text, env, source);
        YamlOutline outline = YamlOutline.read(substituted, MonitorConfig.class, source);
        if (outline.isEmpty()) {
            return MonitorConfig.DEFAULT;
        }
        try {
            MonitorConfig config = mapper.readValue(substituted, MonitorConfig.class);
            return config == null ? MonitorConfig.DEFAULT : config;
        } catch (JacksonException e) {
            throw new ConfigException(source + describe(e, outline));
        }
    }

    private static String describe(JacksonException e, YamlOutline outline) {
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        InvalidValueException invalid = causeOfType(e, InvalidValueException.class);
        if (invalid != null) {
            String key = path.isEmpty() ? invalid.key() : path + "." + invalid.key();
            return lineOf(e, outline, key, path) + ": " + key + " " + invalid.getMessage();
        }
        String line = lineOf(e, outline, path);
        IllegalArgumentException illegal = causeOfType(e, IllegalArgumentException.class);
        String lastKey = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        if (SECRET_KEYS.contains(lastKey.replaceAll("\\[\\d+]$", "")) || path.contains(".headers.")) {
            return line + ": " + path + ": expected a string";
        }
        if (illegal != null) {
            return line + ": " + path + ": " + illegal.getMessage();
        }
        if (e instanceof InvalidFormatException format) {
            return line + ": " + path + ": '" + format.getValue() + "' is not " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return line + ": " + path + ": expected " + expected(mismatch.getTargetType());
        }
        return line + ": " + path + ": " + firstLine(e.getOriginalMessage());
    }

    /** ":N" for the first of {@code paths} written in the file, else where the parser stopped. */
    private static String lineOf(JacksonException e, YamlOutline outline, String... paths) {
        for (String path : paths) {
            int line = outline.lineOf(path);
            if (line > 0) {
                return ":" + line;
            }
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == URI.class) {
            return "a URL";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return "a " + type.getSimpleName();
    }

    /** The config path of the failing value, e.g. {@code probes.targets[0].interval}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {

        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Durations.parse(parser.getValueAsString(parser.getText()));
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(parser, e.getMessage(), e);
            }
        }
    }
}
