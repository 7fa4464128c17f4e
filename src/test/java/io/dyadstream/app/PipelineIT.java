package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.serde.Json;
import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker (in-process KRaft): stories produced with a plain KafkaProducer
 * come out enriched and per pair, read with a read_committed consumer; a garbage record lands on the
 * DLQ while the app keeps running. Waits on the app's state and on records, never on fixed sleeps.
 */
class PipelineIT {

    private static EmbeddedKafkaBroker broker;
    private static final TopicNames TOPICS = TopicNames.defaults();

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        Properties settings = settings();
        try (Admin admin = Admin.create(AppConfig.clientProperties(settings))) {
            new TopicReconciler(admin).apply(TopicsCommand.specs(Path.of("topics.yaml"), settings), false);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Properties settings() {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("application.id", "dyadstream-it");
        p.put("state.dir", stateDir.toString());
        return p;
    }

    @Test
    void storiesFlowToEnrichedPairsAndDlqUnderExactlyOnce() throws Exception {
        Properties settings = settings();
        settings.put(Instance.HTTP_PORT, "0");
        try (Instance runner = new Instance(settings, new Enricher(Lexicons.loadDefault(), 1 << 20))) {
            runner.start();
            assertTrue(runner.awaitRunning(Duration.ofSeconds(60)), "streams did not reach RUNNING: " + runner.state());

            produce(List.of(
                    new ProducerRecord<>(TOPICS.raw(), bytes("it-1"), bytes(" date 2016-11-29 MINSK. BELTA - Belarus and Kazakhstan "
                            + "signed an agreement on joint production of tractors on Tuesday.")),
                    new ProducerRecord<>(TOPICS.raw(), null, bytes("{\"id\": \"it-bad\", \"body\": ")),
                    new ProducerRecord<>(TOPICS.raw(), bytes("it-2"), bytes("{\"id\": \"it-2\", \"headline\": \"Talks\", \"body\": "
                            + "\"HANOI (Reuters) - Vietnam and Japan held talks on a new rail line on Monday.\", \"published\": \"2021-05-05\"}"))));

            Map<String, List<ConsumerRecord<String, String>>> got = consumeUntil(5, Duration.ofSeconds(60));
            List<String> enrichedKeys = got.get(TOPICS.enriched()).stream().map(ConsumerRecord::key).sorted().toList();
            assertEquals(List.of("it-1", "it-2"), enrichedKeys);
            List<String> pairKeys = got.get(TOPICS.pairs()).stream().map(ConsumerRecord::key).sorted().toList();
            assertEquals(List.of("BLR-KAZ", "JPN-VNM"), pairKeys);
            JsonNode relation = Json.MAPPER.readTree(got.get(TOPICS.pairs()).stream()
                    .filter(r -> r.key().equals("BLR-KAZ")).findFirst().orElseThrow().value());
            assertEquals("it-1", relation.get("storyId").asText());
            List<ConsumerRecord<String, String>> dead = got.get(TOPICS.dlq());
            assertEquals(1, dead.size());
            assertEquals("{\"id\": \"it-bad\", \"body\": ", dead.get(0).value());
            assertTrue(DemoCommand.header(asBytes(dead.get(0)), "__streams.errors.message").contains("malformed JSON envelope"));
            assertEquals("RUNNING", runner.state().name(), "the app keeps running after a bad record");
        }
    }

    private static void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get();
            }
        }
    }

    private static Map<String, List<ConsumerRecord<String, String>>> consumeUntil(int atLeast, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<ConsumerRecord<String, String>>> got = new HashMap<>();
        TOPICS.all().forEach(t -> got.put(t, new ArrayList<>()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPICS.enriched(), TOPICS.pairs(), TOPICS.dlq()));
            long deadline = System.nanoTime() + timeout.toNanos();
            int count = 0;
            while (count < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    got.get(r.topic()).add(r);
                    count++;
                }
            }
            // everything expected has arrived; one more poll shows nothing extra (no duplicates)
            consumer.poll(Duration.ofMillis(500)).forEach(r -> got.get(r.topic()).add(r));
        }
        return got;
    }

    private static ConsumerRecord<byte[], byte[]> asBytes(ConsumerRecord<String, String> r) {
        ConsumerRecord<byte[], byte[]> c = new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), null, null);
        r.headers().forEach(h -> c.headers().add(h));
        return c;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
