package dev.llmuptime.alert;

import dev.llmuptime.config.EscalationConfig;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides who is told of each alert, and when again: routes the rules' transitions, holds back what
 * a maintenance window, a silence or an inhibition covers and sends it once nothing does, reminds the receivers of an
 * unacknowledged firing alert every repeat-interval and escalates it step by step, and records each
 * acknowledgement once.
 * Keeps an {@link Episode} per firing alert for the state topic, so a restart neither repeats nor
 * forgets a reminder. Not thread-safe; time comes from the caller.
 */
final class Notifier {

    private static final String TOPIC = "alerts";

    private final Routes routes;
    private final Holds holds;
    private final Acknowledgements acknowledgements;
    private final AlertEventSerde serde = new AlertEventSerde();
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    private final Map<String, Change> changed = new HashMap<>();
    private final List<String> settledAcknowledgements = new ArrayList<>();

    Notifier(Routes routes, Holds holds, Acknowledgements acknowledgements) {
        this.routes = routes;
        this.holds = holds;
        this.acknowledgements = acknowledgements;
    }

    /** The notifier of the configured routes and maintenance windows, then {@code holds}, for these rules. */
    static Notifier of(MonitorConfig config, List<Rule> rules, Acknowledgements acknowledgements, Holds holds) {
        return new Notifier(new Routes(config.alerts(), Rules.byName(rules)::get),
                new MaintenanceWindows(config.alerts().maintenance()).orElse(holds), acknowledgements);
    }

    /** The notices of the rules' transitions; {@code regionOf} gives a firing alert's region (null: all regions). */
    List<Notice> onTransitions(List<AlertEvent> transitions, Function<String, String> regionOf, long now) {
        List<Notice> notices = new ArrayList<>();
        for (AlertEvent event : transitions) {
            notices.add(event.getStatus() == AlertStatus.FIRING
                    ? fire(event, regionOf.apply(event.getAlertId()), now) : resolve(event));
        }
        return notices;
    }

    /** Records new acknowledgements, releases what is no longer held, then reminds and escalates what is due. */
    List<Notice> onTick(long now) {
        List<Notice> notices = new ArrayList<>();
        for (Episode known : new ArrayList<>(episodes.values())) {
            Optional<Acknowledgement> ack = acknowledgements.of(known.alertId());
            Episode episode = ack.isPresent() && known.acknowledgedBy() == null ? acknowledge(known, ack.get(), now,
                    notices) : known;
            Optional<String> held = holds.heldBy(episode.labels(), now);
            if (!episode.sent()) {
                if (held.isEmpty()) {
                    notices.add(release(episode, now));
                } else if (!held.get().equals(episode.heldBy())) {
                    put(episode.heldBy(held.get()));
                }
            } else if (held.isEmpty() && ack.isEmpty()) {
                Route route = routes.routeFor(episode.labels());
                escalate(episode, route, now, notices);
                remind(episodes.get(episode.alertId()), route, now, notices);
            }
        }
        return notices;
    }

    /** The FIRING of each episode of {@code rule} kept here, by target. */
    Map<String, AlertEvent> firingOf(String rule) {
        Map<String, AlertEvent> firing = new TreeMap<>();
        episodes.values().stream().filter(episode -> episode.labels().rule().equals(rule)).forEach(episode ->
                firing.put(episode.labels().target(), serde.deserializer().deserialize(TOPIC, episode.firing())));
        return firing;
    }

    /** Restores an episode read back from the state topic; null: it is over. */
    void restore(String alertId, Episode episode) {
        if (episode == null) {
            episodes.remove(alertId);
        } else {
            episodes.put(alertId, episode);
        }
    }

    /** Forgets the episodes on the targets {@code gone} accepts: another instance decides them now. */
    void forget(Predicate<String> gone) {
        episodes.values().removeIf(episode -> gone.test(episode.labels().target()));
        changed.values().removeIf(change -> gone.test(change.targetId()));
    }

    /** Alerts acknowledged that resolved since the last call: their acknowledgements are done with. */
    List<String> drainSettledAcknowledgements() {
        List<String> drained = List.copyOf(settledAcknowledgements);
        settledAcknowledgements.clear();
        return drained;
    }

    /** Episodes changed since the last call, for the state topic. */
    List<Change> drainChanged() {
        List<Change> drained = new ArrayList<>(changed.values());
        changed.clear();
        return drained;
    }

    private Notice fire(AlertEvent event, String region, long now) {
        AlertLabels labels = AlertLabels.of(event, region);
        byte[] firing = serde.serializer().serialize(TOPIC, event);
        Optional<String> held = holds.heldBy(labels, now);
        if (held.isPresent()) {
            put(Episode.held(event.getAlertId(), labels, firing, held.get(), now));
            return Notice.held(event, NoticeKind.TRANSITION, 0, held.get());
        }
        List<String> receivers = routes.routeFor(labels).receivers();
        put(Episode.sent(event.getAlertId(), labels, firing, receivers, now));
        return new Notice(event, NoticeKind.TRANSITION, 0, 0, receivers, null);
    }

    /** A RESOLVED goes to everyone told of the FIRING, so no page stays open; it is held if nobody was. */
    private Notice resolve(AlertEvent event) {
        Episode episode = episodes.remove(event.getAlertId());
        if (episode == null) {
            // Fired before episodes were kept: its FIRING went where the route says.
            return new Notice(event, NoticeKind.TRANSITION, 0, 0,
                    routes.routeFor(AlertLabels.of(event, null)).receivers(), null);
        }
        changed.put(episode.alertId(), new Change(episode.alertId(), episode.labels().target(), null));
        if (episode.acknowledgedBy() != null || acknowledgements.of(episode.alertId()).isPresent()) {
            settledAcknowledgements.add(episode.alertId());
        }
        if (!episode.sent()) {
            return Notice.held(event, NoticeKind.TRANSITION, 0, episode.heldBy());
        }
        return new Notice(event, NoticeKind.TRANSITION, 0, episode.escalation(), episode.receivers(), null);
    }

    /** Records that {@code ack} took the episode on, once, in the alerts topic's audit trail. */
    private Episode acknowledge(Episode episode, Acknowledgement ack, long now, List<Notice> notices) {
        Episode acknowledged = episode.acknowledged(ack.by());
        put(acknowledged);
        notices.add(Notice.acknowledged(repeat(acknowledged, now), acknowledged.escalation(), ack));
        return acknowledged;
    }

    private Notice release(Episode episode, long now) {
        List<String> receivers = routes.routeFor(episode.labels()).receivers();
        Episode released = episode.released(receivers, now);
        put(released);
        return new Notice(repeat(released, now), NoticeKind.RELEASE, 0, released.escalation(), receivers, null);
    }

    /** Takes every escalation step that is due, each to the webhooks not told yet. */
    private void escalate(Episode episode, Route route, long now, List<Notice> notices) {
        Episode current = episode;
        List<EscalationConfig> steps = route.escalate();
        while (current.escalation() < steps.size()
                && now - current.notifiedSince() >= steps.get(current.escalation()).after().toMillis()) {
            List<String> told = current.receivers();
            List<String> newcomers = steps.get(current.escalation()).notifyWebhooks().stream()
                    .filter(webhook -> !told.contains(webhook)).toList();
            current = current.escalated(newcomers);
            put(current);
            notices.add(new Notice(repeat(current, now), NoticeKind.ESCALATION, 0, current.escalation(), newcomers, null));
        }
    }

    private void remind(Episode episode, Route route, long now, List<Notice> notices) {
        if (route.repeatInterval() == null || now - episode.lastNotified() < route.repeatInterval().toMillis()) {
            return;
        }
        Episode reminded = episode.reminded(now);
        put(reminded);
        notices.add(new Notice(repeat(reminded, now), NoticeKind.REMINDER, reminded.notification(),
                reminded.escalation(), reminded.receivers(), null));
    }

    /** The episode's FIRING again, emitted now: its retries are timed from now. */
    private AlertEvent repeat(Episode episode, long now) {
        AlertEvent event = serde.deserializer().deserialize(TOPIC, episode.firing());
        event.setEmittedAt(Instant.ofEpochMilli(now));
        return event;
    }

    private void put(Episode episode) {
        episodes.put(episode.alertId(), episode);
        changed.put(episode.alertId(), new Change(episode.alertId(), episode.labels().target(), episode));
    }

    /**
     * An episode to write to the state topic.
     *
     * @param episode null: it is over (a tombstone)
     */
    record Change(String alertId, String targetId, Episode episode) {
    }
}
