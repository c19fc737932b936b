package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The probe-producer's section: who this prober is and what it probes. {@code proberId} is null
 * unless set: the prober then names itself after its host and process. {@code tokenBudget} is the
 * most tokens the probes may use per 30 days, null when unlimited.
 */
public record ProbesConfig(
        @JsonProperty("region") String region,
        @JsonProperty("prober-id") String proberId,
        @JsonProperty("http-port") Integer httpPort,
        @JsonProperty("targets") List<TargetConfig> targets,
        @JsonProperty("token-budget") Long tokenBudget) {

    public static final ProbesConfig DEFAULT = new ProbesConfig(null, null, null, null, null);

    // It becomes part of the prober's Kafka client id and of every result: keep it plain.
    private static final Pattern PROBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public ProbesConfig {
        region = Check.orDefault(region, "local");
        if (region.isBlank() || region.equals("*")) {
            throw new InvalidValueException("region", "must be a name; '*' stands for all regions in the stats");
        }
        if (proberId != null && !PROBER_ID.matcher(proberId).matches()) {
            throw new InvalidValueException("prober-id", "'" + proberId
                    + "' must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        httpPort = Check.port("http-port", httpPort, 8081);
        targets = Check.orDefault(targets, List.<TargetConfig>of()).stream().filter(t -> !t.leftOut()).toList();
        Check.unique("targets", targets, TargetConfig::id, "id", "target");
        if (tokenBudget != null && tokenBudget <= 0) {
            throw new InvalidValueException("token-budget", "must be a positive number of tokens per 30 days, got "
                    + tokenBudget + " (leave it out for no budget)");
        }
    }

    /** A prober that names itself, without a token budget. */
    public ProbesConfig(String region, Integer httpPort, List<TargetConfig> targets) {
        this(region, null, httpPort, targets, null);
    }

    /** This section probing {@code targets} instead. */
    public ProbesConfig withTargets(List<TargetConfig> targets) {
        return new ProbesConfig(region, proberId, httpPort, targets, tokenBudget);
    }
}
