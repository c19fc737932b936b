package dev.llmuptime.bench;

import java.util.List;

/**
 * One Prometheus + Alertmanager stack of the peers benchmark: its name, how often Prometheus
 * scrapes and evaluates, how long {@code probe_success == 0} must hold, and Alertmanager's grouping.
 */
record PrometheusProfile(String stack, String interval, String scrapeTimeout, String ruleFor, String groupWait,
        String groupInterval) {

    /** As a tutorial sets it up. */
    static final PrometheusProfile TUTORIAL = new PrometheusProfile("prom-default", "15s", "10s", "1m", "30s", "5m");
    /** As aggressive as it goes. */
    static final PrometheusProfile AGGRESSIVE = new PrometheusProfile("prom-aggressive", "5s", "5s", "0s", "0s", "5s");

    static final List<PrometheusProfile> ALL = List.of(TUTORIAL, AGGRESSIVE);
}
