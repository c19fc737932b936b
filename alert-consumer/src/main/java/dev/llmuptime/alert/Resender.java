package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import java.time.Clock;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What a webhook's delivery loop does for receivers that forget an alert unless they hear of it
 * again: keeps the firing alerts of the partitions it owns and sends them again. It calls these on
 * the loop's thread, in record order.
 */
sealed interface Resender permits Resender.Off, AlertmanagerResender {

    static Resender of(WebhookSender sender, Clock clock) {
        return switch (sender.webhook().format()) {
            case ALERTMANAGER_API -> new AlertmanagerResender(sender, clock);
            case GENERIC, ALERTMANAGER, SLACK, PAGERDUTY -> new Off();
        };
    }

    /** The group gave this loop {@code partitions}; {@code consumer} may be moved to read them again. */
    void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions);

    void revoked(Collection<TopicPartition> partitions);

    /** Whether {@code record} was settled before its partition came here: it is only read to rebuild the state. */
    boolean replays(ConsumerRecord<?, ?> record);

    /** An event for this webhook, settled before its partition came here. */
    void replayed(TopicPartition partition, AlertEvent event);

    /** An event for this webhook that just reached its final outcome. */
    void settled(TopicPartition partition, AlertEvent event);

    /** Sends again what is due. */
    void resendDue() throws InterruptedException;

    /** For receivers that keep what they were sent once. */
    record Off() implements Resender {

        @Override
        public void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        }

        @Override
        public void revoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public boolean replays(ConsumerRecord<?, ?> record) {
            return false;
        }

        @Override
        public void replayed(TopicPartition partition, AlertEvent event) {
        }

        @Override
        public void settled(TopicPartition partition, AlertEvent event) {
        }

        @Override
        public void resendDue() {
        }
    }
}
