package dev.llmuptime.aggregator;

import static dev.llmuptime.aggregator.Markup.escape;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public status page, rendered on the server: per provider, each model's state, uptime over
 * 30 days and a bar per day; then the incidents of the last days. Every text is escaped; nothing
 * but the targets' public fields and the alerts' own words is shown. No script, no external asset.
 */
final class StatusPage {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusPage() {
    }

    /** The page; {@code partial} when some instance could not be asked, so some targets may be missing. */
    static String render(List<PublicTargetStatus> targets, boolean partial, List<AlertEvent> incidents, Instant now) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Status</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="/status.css">
                </head>
                <body>
                <header>
                <h1>Status</h1>
                """);
        PublicState overall = overall(targets);
        html.append("<p id=\"overall\" class=\"overall state-").append(overall.label()).append("\">")
                .append(escape(headline(overall, targets.isEmpty()))).append("</p>\n");
        html.append("<p class=\"updated\">Updated ").append(escape(MINUTE.format(now))).append("</p>\n");
        if (partial) {
            html.append("<p id=\"partial\" class=\"note\">Some monitoring data could not be reached just now: "
                    + "some models may be missing below.</p>\n");
        }
        html.append("</header>\n<main>\n");
        byProvider(targets).forEach((provider, models) -> provider(html, provider, models));
        incidents(html, incidents, now);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void provider(StringBuilder html, String provider, List<PublicTargetStatus> models) {
        html.append("<section class=\"provider\" data-provider=\"").append(escape(provider)).append("\">\n<h2>")
                .append(escape(provider)).append("</h2>\n");
        for (PublicTargetStatus target : models) {
            html.append("<article class=\"target\" data-target=\"").append(escape(target.targetId()))
                    .append("\" data-state=\"").append(target.state().label()).append("\">\n")
                    .append("<div class=\"target-head\"><h3>").append(escape(target.model()))
                    .append(" <span class=\"check\">").append(escape(target.check())).append("</span></h3>")
                    .append("<span class=\"state state-").append(target.state().label()).append("\">")
                    .append(target.state().title()).append("</span></div>\n");
            html.append("<div class=\"bars\" role=\"img\" aria-label=\"uptime per day, last ")
                    .append(target.days().size()).append(" days\">");
            for (DailyBars.Day day : target.days()) {
                String text = day.date() + ": " + (day.uptime() == null ? "no data"
                        : UptimeLevel.percent(day.uptime()) + " of " + day.probes() + " probes");
                html.append("<span class=\"bar u-").append(UptimeLevel.of(day.uptime()).cssName())
                        .append("\" title=\"").append(escape(text)).append("\"></span>");
            }
            html.append("</div>\n<div class=\"bars-legend\"><span>").append(target.days().size())
                    .append(" days ago</span><span class=\"uptime\">uptime over 30 days: ")
                    .append(escape(UptimeLevel.percent(target.uptime().get(UptimeWindow.MONTH))))
                    .append("</span><span>today</span></div>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private static void incidents(StringBuilder html, List<AlertEvent> incidents, Instant now) {
        html.append("<section id=\"incidents\" class=\"incidents\">\n<h2>Recent incidents</h2>\n");
        if (incidents.isEmpty()) {
            html.append("<p class=\"none\">No incidents in the last ").append(RecentAlerts.HORIZON.toDays())
                    .append(" days.</p>\n</section>\n");
            return;
        }
        html.append("<ol>\n");
        for (AlertEvent incident : incidents) {
            boolean firing = incident.getStatus() == AlertStatus.FIRING;
            Instant end = firing || incident.getEndsAt() == null ? now : incident.getEndsAt();
            html.append("<li class=\"incident\" data-alert=\"").append(escape(incident.getAlertId()))
                    .append("\" data-status=\"").append(firing ? "ongoing" : "resolved").append("\">")
                    .append("<span class=\"incident-state ")
                    .append(firing ? "state-down\">Ongoing" : "state-operational\">Resolved")
                    .append("</span> <strong>").append(escape(subject(incident))).append("</strong> ")
                    .append("<span class=\"rule\">").append(escape(incident.getRule())).append(" (")
                    .append(escape(incident.getSeverity())).append(")</span>")
                    .append("<p class=\"when\">").append(escape(MINUTE.format(incident.getStartsAt())))
                    .append(firing ? " until now" : " to " + escape(MINUTE.format(end)))
                    .append(" (").append(escape(duration(Duration.between(incident.getStartsAt(), end))))
                    .append(")</p>")
                    .append("<p class=\"summary\">").append(escape(incident.getSummary())).append("</p></li>\n");
        }
        html.append("</ol>\n</section>\n");
    }

    private static String subject(AlertEvent incident) {
        String model = incident.getModel() == null ? incident.getTargetId() : incident.getModel();
        return (incident.getProvider() == null ? "" : incident.getProvider() + " / ") + model;
    }

    static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h " + minutes % 60 + " min" : hours / 24 + " d " + hours % 24 + " h";
    }

    private static Map<String, List<PublicTargetStatus>> byProvider(List<PublicTargetStatus> targets) {
        Map<String, List<PublicTargetStatus>> providers = new TreeMap<>();
        targets.stream().sorted(Comparator.comparing(PublicTargetStatus::model)
                        .thenComparing(PublicTargetStatus::targetId))
                .forEach(target -> providers.computeIfAbsent(target.provider().isEmpty() ? "other" : target.provider(),
                        name -> new ArrayList<>()).add(target));
        return providers;
    }

    /** The worst known state; unknown only when no state is known. */
    static PublicState overall(List<PublicTargetStatus> targets) {
        PublicState worst = null;
        for (PublicTargetStatus target : targets) {
            PublicState state = target.state();
            if (state != PublicState.UNKNOWN && (worst == null || state.ordinal() > worst.ordinal())) {
                worst = state;
            }
        }
        return worst == null ? PublicState.UNKNOWN : worst;
    }

    private static String headline(PublicState overall, boolean noTargets) {
        if (noTargets) {
            return "No models are monitored yet";
        }
        return switch (overall) {
            case OPERATIONAL -> "All systems operational";
            case DEGRADED -> "Some systems degraded";
            case DOWN -> "Some systems down";
            case UNKNOWN -> "Status unknown";
        };
    }
}
