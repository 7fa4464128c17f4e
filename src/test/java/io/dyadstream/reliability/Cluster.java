package io.dyadstream.reliability;

import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topics.TopicSpec;
import io.dyadstream.topics.TopicsFile;
import io.dyadstream.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the reliability tests do on the broker besides running the app: apply topics.yaml under a
 * per-run prefix (so that several runs share one broker), produce, read a topic completely with a
 * read_committed consumer, and tell when an app has consumed everything (its consumer group's lag).
 */
final class Cluster {

    private final Map<String, Object> client;

    Cluster(Map<String, Object> client) {
        this.client = Map.copyOf(client);
    }

    Cluster(String bootstrapServers) {
        this(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** The topic names of a run: topics.yaml's names with {@code prefix} in front ("" for the defaults). */
    static TopicNames topics(String prefix) {
        TopicNames d = TopicNames.defaults();
        return new TopicNames(prefix + d.raw(), prefix + d.enriched(), prefix + d.pairs(), prefix + d.daily(), prefix + d.dlq());
    }

    /** The app's {@code --set} arguments for these topic names. */
    static List<String> topicArgs(TopicNames t) {
        return List.of("--set", TopicNames.RAW_CONFIG + "=" + t.raw(), "--set", TopicNames.ENRICHED_CONFIG + "=" + t.enriched(),
                "--set", TopicNames.PAIRS_CONFIG + "=" + t.pairs(), "--set", TopicNames.DAILY_CONFIG + "=" + t.daily(),
                "--set", TopicNames.DLQ_CONFIG + "=" + t.dlq());
    }

    /** Applies topics.yaml under these names, with extra topic configs for some topics (e.g. a larger max.message.bytes). */
    void createTopics(TopicNames names, Map<String, Map<String, String>> extraConfigs) {
        List<TopicSpec> specs = new ArrayList<>();
        for (TopicSpec spec : TopicsFile.renamed(TopicsFile.load(Path.of("topics.yaml")), names.renames())) {
            Map<String, String> configs = new HashMap<>(spec.configs());
            configs.putAll(extraConfigs.getOrDefault(spec.name(), Map.of()));
            specs.add(new TopicSpec(spec.name(), spec.description(), spec.partitions(), spec.replicationFactor(), configs));
        }
        try (Admin admin = Admin.create(client)) {
            new TopicReconciler(admin).apply(specs, false);
        }
    }

    /** A producer as a feed should use: acks=all, idempotent; {@code extra} may raise max.request.size etc. */
    KafkaProducer<byte[], byte[]> producer(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.putAll(extra);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the records in order and waits until the broker acknowledged all of them. */
    void produce(String topic, List<Generator.Rec> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
            for (Generator.Rec r : records) {
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()));
            }
            producer.flush();
        }
    }

    /** Every committed record of the topic, read from the beginning up to its end now (read_committed). */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> p = new HashMap<>(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 2 minutes");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * True when the app's consumer group has committed offsets up to the end of every partition of its
     * input topics: the raw topic, its repartition topics and whatever else its members are assigned (a
     * topic it reads back, such as relations.by-pair for the daily aggregates).
     */
    boolean caughtUp(String applicationId, TopicNames topics) throws Exception {
        try (Admin admin = Admin.create(client)) {
            java.util.Set<String> inputs = new java.util.TreeSet<>(List.of(topics.raw()));
            admin.listTopics().names().get().stream()
                    .filter(n -> n.startsWith(applicationId + "-") && n.endsWith("-repartition")).forEach(inputs::add);
            admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId).get().members()
                    .forEach(m -> m.assignment().topicPartitions().forEach(tp -> inputs.add(tp.topic())));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            committed.keySet().forEach(tp -> inputs.add(tp.topic()));
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(inputs).allTopicNames().get().values()) {
                d.partitions().forEach(p -> query.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(query).all().get();
            List<String> lagging = ends.entrySet().stream().filter(e -> e.getValue().offset() > 0 && (committed.get(e.getKey()) == null
                    || committed.get(e.getKey()).offset() < e.getValue().offset()))
                    .map(e -> e.getKey() + " " + (committed.get(e.getKey()) == null ? "-" : committed.get(e.getKey()).offset()) + "/"
                            + e.getValue().offset()).sorted().toList();
            if (Boolean.getBoolean("dyadstream.reliability.debug") && !lagging.isEmpty()) {
                System.out.println("lagging: " + lagging);
            }
            return lagging.isEmpty();
        }
    }

    /** The group's members now (empty once every member left or timed out). */
    int groupMembers(String groupId) throws Exception {
        try (Admin admin = Admin.create(client)) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get();
            return d.members().size();
        }
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(200); // poll interval, not a wait for the state itself
        }
    }

    /** Counts per key, for spotting duplicates. */
    static <T> Map<T, Long> counts(List<T> items) {
        return items.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
    }

    Properties asProperties() {
        Properties p = new Properties();
        p.putAll(client);
        return p;
    }
}
