package dev.llmuptime.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicFeedTest {

    @Test
    void keepsWhatWasWrittenBeforeAndAfterItStartedWithArrivalTimes(KafkaCluster kafka) throws Exception {
        String topic = kafka.newTopic("llm.probe.stats", 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "a", "before")).get();
            Instant started = Instant.now();
            try (TopicFeed<String> feed = TopicFeed.start(kafka.bootstrapServers(), topic, new StringDeserializer())) {
                producer.send(new ProducerRecord<>(topic, "b", "after")).get();

                await().atMost(Duration.ofSeconds(60)).until(() -> feed.values().size() == 2);
                assertThat(feed.values()).containsExactlyInAnyOrder("before", "after");
                assertThat(feed.arrivals()).allSatisfy(arrival -> assertThat(arrival.at()).isAfter(started));
            }
        }
    }

    @Test
    void doesNotCreateTheTopicItFollows(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueName("llm.probe.results");
        try (TopicFeed<String> feed = TopicFeed.start(kafka.bootstrapServers(), topic, new StringDeserializer())) {
            kafka.createTopics(4, topic);
            try (Admin admin = kafka.admin()) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions()).hasSize(4);
            }
        }
    }
}
