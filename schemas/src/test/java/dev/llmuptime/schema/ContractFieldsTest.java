package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The fields other systems rely on (the public contract, section 4) exist under these names. */
class ContractFieldsTest {

    @Test
    void probeResultHasEveryContractField() {
        assertFields(ProbeResult.getClassSchema(), List.of("probeId", "targetId", "provider", "model", "check",
                "region", "proberId", "scheduledAt", "startedAt", "outcome", "httpStatus", "errorCode",
                "latencyMs", "connectMs", "tlsMs", "ttfbMs", "ttftMs", "outputTokens", "tokensPerSecond",
                "requestId", "rateLimitRemainingRequests", "rateLimitRemainingTokens", "message", "reason", "backoffReason", "backoffUntil"));
    }

    @Test
    void windowStatsHasEveryContractField() {
        assertFields(WindowStats.getClassSchema(), List.of("targetId", "provider", "model", "check", "region",
                "windowSize", "windowStart", "windowEnd", "final", "count", "outcomeCounts", "uptime", "latency",
                "ttft", "tokensPerSecondP50", "latencySketch", "lastProbeAt", "lastOutcome",
                "consecutiveFailures", "consecutiveSuccesses", "emittedAt", "recentFailures", "recentLatencies"));
        assertFields(Percentiles.getClassSchema(), List.of("p50", "p90", "p95", "p99", "max", "mean"));
    }

    @Test
    void alertEventHasEveryContractField() {
        assertFields(AlertEvent.getClassSchema(), List.of("alertId", "rule", "severity", "status", "targetId",
                "provider", "model", "metric", "value", "threshold", "windowStart", "windowEnd", "startsAt",
                "endsAt", "summary", "emittedAt", "evidence"));
        assertThat(AlertStatus.getClassSchema().getEnumSymbols()).containsExactly("FIRING", "RESOLVED");
    }

    @Test
    void evidenceHasEveryContractFieldAndIsOptional() {
        assertFields(ProbeEvidence.getClassSchema(), List.of("probeId", "startedAt", "region", "outcome",
                "httpStatus", "errorCode", "requestId", "message"));
        for (Schema.Field field : List.of(AlertEvent.getClassSchema().getField("evidence"),
                WindowStats.getClassSchema().getField("recentFailures"))) {
            assertThat(field.schema().isNullable()).as(field.name()).isTrue();
            assertThat(field.schema().getTypes().get(1).getElementType()).isEqualTo(ProbeEvidence.getClassSchema());
        }
    }

    @Test
    void recentLatenciesAreOptional() {
        Schema field = WindowStats.getClassSchema().getField("recentLatencies").schema();

        assertThat(field.isNullable()).isTrue();
        assertThat(field.getTypes().get(1).getElementType()).isEqualTo(ProbeLatency.getClassSchema());
    }

    @Test
    void outcomesAreTheContractOnes() {
        assertThat(Outcome.getClassSchema().getEnumSymbols()).containsExactly("SUCCESS", "SLOW",
                "CONTENT_MISMATCH", "INVALID_RESPONSE", "RATE_LIMITED", "SERVER_ERROR", "TIMEOUT",
                "CONNECTION_ERROR", "MODEL_UNAVAILABLE", "AUTH_ERROR", "CLIENT_ERROR");
    }

    @Test
    void optionalFieldsAreNullableWithNullDefault() {
        for (Schema schema : List.of(ProbeResult.getClassSchema(), WindowStats.getClassSchema(),
                AlertEvent.getClassSchema(), ProbeEvidence.getClassSchema(), ProbeLatency.getClassSchema())) {
            for (Schema.Field field : schema.getFields()) {
                if (field.schema().isNullable()) {
                    assertThat(field.schema().getTypes().get(0).getType()).as(field.name()).isEqualTo(Schema.Type.NULL);
                    assertThat(field.hasDefaultValue()).as(field.name()).isTrue();
                }
            }
        }
    }

    private static void assertFields(Schema schema, List<String> names) {
        assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactlyElementsOf(names);
    }
}
