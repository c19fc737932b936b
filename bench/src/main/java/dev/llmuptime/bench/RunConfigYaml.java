package dev.llmuptime.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.Durations;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;

/**
 * Writes the configuration files the benchmarks hand to the processes they start, all through
 * one YAML mapper: this project's {@link MonitorConfig} as {@link ConfigLoader} reads it back
 * (sections left at their defaults left out, durations as {@code 5s}), and the peers'
 * configurations, which are plain maps and lists.
 */
final class RunConfigYaml {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // empty fields of the config records left out; entries of maps kept, e.g. valid_status_codes: []
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.ALWAYS))
            .addModule(new SimpleModule("config-values")
                    .addSerializer(Duration.class, new DurationSerializer())
                    .addSerializer(Secret.class, new SecretSerializer()))
            .build();

    String serviceConfig(MonitorConfig config) {
        ObjectNode tree = yaml.valueToTree(config);
        JsonNode defaults = yaml.valueToTree(MonitorConfig.DEFAULT);
        for (Iterator<String> sections = defaults.fieldNames(); sections.hasNext(); ) {
            String section = sections.next();
            if (defaults.get(section).equals(tree.get(section))) {
                tree.remove(section);
            }
        }
        return text(tree);
    }

    /** A document of maps, lists and scalars, e.g. a Prometheus configuration. */
    String document(Object document) {
        return text(document);
    }

    private String text(Object document) {
        try {
            return yaml.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class DurationSerializer extends StdSerializer<Duration> {

        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration duration, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(Durations.format(duration));
        }
    }

    /** A secret the benchmark set is written as it is, the file being its configuration; an absent one is left out. */
    private static final class SecretSerializer extends StdSerializer<Secret> {

        private static final long serialVersionUID = 1L;

        SecretSerializer() {
            super(Secret.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Secret secret) {
            return !secret.isPresent();
        }

        @Override
        public void serialize(Secret secret, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(secret.reveal());
        }
    }
}
