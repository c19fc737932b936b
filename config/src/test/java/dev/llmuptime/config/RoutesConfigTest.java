package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code alerts.repeat-interval}, {@code alerts.routes} and {@code alerts.maintenance}: defaults, every key, every error. */
class RoutesConfigTest {

    private static final String WEBHOOKS = """
            alerts:
              webhooks:
                - {name: ops, url: "http://127.0.0.1:9000/hook"}
                - {name: manager, url: "http://127.0.0.1:9000/manager"}
            """;

    @Test
    void anOlderFileHasNoRoutesNoRemindersAndNoMaintenance() {
        AlertsConfig alerts = load(WEBHOOKS).alerts();

        assertThat(alerts.repeatInterval()).isNull();
        assertThat(alerts.routes()).isEmpty();
        assertThat(alerts.maintenance()).isEmpty();
        assertThat(AlertsConfig.DEFAULT.routes()).isEmpty();
    }

    @Test
    void everyKeyIsRead() {
        AlertsConfig alerts = load(WEBHOOKS + """
                  repeat-interval: 4h
                  routes:
                    - match: {severity: critical, target: "openai-*"}
                      notify: [ops]
                      repeat-interval: 30m
                      escalate:
                        - {after: 15m, notify: [manager]}
                        - {after: 1h, notify: [ops, manager]}
                    - match: {rule: slow, model: "gpt-*", provider: openai, region: "eu-*"}
                  maintenance:
                    - match: {target: "openai-*"}
                      weekly: {days: [sun, sat], start: "02:00", duration: 1h, timezone: Europe/Berlin}
                    - weekly: {start: "23:30", duration: 90m}
                """).alerts();

        assertThat(alerts.repeatInterval()).isEqualTo(Duration.ofHours(4));
        RouteConfig critical = alerts.routes().get(0);
        assertThat(critical.match()).isEqualTo(new AlertMatch(null, "critical", "openai-*", null, null, null));
        assertThat(critical.notifyWebhooks()).containsExactly("ops");
        assertThat(critical.repeatInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(critical.escalate()).containsExactly(
                new EscalationConfig(Duration.ofMinutes(15), List.of("manager")),
                new EscalationConfig(Duration.ofHours(1), List.of("ops", "manager")));
        RouteConfig slow = alerts.routes().get(1);
        assertThat(slow.match()).isEqualTo(new AlertMatch("slow", null, null, "gpt-*", "openai", "eu-*"));
        assertThat(slow.notifyWebhooks()).as("the rule's own notify").isNull();
        assertThat(slow.repeatInterval()).as("alerts.repeat-interval").isNull();
        assertThat(slow.escalate()).isEmpty();
        WeeklyConfig sunday = alerts.maintenance().get(0).weekly();
        assertThat(sunday.days()).containsExactly(Weekday.SUN, Weekday.SAT);
        assertThat(sunday.startTime()).isEqualTo(LocalTime.of(2, 0));
        assertThat(sunday.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(sunday.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(alerts.maintenance().get(1).match()).isEqualTo(AlertMatch.ANY);
        assertThat(alerts.maintenance().get(1).weekly().days()).hasSize(7);
        assertThat(alerts.maintenance().get(1).weekly().zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void unknownMatchKeySuggestsTheNearestOne() {
        assertError("""
                  routes:
                    - match: {severty: critical}
                """, "monitor.yaml:6: unknown key 'severty' in alerts.routes[0].match (did you mean 'severity'?); "
                + "expected one of model, provider, region, rule, severity, target");
    }

    @Test
    void emptyGlob() {
        assertError("""
                  routes:
                    - match: {target: ""}
                """, "alerts.routes[0].match.target must not be empty (leave it out to match every value)");
    }

    @Test
    void routeNotifyingAnUnknownWebhook() {
        assertError("""
                  routes:
                    - {notify: [pager]}
                """, "alerts.routes[0].notify names webhook 'pager', which is not among alerts.webhooks [manager, ops]");
    }

    @Test
    void escalationNotifyingAnUnknownWebhook() {
        assertError("""
                  routes:
                    - escalate: [{after: 15m, notify: [boss]}]
                """, "alerts.routes[0].escalate[0].notify names webhook 'boss', which is not among alerts.webhooks "
                + "[manager, ops]");
    }

    @Test
    void escalationWithoutAfter() {
        assertError("""
                  routes:
                    - escalate: [{notify: [manager]}]
                """, "alerts.routes[0].escalate[0].after is required");
    }

    @Test
    void escalationWithoutWebhooks() {
        assertError("""
                  routes:
                    - escalate: [{after: 15m, notify: []}]
                """, "alerts.routes[0].escalate[0].notify must name at least one webhook");
    }

    @Test
    void escalationStepsMustComeLater() {
        assertError("""
                  routes:
                    - escalate: [{after: 1h, notify: [ops]}, {after: 15m, notify: [manager]}]
                """, "alerts.routes[0].escalate[1].after (15m) must be longer than escalate[0].after (1h)");
    }

    @Test
    void repeatIntervalOfZero() {
        assertError("""
                  repeat-interval: 0s
                """, "monitor.yaml:5: alerts.repeat-interval must be longer than 0");
    }

    @Test
    void routeRepeatIntervalThatIsNotADuration() {
        assertError("""
                  routes:
                    - {repeat-interval: hourly}
                """, "monitor.yaml:6: alerts.routes[0].repeat-interval: 'hourly' is not a duration");
    }

    @Test
    void maintenanceWithoutWeekly() {
        assertError("""
                  maintenance:
                    - match: {target: "openai-*"}
                """, "alerts.maintenance[0].weekly is required");
    }

    @Test
    void badDayListsTheChoices() {
        assertError("""
                  maintenance:
                    - weekly: {days: [sunday], start: "02:00", duration: 1h}
                """, "alerts.maintenance[0].weekly.days[0]: 'sunday' is not one of mon, tue, wed, thu, fri, sat, sun");
    }

    @Test
    void badStart() {
        assertError("""
                  maintenance:
                    - weekly: {start: "2am", duration: 1h}
                """, "alerts.maintenance[0].weekly.start '2am' is not a time of day (expected HH:MM, e.g. 02:00)");
    }

    @Test
    void missingDuration() {
        assertError("""
                  maintenance:
                    - weekly: {start: "02:00"}
                """, "alerts.maintenance[0].weekly.duration is required");
    }

    @Test
    void durationLongerThanAWeek() {
        assertError("""
                  maintenance:
                    - weekly: {start: "02:00", duration: 8d}
                """, "alerts.maintenance[0].weekly.duration must not be longer than 7d, got 8d");
    }

    @Test
    void badTimezone() {
        assertError("""
                  maintenance:
                    - weekly: {start: "02:00", duration: 1h, timezone: Mars/Olympus}
                """, "alerts.maintenance[0].weekly.timezone 'Mars/Olympus' is not a time zone (e.g. UTC, Europe/Berlin)");
    }

    /** {@code extra}: lines under {@code alerts}, from line 5. */
    private static void assertError(String extra, String expected) {
        assertThatThrownBy(() -> load(WEBHOOKS + extra))
                .isInstanceOf(ConfigException.class)
                .message()
                .satisfies(message -> assertThat(message).contains(expected).doesNotContain("\n"));
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "monitor.yaml");
    }
}
