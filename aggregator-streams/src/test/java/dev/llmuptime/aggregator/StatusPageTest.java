package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status page's HTML: grouped by provider, every text escaped, incidents with their times. */
class StatusPageTest {

    private static final Instant NOW = Instant.parse("2026-11-29T15:30:00Z");

    @Test
    void groupsModelsByProviderWithTheirStateAndBars() {
        String html = StatusPage.render(List.of(
                target("z-chat", "openai", "gpt-z", PublicState.OPERATIONAL, 1.0),
                target("a-chat", "openai", "gpt-a", PublicState.DOWN, 0.5),
                target("claude", "anthropic", "claude-x", PublicState.OPERATIONAL, null)), false, List.of(), NOW);

        assertThat(html).containsSubsequence("data-provider=\"anthropic\"", "data-target=\"claude\"",
                "data-provider=\"openai\"", "data-target=\"a-chat\"", "data-target=\"z-chat\"");
        assertThat(html).contains("Some systems down").contains("class=\"state state-down\">Down<")
                .contains("No incidents in the last 7 days.").doesNotContain("id=\"partial\"");
        assertThat(html).contains("title=\"2026-11-29: 50.00% of 10 probes\"")
                .contains("title=\"2026-11-28: no data\"").contains("uptime over 30 days: no data");
    }

    @Test
    void everyTextIsEscaped() {
        AlertEvent incident = RecentAlertsTest.alert("x-1", AlertStatus.FIRING, "x", NOW.minusSeconds(600), null);
        incident.setSummary("down: <script>alert('s')</script>");
        incident.setModel("<img src=x onerror=alert(1)>");
        String html = StatusPage.render(List.of(target("t", "<b>p</b>", "m\"><script>", PublicState.DEGRADED, 0.97)),
                true, List.of(incident), NOW);

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>p</b>").doesNotContain("<img");
        assertThat(html).contains("&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt;").contains("&lt;b&gt;p&lt;/b&gt;");
        assertThat(html).contains("id=\"partial\"").contains("Some systems degraded");
    }

    @Test
    void incidentsShowWhenTheyStartedAndHowLongTheyLasted() {
        Instant start = Instant.parse("2026-11-29T14:02:00Z");
        String html = StatusPage.render(List.of(), false, List.of(
                RecentAlertsTest.alert("b-1", AlertStatus.FIRING, "b", start.plusSeconds(3600), null),
                RecentAlertsTest.alert("a-1", AlertStatus.RESOLVED, "a", start, start.plus(Duration.ofMinutes(8)))),
                NOW);

        assertThat(html).contains("No models are monitored yet");
        assertThat(html).containsSubsequence("data-alert=\"b-1\" data-status=\"ongoing\"",
                "2026-11-29 15:02 UTC until now (28 min)", "data-alert=\"a-1\" data-status=\"resolved\"",
                "openai / model-a", "down (critical)", "2026-11-29 14:02 UTC to 2026-11-29 14:10 UTC (8 min)",
                "resolved: down on a");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(StatusPage.duration(Duration.ofSeconds(20))).isEqualTo("under a minute");
        assertThat(StatusPage.duration(Duration.ofMinutes(95))).isEqualTo("1 h 35 min");
        assertThat(StatusPage.duration(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }

    private static PublicTargetStatus target(String id, String provider, String model, PublicState state,
            Double todayUptime) {
        return new PublicTargetStatus(id, provider, model, "chat", state, Map.of(),
                List.of(new DailyBars.Day(LocalDate.parse("2026-11-28"), 0, null),
                        new DailyBars.Day(LocalDate.parse("2026-11-29"), 10, todayUptime)));
    }
}
