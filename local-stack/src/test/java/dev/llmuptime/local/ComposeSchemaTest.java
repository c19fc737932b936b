package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is valid against the Compose Specification's JSON schema (draft-07), a copy
 * of which is in this module's test resources, so any compose implementation accepts it.
 */
class ComposeSchemaTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @Test
    void dockerComposeYmlIsValid() throws IOException {
        List<Error> errors = validate(Files.readString(COMPOSE_FILE));

        assertThat(errors).isEmpty();
    }

    @Test
    void aServiceWithAnUnknownKeyIsInvalid() throws IOException {
        String file = Files.readString(COMPOSE_FILE).replace("\n  simulator:\n",
                "\n  simulator:\n    replicaz: 2\n");

        assertThat(validate(file)).extracting(Error::toString).anySatisfy(error -> assertThat(error)
                .contains("replicaz"));
    }

    @Test
    void aDependencyConditionOutsideTheSpecificationIsInvalid() throws IOException {
        String file = Files.readString(COMPOSE_FILE).replace("condition: service_healthy", "condition: service_ready");

        assertThat(validate(file)).isNotEmpty();
    }

    /** SnakeYAML resolves the file's anchors and aliases, as compose does, before the schema sees it. */
    private static List<Error> validate(String composeFile) throws IOException {
        Map<String, Object> document = new Yaml().load(composeFile);
        JsonNode tree = new ObjectMapper().valueToTree(document);
        try (InputStream in = ComposeSchemaTest.class.getResourceAsStream("/compose-spec.json")) {
            // Its $id is relative: it resolves against where the schema was read from.
            Schema compose = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(SchemaLocation.of("classpath:compose-spec.json"), new ObjectMapper().readTree(in));
            return compose.validate(tree);
        }
    }
}
