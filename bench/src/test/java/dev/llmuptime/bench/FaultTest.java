package dev.llmuptime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Faults as the simulated provider's {@code POST /_sim/faults} takes them: only the fields a mode uses. */
class FaultTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachFaultCarriesOnlyItsOwnFields() throws Exception {
        assertThat(json.writeValueAsString(Fault.error("m-500", 500)))
                .isEqualTo("{\"model\":\"m-500\",\"mode\":\"error\",\"status\":500}");
        assertThat(json.writeValueAsString(Fault.slow("m-slow", 3000)))
                .isEqualTo("{\"model\":\"m-slow\",\"mode\":\"slow\",\"latencyMs\":3000}");
        assertThat(json.writeValueAsString(Fault.healthy("m-hang"))).isEqualTo("{\"model\":\"m-hang\",\"mode\":\"healthy\"}");
        assertThat(json.writeValueAsString(Fault.error("m-noisy", 500).withProbability(0.02)))
                .isEqualTo("{\"model\":\"m-noisy\",\"mode\":\"error\",\"status\":500,\"probability\":0.02}");
    }
}
