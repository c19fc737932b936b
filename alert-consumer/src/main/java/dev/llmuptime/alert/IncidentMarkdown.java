package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An incident as a Markdown report to paste into a provider's support ticket: what failed, when, where,
 * and the request ids the provider can look up. It shows the monitor's labels and the providers'
 * answers only: no key, no base URL, no webhook, no acknowledgement comment.
 */
final class IncidentMarkdown {

    private IncidentMarkdown() {
    }

    static String render(Incident incident) {
        AlertEvent alert = incident.alert();
        EpisodeProbes probes = incident.probes();
        StringBuilder md = new StringBuilder();
        md.append("# Incident: ").append(text(alert.getModel())).append(" on ").append(text(alert.getProvider()))
                .append(", ").append(text(alert.getRule())).append(" since ").append(iso(incident.startedAt()))
                .append(" (").append(incident.status()).append(")\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Provider", alert.getProvider());
        row(md, "Model", alert.getModel());
        row(md, "Monitored target", alert.getTargetId());
        row(md, "Alert", alert.getRule() + " (" + alert.getSeverity() + "), id " + alert.getAlertId());
        row(md, "Status", incident.status());
        row(md, "Window (UTC)", iso(incident.startedAt()) + " to "
                + (incident.endedAt() == null ? iso(incident.asOf()) + " (still failing)" : iso(incident.endedAt())));
        row(md, "Duration", human(incident.duration()));
        row(md, "Probes", probes.failed() + " failed of " + probes.total() + " (" + percent(probes) + ") from "
                + iso(probes.from()) + " to " + iso(probes.to()));
        row(md, "Outcomes", probes.outcomes().isEmpty() ? "none" : String.join(", ", probes.outcomes().entrySet()
                .stream().map(outcome -> outcome.getKey() + " " + outcome.getValue()).toList()));
        row(md, "Regions affected", probes.regions().isEmpty() ? "none" : String.join(", ", probes.regions()));
        if (probes.incomplete() != null) {
            row(md, "Note", "not every probe was counted: " + probes.incomplete());
        }
        md.append("\n## Failing requests\n\n");
        if (probes.failures().isEmpty()) {
            md.append("No failed probe in the window.\n");
        } else {
            md.append("| Time (UTC) | Region | Outcome | HTTP status | Error code | Request id |\n")
                    .append("|---|---|---|---|---|---|\n");
            probes.failures().forEach(failure -> md.append("| ").append(iso(failure.at())).append(" | ")
                    .append(cell(failure.region())).append(" | ").append(cell(failure.outcome())).append(" | ")
                    .append(failure.httpStatus() == null ? "" : failure.httpStatus()).append(" | ")
                    .append(code(failure.errorCode())).append(" | ").append(code(failure.requestId())).append(" |\n"));
            if (probes.unlisted() > 0) {
                md.append("\n").append(probes.unlisted())
                        .append(" more failed probes are not listed: the report lists the first ")
                        .append(probes.listLimit()).append(".\n");
            }
        }
        md.append("\n## Timeline\n\n| Time (UTC) | Event | Detail |\n|---|---|---|\n");
        incident.timeline().forEach(entry -> md.append("| ").append(iso(entry.at())).append(" | ")
                .append(entry.kind().label()).append(" | ").append(cell(entry.detail())).append(" |\n"));
        if (!incident.timelineComplete()) {
            md.append("\nThe timeline may be incomplete: the alerts topic could not be read to its end in time.\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    /** Text safe in a table cell: one line, pipes escaped. Nothing else is escaped, so it reads as plain text too. */
    private static String cell(String value) {
        return text(value).replace("|", "\\|");
    }

    private static String text(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").strip();
    }

    /** An identifier as code, so the provider can copy it exactly. */
    private static String code(String value) {
        return value == null || value.isBlank() ? "" : "`" + value.replaceAll("[`|\\s]", "") + "`";
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String percent(EpisodeProbes probes) {
        return probes.total() == 0 ? "no probes" : String.format(Locale.ROOT, "%.1f%%",
                100.0 * probes.failed() / probes.total());
    }

    /** E.g. {@code 1 h 2 min 5 s}. */
    static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append(" h ");
        }
        if (seconds >= 60) {
            text.append(seconds % 3600 / 60).append(" min ");
        }
        return text.append(seconds % 60).append(" s").toString();
    }
}
