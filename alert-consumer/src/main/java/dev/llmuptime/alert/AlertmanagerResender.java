package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each firing alert to the Alertmanager again every {@link AlertmanagerApiPayload#RESEND_EVERY},
 * well within the {@link AlertmanagerApiPayload#VALID_FOR} it was sent with, until its RESOLVED. The
 * firing alerts are rebuilt from the alerts topic: when the group gives this loop a partition, the
 * loop reads it from its beginning, and what lies before the group's committed offset (already
 * settled) only rebuilds the state; so a restart or a rebalance forgets nothing. A rebuilt alert is
 * sent again at once, since nobody knows when it was last sent.
 */
final class AlertmanagerResender implements Resender {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerResender.class);

    private final WebhookSender sender;
    private final Clock clock;
    private final FiringAlerts firing = new FiringAlerts(AlertmanagerApiPayload.RESEND_EVERY);
    /** Per partition being rebuilt, the committed offset where rebuilding ends and delivering goes on. */
    private final Map<TopicPartition, Long> replayUntil = new HashMap<>();

    AlertmanagerResender(WebhookSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null && offset.offset() > 0) {
                replayUntil.put(partition, offset.offset());
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(replayUntil::remove);
        firing.forget(partitions);
    }

    @Override
    public boolean replays(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long until = replayUntil.get(partition);
        if (until == null) {
            return false;
        }
        if (record.offset() < until) {
            return true;
        }
        replayUntil.remove(partition);
        return false;
    }

    @Override
    public void replayed(TopicPartition partition, AlertEvent event) {
        firing.record(partition, event, null);
    }

    @Override
    public void settled(TopicPartition partition, AlertEvent event) {
        firing.record(partition, event, clock.instant());
    }

    @Override
    public void resendDue() throws InterruptedException {
        Instant now = clock.instant();
        List<AlertEvent> due = firing.due(now);
        // Marked before sending: after a failure the round waits for the next one, not for the next poll.
        firing.sent(due, now);
        for (AlertEvent event : due) {
            Attempt attempt = sender.send(new Notification(event, 0));
            if (attempt.result() != Attempt.Result.DELIVERED) {
                log.warn("Alertmanager {} did not take {} sent again ({}); next try in {} s", sender.webhook().name(),
                        event.getAlertId(), attempt.reason(), AlertmanagerApiPayload.RESEND_EVERY.toSeconds());
                return;
            }
        }
    }
}
