package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.config.TargetConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here to run docker-compose.yml, so this test checks it, and the
 * Dockerfile, against the code: every service's jar, port, health path, config path and
 * environment variable exists, the mounted config parses with the real loader with and without
 * secrets, the simulator's command is a local-stack invocation that serves the probes, and
 * scaled services can run side by side.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:[-?][^}]*)?}");
    private static final List<String> SCALED = List.of("probe-producer", "aggregator-streams", "alert-consumer");
    private static final String SIMULATOR_URL = "http://simulator:8090/v1";

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
        MonitorConfig config = load(map(spec, "environment"), Map.of());
        int configured = switch (service) {
            case "probe-producer" -> config.probes().httpPort();
            case "aggregator-streams" -> config.aggregation().httpPort();
            default -> config.alerts().httpPort();
        };
        assertThat(configured).isEqualTo(port);
        // Other aggregator instances reach this one on the port it serves.
        assertThat(config.aggregation().advertisedPort()).isEqualTo(config.aggregation().httpPort());
        // The container port only: Docker picks a free host port for each instance.
        assertThat(list(spec, "ports")).containsExactly(String.valueOf(port));
        assertThat(list(map(spec, "healthcheck"), "test")).contains("http://localhost:" + port + "/health");
        assertThat(advertisedListeners().get("INTERNAL")).isEqualTo(config.kafka().bootstrapServers());

        // It starts once Kafka is healthy.
        assertThat(map(map(spec, "depends_on"), "kafka").get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void theConfigReadsOnlyVariablesItHasADefaultForOrThatEveryServiceIsPassed() throws IOException {
        Map<String, Object> services = map(compose(), "services");
        Set<String> read = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(Files.readString(ROOT.resolve("examples/compose.yaml")));
        while (matcher.find()) {
            read.add(matcher.group(1));
            for (String service : SCALED) {
                if (matcher.group(2) == null) {
                    assertThat(map(map(services, service), "environment")).as("%s in %s", matcher.group(1), service)
                            .containsKey(matcher.group(1));
                }
            }
        }
        for (String service : SCALED) {
            assertThat(read).as("variables passed to %s", service)
                    .containsAll(map(map(services, service), "environment").keySet());
        }
    }

    @Test
    void noVariableIsRequiredSoEveryComposeCommandRunsWithoutSecrets() throws IOException {
        String file = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher matcher = VARIABLE.matcher(file);
        int variables = 0;
        while (matcher.find()) {
            variables++;
            assertThat(matcher.group(2)).as("${%s} needs a default", matcher.group(1)).startsWith(":-");
        }
        assertThat(variables).isPositive();
        assertThat(file).doesNotContain(":?");
    }

    @Test
    void withoutSecretsTheProbesReachOnlyTheSimulatorAndNoWebhookIsCalled() throws IOException {
        for (String service : SCALED) {
            MonitorConfig config = load(map(map(map(compose(), "services"), service), "environment"), Map.of());

            assertThat(config.probes().targets()).isNotEmpty().allSatisfy(target -> {
                assertThat(target.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
                assertThat(target.baseUrl()).isEqualTo(URI.create(SIMULATOR_URL));
            });
            assertThat(config.alerts().webhooks()).isEmpty();
        }
    }

    @Test
    void withAnOpenAiKeyAndAWebhookUrlTheyAreProbedAndCalled() throws IOException {
        Map<String, String> operator = Map.of("OPENAI_API_KEY", "sk-test-0123", "WEBHOOK_URL",
                "https://hooks.example.com/llm", "WEBHOOK_SECRET", "whsec-42");
        for (String service : SCALED) {
            MonitorConfig config = load(map(map(map(compose(), "services"), service), "environment"), operator);

            List<TargetConfig> openAi = config.probes().targets().stream()
                    .filter(target -> target.provider() == Provider.OPENAI).toList();
            assertThat(openAi).isNotEmpty().allSatisfy(target -> assertThat(target.apiKey().reveal())
                    .isEqualTo("sk-test-0123"));
            assertThat(config.probes().targets()).hasSizeGreaterThan(openAi.size());
            assertThat(config.alerts().webhooks()).singleElement().satisfies(webhook -> {
                assertThat(webhook.url()).isEqualTo(URI.create("https://hooks.example.com/llm"));
                assertThat(webhook.secret().reveal()).isEqualTo("whsec-42");
            });
        }
    }

    @Test
    void theSimulatorServiceIsALocalStackInvocationThatServesTheProbedModels() throws Exception {
        Map<String, Object> simulator = map(map(compose(), "services"), "simulator");
        assertThat(map(simulator, "build").get("target")).isEqualTo("local-stack");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        // Its health check runs curl, which the runtime stage installs.
        assertThat(dockerfile).contains("FROM runtime AS local-stack\n");
        assertThat(stage(dockerfile, "runtime")).contains("install -y --no-install-recommends curl");
        assertThat(list(map(simulator, "healthcheck"), "test")).startsWith("CMD", "curl");
        assertThat(stage(dockerfile, "local-stack"))
                .contains("COPY --from=build /src/local-stack/target/local-stack.jar /app/local-stack.jar")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/local-stack.jar\"]");

        // The command parses with local-stack's own launcher into a simulator alone, on every interface.
        LocalStack.Settings settings = localStackSettings(list(simulator, "command"));
        assertThat(settings.simulator()).isTrue();
        assertThat(settings.kafka()).isFalse();
        assertThat(settings.services()).isFalse();
        assertThat(settings.simulatorHost()).isEqualTo("0.0.0.0");
        URI simulatorUrl = URI.create(SIMULATOR_URL);
        assertThat(settings.simulatorPort()).isEqualTo(simulatorUrl.getPort());
        assertThat(list(simulator, "expose")).containsExactly(String.valueOf(simulatorUrl.getPort()));
        for (String service : SCALED) {
            assertThat(map(map(map(compose(), "services"), service), "environment").get("SIMULATOR_URL"))
                    .isEqualTo(SIMULATOR_URL);
        }
        assertThat(map(map(map(compose(), "services"), "probe-producer"), "depends_on")).containsKey("simulator");
        MonitorConfig config = load(map(map(map(compose(), "services"), "probe-producer"), "environment"), Map.of());
        assertThat(settings.simulatorModels()).containsAll(config.probes().targets().stream()
                .map(TargetConfig::model).toList());

        // Run as configured (on loopback and a free port here), it answers its health check.
        String health = list(map(simulator, "healthcheck"), "test").get(3);
        assertThat(health).startsWith("http://localhost:" + simulatorUrl.getPort() + simulatorUrl.getPath());
        LocalStack.Settings here = new LocalStack.Settings(settings.kafka(), settings.simulator(), settings.services(),
                settings.kafkaPort(), "127.0.0.1", 0, settings.simulatorModels(), settings.dataDir(), settings.config(),
                settings.demo());
        try (LocalStack stack = new LocalStack(here, new PrintStream(new ByteArrayOutputStream()))) {
            stack.start();
            String path = URI.create(health).getPath().substring(simulatorUrl.getPath().length());
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.simulatorBaseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains(settings.simulatorModels());
        }
    }

    @Test
    void kafkaAdvertisesAnInternalListenerToTheServicesAndLocalhostToTheHost() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> kafka = map(map(compose, "services"), "kafka");
        Map<String, Object> environment = map(kafka, "environment");
        Map<String, String> listeners = listeners((String) environment.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = advertisedListeners();
        Map<String, String> protocols = new HashMap<>();
        for (String entry : ((String) environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
            protocols.put(entry.split(":")[0], entry.split(":")[1]);
        }

        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(advertised.get("EXTERNAL")).isEqualTo("localhost:9092");
        assertThat(listeners.get("EXTERNAL")).isEqualTo(":9092");
        assertThat(list(kafka, "ports")).containsExactly("127.0.0.1:9092:9092");
        assertThat(listeners.get("INTERNAL")).isEqualTo(":" + advertised.get("INTERNAL").split(":")[1]);
        assertThat(advertised.get("INTERNAL")).startsWith("kafka:");
        assertThat(environment.get("KAFKA_INTER_BROKER_LISTENER_NAME")).isEqualTo("INTERNAL");
        assertThat(listeners).containsKey((String) environment.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .isEqualTo("1@kafka" + listeners.get(environment.get("KAFKA_CONTROLLER_LISTENER_NAMES")));
        assertThat(protocols.keySet()).isEqualTo(listeners.keySet());
        assertThat(listeners.keySet()).containsAll(advertised.keySet());
        assertThat(list(map(kafka, "healthcheck"), "test").get(1)).contains("--bootstrap-server " + advertised.get(
                "EXTERNAL"));
        assertThat(list(kafka, "volumes")).contains("kafka-data:" + environment.get("KAFKA_LOG_DIRS"));
        assertThat(map(compose, "volumes")).containsKey("kafka-data");
    }

    @Test
    void scaledServicesPublishNoFixedHostPortAndNoTwoServicesShareOne() throws IOException {
        Map<String, Object> services = map(compose(), "services");
        Set<String> fixedHostPorts = new HashSet<>();
        for (String service : services.keySet()) {
            Map<String, Object> spec = map(services, service);
            List<String> ports = spec.containsKey("ports") ? list(spec, "ports") : List.of();
            for (String port : ports) {
                String[] parts = port.split(":");
                if (parts.length > 1) {
                    String hostPort = parts[parts.length - 2];
                    assertThat(fixedHostPorts.add(hostPort)).as("host port %s of %s is published once", hostPort,
                            service).isTrue();
                    assertThat(SCALED).as("%s is scaled and publishes host port %s", service, hostPort)
                            .doesNotContain(service);
                }
            }
        }
        for (String service : SCALED) {
            Map<String, Object> spec = map(services, service);
            // A fixed name or a shared writable volume would make two instances of one service collide.
            assertThat(spec).doesNotContainKeys("container_name", "hostname");
            assertThat(list(spec, "volumes")).allSatisfy(volume -> assertThat(volume).startsWith("./").endsWith(":ro"));
        }
    }

    @Test
    void imagesRunAsANonRootUser() throws IOException {
        String runtime = stage(Files.readString(ROOT.resolve("Dockerfile")), "runtime");

        assertThat(runtime).contains("useradd --system --uid 10001").contains("USER monitor");
        assertThat(runtime).doesNotContain("USER root");
    }

    private static LocalStack.Settings localStackSettings(List<String> command) {
        AtomicReference<LocalStack.Settings> settings = new AtomicReference<>();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = LocalStackMain.LAUNCHER.run(command.toArray(String[]::new), name -> null,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(errors),
                invocation -> settings.set(LocalStackMain.settings(invocation, name -> null)));
        assertThat(exit).as("local-stack %s: %s", command, errors).isEqualTo(ServiceLauncher.EXIT_OK);
        return settings.get();
    }

    /** The advertised listeners of the Kafka service by name, e.g. INTERNAL -> kafka:19092. */
    private static Map<String, String> advertisedListeners() throws IOException {
        Map<String, Object> environment = map(map(map(compose(), "services"), "kafka"), "environment");
        return listeners((String) environment.get("KAFKA_ADVERTISED_LISTENERS"));
    }

    private static Map<String, String> listeners(String value) {
        Map<String, String> listeners = new HashMap<>();
        for (String listener : value.split(",")) {
            int separator = listener.indexOf("://");
            listeners.put(listener.substring(0, separator), listener.substring(separator + 3));
        }
        return listeners;
    }

    private static MonitorConfig load(Map<String, Object> serviceEnvironment, Map<String, String> operator)
            throws IOException {
        Map<String, String> env = new HashMap<>();
        serviceEnvironment.forEach((name, value) -> env.put(name, resolveCompose(String.valueOf(value), operator)));
        return new ConfigLoader(env::get).load(ROOT.resolve("examples/compose.yaml"));
    }

    /** What docker compose makes of ${VAR} and ${VAR:-default} with the operator's variables. */
    private static String resolveCompose(String value, Map<String, String> operator) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String modifier = matcher.group(2);
            String set = operator.getOrDefault(matcher.group(1), "");
            String replacement = !set.isEmpty() || modifier == null ? set : modifier.substring(2);
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
        return new ArrayList<>(((List<Object>) value).stream().map(String::valueOf).toList());
    }
}
