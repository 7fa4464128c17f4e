package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.dyadstream.topics.TopicAdminException;
import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topics.TopicReconciler.Report;
import io.dyadstream.topics.TopicReconciler.Status;
import io.dyadstream.topics.TopicSpec;
import io.dyadstream.topics.TopicsFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One real in-process broker for the class; the tests run in order and build on each other:
 * dry run, create, produce/consume right after creation, re-apply (idempotent), drift.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaBrokerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private EmbeddedKafkaBroker broker;
    private Admin admin;
    private List<TopicSpec> specs;
    private List<String> names;

    @BeforeAll
    void startBroker() throws IOException {
        long t0 = System.nanoTime();
        broker = EmbeddedKafkaBroker.start();
        System.out.printf("EmbeddedKafkaBrokerIT: broker ready at %s in %d ms%n", broker.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        specs = TopicsFile.load(Path.of("topics.yaml"));
        names = specs.stream().map(TopicSpec::name).toList();
    }

    @AfterAll
    void stopBroker() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            Path dataDir = broker.dataDir();
            broker.close();
            broker.close(); // idempotent
            assertFalse(Files.exists(dataDir), "data dir not deleted: " + dataDir);
        }
    }

    @Test
    @Order(1)
    void brokerAnswersOnLoopback() throws Exception {
        assertTrue(broker.bootstrapServers().matches("127\\.0\\.0\\.1:\\d+"), broker.bootstrapServers());
        assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
        assertEquals(Set.of(), admin.listTopics().names().get(10, TimeUnit.SECONDS)); // no auto-created topics
    }

    @Test
    @Order(2)
    void dryRunChangesNothing() throws Exception {
        Report report = new TopicReconciler(admin).apply(specs, true);
        assertEquals(names, report.names(Status.MISSING_DRY_RUN), report.toTable());
        assertTrue(report.hasMissing());
        assertEquals(Set.of(), admin.listTopics().names().get(10, TimeUnit.SECONDS));
    }

    @Test
    @Order(3)
    void applyCreatesAllTopicsThenAProducerCanWriteAtOnce() throws Exception {
        Report report = new TopicReconciler(admin).apply(specs, false);
        System.out.print(report.toTable());
        assertEquals(names, report.names(Status.CREATED), report.toTable());
        assertFalse(report.hasDrift());

        // Right after creation (pitfall 1 in broker-probe.md): a plain producer must not lose its batch.
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.LINGER_MS_CONFIG, 0);
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>("stories.raw", "story-1", "MINSK, Nov 27 (Reuters) - ...")).get(30, TimeUnit.SECONDS);
        }
        TopicPartition tp = new TopicPartition(sent.topic(), sent.partition());

        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (received.isEmpty() && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertEquals(1, received.size(), "record not read back within " + DEADLINE);
        assertEquals("story-1", received.get(0).key());
        assertEquals("MINSK, Nov 27 (Reuters) - ...", received.get(0).value());
        assertEquals(sent.offset(), received.get(0).offset());
    }

    @Test
    @Order(4)
    void secondApplyReportsEverythingOk() {
        Report report = new TopicReconciler(admin).apply(specs, false);
        assertEquals(names, report.names(Status.OK), report.toTable());
        assertFalse(report.hasDrift());
        assertTrue(report.toTable().contains("5 topics: 5 OK"), report.toTable());
    }

    @Test
    @Order(5)
    void driftIsReportedAndNotRepaired() throws Exception {
        ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, "stories.enriched");
        admin.incrementalAlterConfigs(Map.of(enriched, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET)))).all().get(10, TimeUnit.SECONDS);
        admin.createPartitions(Map.of("relations.by-pair", NewPartitions.increaseTo(8))).all().get(10, TimeUnit.SECONDS);

        Report report = new TopicReconciler(admin).apply(specs, false);
        System.out.print(report.toTable());
        assertTrue(report.hasDrift());
        assertEquals(List.of("stories.enriched", "relations.by-pair"), report.names(Status.DRIFT), report.toTable());
        assertEquals(List.of("stories.raw", "stories.dlq", "relations.pair-daily"), report.names(Status.OK), report.toTable());
        assertEquals(List.of("retention.ms: spec 2592000000, cluster 86400000"),
                report.topic("stories.enriched").orElseThrow().details());
        assertEquals(List.of("partitions: spec 6, cluster 8"), report.topic("relations.by-pair").orElseThrow().details());

        // never altered: the cluster keeps the drifted values
        assertEquals("86400000", admin.describeConfigs(List.of(enriched)).all().get(10, TimeUnit.SECONDS)
                .get(enriched).get("retention.ms").value());
        assertEquals(8, admin.describeTopics(List.of("relations.by-pair")).allTopicNames().get(10, TimeUnit.SECONDS)
                .get("relations.by-pair").partitions().size());
    }

    @Test
    @Order(6)
    void renamedTopicsAreCreatedUnderTheirNewName() {
        List<TopicSpec> renamed = TopicsFile.renamed(specs, Map.of("stories.raw", "it.renamed.raw"));
        Report report = new TopicReconciler(admin).apply(renamed, false);
        assertEquals(List.of("it.renamed.raw"), report.names(Status.CREATED), report.toTable());
        TopicReconciler.awaitReady(admin, List.of("it.renamed.raw"), Duration.ofSeconds(10)); // already ready: returns at once
    }

    @Test
    @Order(7)
    void brokerRejectionsSurfaceWithAClearMessage() {
        TopicSpec bad = new TopicSpec("it.bad", "", 1, (short) 3, Map.of()); // RF 3 on a single broker
        TopicAdminException e = assertThrows(TopicAdminException.class,
                () -> new TopicReconciler(admin).apply(List.of(bad), false));
        assertTrue(e.getMessage().startsWith("failed to create topic it.bad"), e.getMessage());
        assertTrue(e.getMessage().contains("InvalidReplicationFactorException"), e.getMessage());
        assertNotNull(e.getCause());
    }

    @Test
    @Order(8)
    void aBusyPortIsReported() throws Exception {
        int busy = Integer.parseInt(broker.bootstrapServers().split(":")[1]);
        IOException e = assertThrows(IOException.class, () -> EmbeddedKafkaBroker.start(busy, Map.of()));
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    }
}
