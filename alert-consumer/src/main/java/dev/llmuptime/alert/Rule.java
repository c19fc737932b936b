package dev.llmuptime.alert;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled alert rule. {@link Kind#THRESHOLD} rules read {@code condition} (and
 * {@code resolveWhen}, if given) on every stats update of their window; {@link Kind#NO_DATA}
 * fires when a target's stats stop arriving for {@code forDuration}; {@link Kind#MISCONFIGURED}
 * is the built-in rule for probes failing on the monitor's own side.
 */
record Rule(String name, Kind kind, Pattern targets, Duration window, Condition condition, Condition resolveWhen,
        int minSamples, Duration forDuration, Duration keepFiringFor, String severity, List<String> webhooks) {

    enum Kind { THRESHOLD, NO_DATA, MISCONFIGURED }

    static final String MISCONFIGURED_NAME = "probe-misconfigured";

    boolean appliesTo(String targetId) {
        return targets.matcher(targetId).matches();
    }

    /** The metric an event of this rule reports. */
    String metricName() {
        return switch (kind) {
            case THRESHOLD -> condition.metric().name();
            case NO_DATA -> "no-data";
            case MISCONFIGURED -> "last-outcome";
        };
    }

    /** Whether the rule sends to the webhook named {@code webhook}; no list means every webhook. */
    boolean notifies(String webhook) {
        return webhooks == null || webhooks.contains(webhook);
    }

    /** A glob over target ids: {@code *} any run of characters, {@code ?} one character. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
