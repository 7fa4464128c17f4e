package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.StoryParser;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.RawStory;
import io.dyadstream.serde.JsonSerde;
import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topics.TopicSpec;
import io.dyadstream.topics.TopicsFile;
import io.dyadstream.topology.DyadTopology;
import io.dyadstream.topology.PipelineMetrics;
import io.dyadstream.topology.StoryEnrichment;
import io.dyadstream.topology.StreamsSettings;
import io.dyadstream.topology.TopicNames;
import io.dyadstream.topology.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end throughput on the in-process broker, in drain mode: the stories are produced first, then
 * the app starts, and the clock runs from its start to the last output read (read_committed). Runs a
 * pass-through topology (the same parsing and serdes, no enrichment: the ceiling Kafka and Kafka
 * Streams allow on this machine) and the full dyadstream topology, each on fresh topics.
 */
final class PipelineBench {

    /**
     * One run: wall seconds from start to the last output read, seconds of that spent before the app
     * was RUNNING (joining the group, creating internal topics, opening stores), the CPU seconds the
     * whole process (app, broker, bench client) used meanwhile, and the bytes the run left on each topic.
     */
    record Result(String name, int stories, double seconds, double startupSeconds, double cpuSeconds, double jitSeconds,
            Map<String, Long> topicBytes, long stateBytes) {
        double storiesPerSecond() {
            return stories / seconds;
        }

        double cpuMsPerStory() {
            return 1000 * cpuSeconds / stories;
        }

        /** CPU of the JIT compiler threads per story (part of {@link #cpuMsPerStory()}); negative if unknown. */
        double jitMsPerStory() {
            return jitSeconds < 0 ? -1 : 1000 * jitSeconds / stories;
        }

        /** The JIT compiler threads' share of the process' CPU during the run; negative if unknown. */
        double jitShare() {
            return jitSeconds < 0 || cpuSeconds <= 0 ? -1 : jitSeconds / cpuSeconds;
        }

        long bytesPerStory() {
            return topicBytes.values().stream().mapToLong(Long::longValue).sum() / stories;
        }

        /** The app's state stores on disk after the run, per story (RocksDB files, checkpoints); negative if unknown. */
        long stateBytesPerStory() {
            return stateBytes < 0 ? -1 : stateBytes / stories;
        }
    }

    private final EmbeddedKafkaBroker broker;
    private final Enricher enricher;
    private final Path stateRoot;
    private final Map<String, String> streamsSettings;
    private final int instances;
    private int runs;

    PipelineBench(EmbeddedKafkaBroker broker, Enricher enricher, Map<String, String> streamsSettings, int instances)
            throws java.io.IOException {
        this.broker = broker;
        this.enricher = enricher;
        this.streamsSettings = streamsSettings;
        this.instances = instances;
        this.stateRoot = Files.createTempDirectory("dyadstream-bench");
    }

    /** The pass-through topology: parse the raw story and write it, unenriched, in the enriched schema. */
    static Topology passThrough(TopicNames topics) {
        StoryParser parser = new StoryParser(StoryParser.DEFAULT_MAX_STORY_BYTES);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.raw(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw-stories"))
                .mapValues((key, value) -> {
                    RawStory raw = parser.parse(key, value);
                    return new EnrichedStory(EnrichedStory.SCHEMA, raw.id(), raw.headline(), raw.published(), null, null, List.of(),
                            raw.source(), raw.url(), raw.lang(), raw.body(), List.of(), List.of());
                }, Named.as("parse"))
                .to(topics.enriched(), Produced.with(Serdes.ByteArray(), new JsonSerde<>(EnrichedStory.class)).withName("write-parsed"));
        return builder.build();
    }

    /**
     * The topology a run measures: the pass-through; the full topology; or the full topology with every story
     * enriched before the clock starts, so that the run measures its Kafka work (topics, stores, serdes) alone.
     */
    enum Topologies {
        PASS_THROUGH, FULL, FULL_PRE_ENRICHED
    }

    Result run(String name, List<RawStory> stories, String guarantee, Topologies what) throws Exception {
        String prefix = "bench-" + (++runs) + "-";
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        Map<String, String> renames = new HashMap<>();
        for (String t : List.of(TopicNames.RAW, TopicNames.ENRICHED, TopicNames.PAIRS, TopicNames.DAILY, TopicNames.DLQ)) {
            renames.put(t, prefix + t);
        }
        props.put(TopicNames.RAW_CONFIG, prefix + TopicNames.RAW);
        props.put(TopicNames.ENRICHED_CONFIG, prefix + TopicNames.ENRICHED);
        props.put(TopicNames.PAIRS_CONFIG, prefix + TopicNames.PAIRS);
        props.put(TopicNames.DAILY_CONFIG, prefix + TopicNames.DAILY);
        props.put(TopicNames.DLQ_CONFIG, prefix + TopicNames.DLQ);
        TopologySettings settings = TopologySettings.from(props);
        List<TopicSpec> specs = TopicsFile.renamed(TopicsFile.loadDefault(), renames);
        try (Admin admin = Admin.create(AppConfig.clientProperties(props))) {
            new TopicReconciler(admin).apply(specs, false);
        }
        produce(settings.topics().raw(), stories);
        StoryEnrichment enrichment = what == Topologies.FULL_PRE_ENRICHED ? preEnriched(stories) : enricher::enrich;

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long jitStart = compilerCpuNanos();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong running = new java.util.concurrent.atomic.AtomicLong();
        // several instances share the application id, as several app processes would: Kafka splits the tasks among them
        List<KafkaStreams> apps = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Properties streamsProps = new Properties();
                streamsProps.putAll(props);
                streamsProps.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "app");
                streamsProps.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(prefix + i).toString());
                streamsProps.putAll(streamsSettings);
                streamsProps.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
                Topology topology = what == Topologies.PASS_THROUGH ? passThrough(settings.topics())
                        : DyadTopology.build(settings, enrichment, new PipelineMetrics());
                KafkaStreams streams = new KafkaStreams(topology, StreamsSettings.complete(streamsProps, settings.topics()));
                apps.add(streams);
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING) {
                        running.compareAndSet(0, System.nanoTime());
                    }
                });
                streams.start();
            }
            awaitOutputs(settings.topics().enriched(), stories.size());
            long end = System.nanoTime();
            System.out.printf("run %s %s: epoch %.3f to %.3f%n", prefix, name, System.currentTimeMillis() / 1e3 - (end - start) / 1e9,
                    System.currentTimeMillis() / 1e3);
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            long jitEnd = compilerCpuNanos();
            double jit = jitStart < 0 || jitEnd < 0 ? -1 : (jitEnd - jitStart) / 1e9;
            Map<String, Long> topicBytes = topicBytes(prefix);
            closeAll(apps);
            long stateBytes = 0;
            for (int i = 0; i < instances; i++) {
                long bytes = TempDirs.size(stateRoot.resolve(prefix + i));
                stateBytes = bytes < 0 || stateBytes < 0 ? -1 : stateBytes + bytes;
            }
            return new Result(name, stories.size(), (end - start) / 1e9, ((running.get() == 0 ? end : running.get()) - start) / 1e9,
                    cpu, jit, topicBytes, stateBytes);
        } finally {
            closeAll(apps);
            for (int i = 0; i < instances; i++) {
                TempDirs.deleteRecursively(stateRoot.resolve(prefix + i));
            }
        }
    }

    /** Closes the apps (again: a closed app returns at once), so that their stores are flushed and their files complete. */
    private static void closeAll(List<KafkaStreams> apps) {
        for (KafkaStreams streams : apps) {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** Each story enriched now, and looked up by its key (the story's id, as {@link #produce} writes it) in the run. */
    private StoryEnrichment preEnriched(List<RawStory> stories) {
        Map<String, EnrichedStory> enriched = new HashMap<>();
        for (RawStory s : stories) {
            enriched.put(s.id(), enricher.enrich(s));
        }
        // the stories stay live through the run: moved to the old generation now, their copying by young collections
        // is not charged to the topology
        System.gc();
        return (key, value) -> {
            EnrichedStory story = enriched.get(new String(key, StandardCharsets.UTF_8));
            return story != null ? story : enricher.enrich(key, value);
        };
    }

    /**
     * CPU nanoseconds the JIT's compiler threads ("C1 CompilerThreadN", "C2 CompilerThreadN") have used, from
     * /proc/self/task (Linux; clock ticks of 10 ms); -1 elsewhere. They are not Java-visible threads, so
     * ThreadMXBean cannot see them.
     */
    static long compilerCpuNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (java.util.stream.Stream<Path> dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    if (!comm.startsWith("C1 CompilerThre") && !comm.startsWith("C2 CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15 of stat)
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return ticks * 10_000_000L;
    }

    /** Bytes on the broker per topic of this run (internal topics included), prefix removed. */
    private Map<String, Long> topicBytes(String prefix) throws Exception {
        Map<String, Long> bytes = new java.util.TreeMap<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            int node = admin.describeCluster().nodes().get().iterator().next().id();
            admin.describeLogDirs(List.of(node)).allDescriptions().get().get(node).values()
                    .forEach(dir -> dir.replicaInfos().forEach((tp, info) -> {
                        if (tp.topic().startsWith(prefix)) {
                            bytes.merge(tp.topic().substring(prefix.length()), info.size(), Long::sum);
                        }
                    }));
        }
        return bytes;
    }

    private void produce(String topic, List<RawStory> stories) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (RawStory s : stories) {
                producer.send(new ProducerRecord<>(topic, s.id().getBytes(StandardCharsets.UTF_8), s.body().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private void awaitOutputs(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + topic);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (seen < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + expected + " outputs after 15 minutes");
                }
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
    }
}
