package dev.llmuptime.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicReaderTest {

    @Test
    void readsRecordsBeyondTheExpectedCountWithTheirHeaders(KafkaCluster kafka) throws Exception {
        String topic = kafka.newTopic("llm.alerts.dlq", 1);
        send(kafka, topic, "first", "second", "third");

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(kafka.bootstrapServers(), topic,
                new StringDeserializer(), new StringDeserializer(), 2, Duration.ofSeconds(30));

        assertThat(records).extracting(ConsumerRecord::value).containsExactly("first", "second", "third");
        assertThat(TopicReader.header(records.get(1), "llm.reason")).isEqualTo("reason of second");
        assertThat(TopicReader.header(records.get(1), "llm.absent")).isNull();
    }

    @Test
    void returnsWhatArrivedWhenTheDeadlinePasses(KafkaCluster kafka) throws Exception {
        String topic = kafka.newTopic("llm.alerts.dlq", 1);
        send(kafka, topic, "only");

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(kafka.bootstrapServers(), topic,
                new StringDeserializer(), new StringDeserializer(), 2, Duration.ofSeconds(3));

        assertThat(records).extracting(ConsumerRecord::value).containsExactly("only");
    }

    @Test
    void countsTheRecordsOfEveryPartition(KafkaCluster kafka) throws Exception {
        String topic = kafka.newTopic("llm.probe.results", 3);
        send(kafka, topic, "first", "second");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 2, "other", "third")).get();
        }

        assertThat(TopicReader.recordCount(kafka.bootstrapServers(), topic)).isEqualTo(3);
    }

    private static void send(KafkaCluster kafka, String topic, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", value);
                record.headers().add("llm.reason", ("reason of " + value).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }
}
