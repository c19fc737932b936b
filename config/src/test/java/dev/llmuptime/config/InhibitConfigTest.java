package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code alerts.inhibit}: on by default, every key read, and one line for each way it can be wrong. */
class InhibitConfigTest {

    @Test
    void anOlderFileInhibitsWithTheDefaults() {
        InhibitConfig inhibit = load("alerts: {}\n").alerts().inhibit();

        assertThat(inhibit).isEqualTo(InhibitConfig.DEFAULT).isEqualTo(AlertsConfig.DEFAULT.inhibit());
        assertThat(inhibit.enabled()).isTrue();
        assertThat(inhibit.share()).isEqualTo(0.5);
        assertThat(inhibit.minTargets()).isEqualTo(2);
    }

    @Test
    void everyKeyIsRead() {
        assertThat(inhibit("{enabled: false, share: 0.75, min-targets: 3}"))
                .isEqualTo(new InhibitConfig(false, 0.75, 3));
    }

    @Test
    void shareMayBeAPercentageAndAllTargets() {
        assertThat(inhibit("{share: 60%}").share()).isEqualTo(0.6);
        assertThat(inhibit("{share: 1}").share()).isEqualTo(1.0);
    }

    @Test
    void unknownKeySuggestsTheNearestOne() {
        assertError("{min-target: 3}", "monitor.yaml:2: unknown key 'min-target' in alerts.inhibit (did you mean "
                + "'min-targets'?); expected one of enabled, min-targets, share");
    }

    @Test
    void shareOfZero() {
        assertError("{share: 0}", "monitor.yaml:2: alerts.inhibit.share must be above 0 and at most 1 (e.g. 0.5 or 50%), "
                + "got 0.0");
    }

    @Test
    void shareAboveAll() {
        assertError("{share: 150%}", "alerts.inhibit.share must be above 0 and at most 1 (e.g. 0.5 or 50%), got 1.5");
    }

    @Test
    void shareThatIsNotARatio() {
        assertError("{share: most}", "monitor.yaml:2: alerts.inhibit.share: 'most' is not a ratio "
                + "(expected e.g. 0.995 or 99.5%)");
    }

    @Test
    void minTargetsOfZero() {
        assertError("{min-targets: 0}", "monitor.yaml:2: alerts.inhibit.min-targets must be at least 1, got 0");
    }

    @Test
    void enabledIsABoolean() {
        assertError("{enabled: maybe}", "alerts.inhibit.enabled");
    }

    private static InhibitConfig inhibit(String flow) {
        return load("alerts:\n  inhibit: " + flow + "\n").alerts().inhibit();
    }

    /** {@code flow} is the value of {@code alerts.inhibit}, at line 2. */
    private static void assertError(String flow, String expected) {
        assertThatThrownBy(() -> load("alerts:\n  inhibit: " + flow + "\n"))
                .isInstanceOf(ConfigException.class)
                .message()
                .satisfies(message -> assertThat(message).contains(expected).doesNotContain("\n"));
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "monitor.yaml");
    }
}
