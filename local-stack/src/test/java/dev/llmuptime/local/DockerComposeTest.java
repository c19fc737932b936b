package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here to run docker-compose.yml, so this test checks it, and the
 * Dockerfile, against the code: every service's jar, port, health path, config path and
 * environment variable exists, and the mounted config parses with the real loader.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:[-?][^}]*)?}");

    @ParameterizedTest
    @CsvSource({"probe-producer, 8081", "aggregator-streams, 8080", "alert-consumer, 8082"})
    void everyServiceIsBuiltRunAndCheckedAsTheCodeSays(String service, int port) throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> spec = map(map(compose, "services"), service);
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        // Built from its own stage of the Dockerfile, which copies the jar the build makes.
        assertThat(map(spec, "build").get("target")).isEqualTo(service);
        String stage = stage(dockerfile, service);
        assertThat(stage).contains("COPY --from=build /src/" + service + "/target/" + service + ".jar /app/" + service
                + ".jar");
        assertThat(Files.readString(ROOT.resolve(service).resolve("pom.xml"))).contains("<artifactId>" + service
                + "</artifactId>");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<finalName>${project.artifactId}</finalName>");
        assertThat(stage).contains("EXPOSE " + port)
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/" + service + ".jar\", \"--config\", "
                        + "\"/etc/llm-uptime/monitor.yaml\"]");

        // Its configuration is mounted where the entry point reads it, and parses with the real loader.
        assertThat(list(spec, "volumes")).contains("./examples/compose.yaml:/etc/llm-uptime/monitor.yaml:ro");
        MonitorConfig config = load(map(spec, "environment"));
        int configured = switch (service) {
            case "probe-producer" -> config.probes().httpPort();
            case "aggregator-streams" -> config.aggregation().httpPort();
            default -> config.alerts().httpPort();
        };
        assertThat(configured).isEqualTo(port);
        assertThat(list(spec, "ports")).contains(port + ":" + port);
        assertThat(list(map(spec, "healthcheck"), "test")).contains("http://localhost:" + port + "/health");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");

        // It starts once Kafka is healthy.
        assertThat(map(map(spec, "depends_on"), "kafka").get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void everyVariableTheConfigNeedsIsPassedToEveryService() throws IOException {
        Map<String, Object> services = map(compose(), "services");
        Matcher matcher = VARIABLE.matcher(Files.readString(ROOT.resolve("examples/compose.yaml")));
        while (matcher.find()) {
            if (matcher.group(2) == null) {
                for (String service : List.of("probe-producer", "aggregator-streams", "alert-consumer")) {
                    assertThat(map(map(services, service), "environment")).as("%s in %s", matcher.group(1), service)
                            .containsKey(matcher.group(1));
                }
            }
        }
    }

    @Test
    void kafkaRunsKraftFromTheOfficialImageWithItsDataOnANamedVolume() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> kafka = map(map(compose, "services"), "kafka");
        Map<String, Object> environment = map(kafka, "environment");

        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat((String) environment.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
        assertThat(list(kafka, "volumes")).contains("kafka-data:" + environment.get("KAFKA_LOG_DIRS"));
        assertThat(map(compose, "volumes")).containsKey("kafka-data");
        assertThat(map(kafka, "healthcheck")).isNotNull();
    }

    @Test
    void imagesRunAsANonRootUser() throws IOException {
        String runtime = stage(Files.readString(ROOT.resolve("Dockerfile")), "runtime");

        assertThat(runtime).contains("useradd --system --uid 10001").contains("USER monitor");
        assertThat(runtime).doesNotContain("USER root");
    }

    private static MonitorConfig load(Map<String, Object> serviceEnvironment) throws IOException {
        Map<String, String> env = new HashMap<>();
        serviceEnvironment.forEach((name, value) -> env.put(name, resolveCompose(String.valueOf(value))));
        return new ConfigLoader(env::get).load(ROOT.resolve("examples/compose.yaml"));
    }

    /** What docker compose makes of ${VAR:?message} and ${VAR:-default} with the operator's variables set. */
    private static String resolveCompose(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String modifier = matcher.group(2);
            String replacement = modifier != null && modifier.startsWith(":-") ? modifier.substring(2)
                    : "set-by-operator-" + matcher.group(1).toLowerCase();
            if (matcher.group(1).equals("WEBHOOK_URL")) {
                replacement = "https://hooks.example.com/llm";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The lines of one FROM ... AS name stage of the Dockerfile. */
    private static String stage(String dockerfile, String name) {
        int start = dockerfile.indexOf(" AS " + name + "\n");
        assertThat(start).as("stage %s in the Dockerfile", name).isPositive();
        int next = dockerfile.indexOf("\nFROM ", start);
        return dockerfile.substring(start, next < 0 ? dockerfile.length() : next);
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
