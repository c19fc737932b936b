package dev.llmuptime.aggregator;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert episode as the alerts topic tells it: its latest event, its timeline, the failing probes
 * its FIRING records carried, and what holds it back or who took it on. Immutable: each record read
 * makes a new one, so HTTP requests read it while the reader goes on.
 *
 * @param heldBy         the {@code llm.held} reason of its FIRING while it was not sent; null once sent
 * @param acknowledgedBy who took it on; null while nobody has
 */
record Incident(AlertEvent event, List<IncidentStep> steps, List<ProbeEvidence> evidence, String heldBy,
        String acknowledgedBy, String comment) {

    /** Enough for weeks of reminders; past it, reminders are no longer listed but every other step is. */
    static final int MAX_STEPS = 200;
    /** The latest failing probes kept, across all the episode's FIRING records. */
    static final int MAX_EVIDENCE = 50;

    enum State {
        FIRING, ACKNOWLEDGED, SILENCED, HELD, RESOLVED;

        String label() {
            return name().toLowerCase();
        }
    }

    Incident {
        steps = List.copyOf(steps);
        evidence = List.copyOf(evidence);
    }

    static Incident of(AlertEvent event, AlertNotice notice, Instant at) {
        return new Incident(event, List.of(), List.of(), null, null, null).with(event, notice, at);
    }

    /** This incident after one more of its records; a FIRING read after the RESOLVED (a late reminder) changes nothing. */
    Incident with(AlertEvent read, AlertNotice notice, Instant at) {
        if (resolved() && read.getStatus() == AlertStatus.FIRING) {
            return this;
        }
        String held = switch (notice.kind()) {
            case AlertNotice.TRANSITION -> read.getStatus() == AlertStatus.FIRING ? notice.heldBy() : heldBy;
            case AlertNotice.RELEASE -> null;
            default -> heldBy;
        };
        boolean acknowledgement = notice.kind().equals(AlertNotice.ACKNOWLEDGED);
        return new Incident(read, addSteps(IncidentStep.of(read, notice, at)), addEvidence(read.getEvidence()), held,
                acknowledgement ? notice.acknowledgedBy() : acknowledgedBy, acknowledgement ? notice.comment() : comment);
    }

    State state() {
        if (resolved()) {
            return State.RESOLVED;
        }
        if (acknowledgedBy != null) {
            return State.ACKNOWLEDGED;
        }
        if (heldBy != null) {
            return HoldReason.isSilence(heldBy) ? State.SILENCED : State.HELD;
        }
        return State.FIRING;
    }

    boolean resolved() {
        return event.getStatus() == AlertStatus.RESOLVED;
    }

    /** When it resolved; null while it fires. */
    Instant endedAt() {
        if (!resolved()) {
            return null;
        }
        return event.getEndsAt() == null ? event.getEmittedAt() : event.getEndsAt();
    }

    private List<IncidentStep> addSteps(List<IncidentStep> added) {
        List<IncidentStep> all = new ArrayList<>(steps);
        for (IncidentStep step : added) {
            // Delivery is at least once: a record written twice is one step.
            boolean full = all.size() >= MAX_STEPS && step.kind() == IncidentStep.Kind.REMINDED;
            if (!full && !all.contains(step)) {
                all.add(step);
            }
        }
        return all;
    }

    private List<ProbeEvidence> addEvidence(List<ProbeEvidence> read) {
        if (read == null || read.isEmpty()) {
            return evidence;
        }
        Map<String, ProbeEvidence> byProbe = new LinkedHashMap<>();
        evidence.forEach(probe -> byProbe.put(probe.getProbeId(), probe));
        read.forEach(probe -> byProbe.putIfAbsent(probe.getProbeId(), probe));
        List<ProbeEvidence> all = new ArrayList<>(byProbe.values());
        all.sort(Comparator.comparing(ProbeEvidence::getStartedAt).thenComparing(ProbeEvidence::getProbeId));
        return all.size() > MAX_EVIDENCE ? all.subList(all.size() - MAX_EVIDENCE, all.size()) : all;
    }
}
