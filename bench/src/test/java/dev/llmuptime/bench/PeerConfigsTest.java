package dev.llmuptime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Prometheus stacks' files as their tools read them: YAML, with the settings of each profile. */
class PeerConfigsTest {

    private final PeerConfigs peers = new PeerConfigs();
    private final RunConfigYaml yaml = new RunConfigYaml();
    private final ObjectMapper reader = new YAMLMapper();

    @Test
    void blackboxPostsTheChatRequestOfEachModelAsJson() throws Exception {
        JsonNode modules = read(peers.blackbox(List.of("m-500", "m-slow"))).path("modules");

        assertThat(modules.fieldNames()).toIterable().containsExactly("chat_m-500", "chat_m-slow");
        JsonNode body = new ObjectMapper().readTree(modules.path("chat_m-slow").path("http").path("body").asText());
        assertThat(body.path("model").asText()).isEqualTo("m-slow");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(5);
        assertThat(modules.path("chat_m-slow").path("http").path("valid_status_codes").isArray()).isTrue();
    }

    @Test
    void prometheusScrapesEveryModelThroughBlackboxAtTheProfilesInterval() throws Exception {
        JsonNode config = read(peers.prometheus(PrometheusProfile.AGGRESSIVE, 9093, 9115,
                "http://127.0.0.1:8090/v1/chat/completions", List.of("m-500", "m-429")));

        assertThat(config.at("/global/scrape_interval").asText()).isEqualTo("5s");
        assertThat(config.at("/alerting/alertmanagers/0/static_configs/0/targets/0").asText())
                .isEqualTo("127.0.0.1:9093");
        assertThat(config.at("/scrape_configs/1/job_name").asText()).isEqualTo("chat_m-429");
        assertThat(config.at("/scrape_configs/1/params/module/0").asText()).isEqualTo("chat_m-429");
        assertThat(config.at("/scrape_configs/1/static_configs/0/labels/model").asText()).isEqualTo("m-429");
        assertThat(config.at("/scrape_configs/1/relabel_configs/1/replacement").asText()).isEqualTo("127.0.0.1:9115");
    }

    @Test
    void tutorialProfileWaitsAMinuteAndGroupsForFiveMinutes() throws Exception {
        JsonNode rules = read(peers.rules(PrometheusProfile.TUTORIAL));
        JsonNode alertmanager = read(peers.alertmanager(PrometheusProfile.TUTORIAL, 9000));

        assertThat(rules.at("/groups/0/rules/0/for").asText()).isEqualTo("1m");
        assertThat(rules.at("/groups/0/rules/0/expr").asText()).isEqualTo("probe_success == 0");
        assertThat(alertmanager.at("/route/group_wait").asText()).isEqualTo("30s");
        assertThat(alertmanager.at("/route/group_interval").asText()).isEqualTo("5m");
        assertThat(alertmanager.at("/receivers/0/webhook_configs/0/url").asText())
                .isEqualTo("http://127.0.0.1:9000/prom-default");
        assertThat(alertmanager.at("/receivers/0/webhook_configs/0/send_resolved").asBoolean()).isTrue();
    }

    private JsonNode read(Object document) throws Exception {
        return reader.readTree(yaml.document(document));
    }
}
