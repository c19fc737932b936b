package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The probe-producer's section: who this prober is and what it probes. */
public record ProbesConfig(
        @JsonProperty("region") String region,
        @JsonProperty("http-port") Integer httpPort,
        @JsonProperty("targets") List<TargetConfig> targets) {

    public static final ProbesConfig DEFAULT = new ProbesConfig(null, null, null);

    public ProbesConfig {
        region = Check.orDefault(region, "local");
        if (region.isBlank() || region.equals("*")) {
            throw new InvalidValueException("region", "must be a name; '*' stands for all regions in the stats");
        }
        httpPort = Check.port("http-port", httpPort, 8081);
        targets = Check.orDefault(targets, List.<TargetConfig>of()).stream().filter(t -> !t.leftOut()).toList();
        Check.unique("targets", targets, TargetConfig::id, "id", "target");
    }
}
