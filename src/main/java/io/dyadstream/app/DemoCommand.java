package io.dyadstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.serde.Json;
import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topology.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dyadstream demo}: everything on one machine. Starts a real Kafka broker in-process (KRaft),
 * applies topics.yaml, starts the topology, publishes the bundled sample stories (several formats and
 * pairs, and one bad record) to {@code stories.raw}, and prints what arrives on
 * {@code relations.by-pair} and {@code stories.dlq} as a table, until Ctrl-C ({@code --once}: until
 * the samples are done).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run dyadstream end to end on an embedded Kafka broker with sample stories.")
final class DemoCommand implements Callable<Integer> {

    static final String SAMPLES = "samples/stories.jsonl";
    static final String BAD_SAMPLE = "samples/bad-record.txt";

    @Option(names = "--once", description = "Exit once every sample story has been enriched or dead-lettered.")
    boolean once;

    @Option(names = "--port", defaultValue = "0", description = "Broker port on 127.0.0.1 (default: a free port).")
    int port;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of the query API on 127.0.0.1 (default ${DEFAULT-VALUE}; 0: a free port).")
    int httpPort;

    @Option(names = "--timeout", defaultValue = "120", description = "With --once: seconds to wait for the samples (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path stateDir = Files.createTempDirectory("dyadstream-demo-state");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, Map.of())) {
            Properties settings = new Properties();
            settings.put("bootstrap.servers", broker.bootstrapServers());
            settings.put("application.id", "dyadstream-demo");
            settings.put("state.dir", stateDir.toString());
            TopicNames topics = TopicNames.defaults();
            out.printf("%nKafka broker (in-process, KRaft) at %s   try: kcat -b %s -L%n", broker.bootstrapServers(), broker.bootstrapServers());
            try (Admin admin = Admin.create(AppConfig.clientProperties(settings))) {
                out.println(new TopicReconciler(admin).apply(TopicsCommand.specs(null, settings), false).toTable());
            }
            settings.put(Instance.HTTP_PORT, String.valueOf(httpPort));
            try (Instance instance = openInstance(settings, new Enricher(Lexicons.loadDefault(), AppConfig.maxStoryBytes(settings)))) {
                instance.start();
                if (!instance.awaitRunning(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the streams app did not reach RUNNING (state " + instance.state() + ")");
                }
                out.printf("dashboard at %s/   query API: curl %s/api/pairs/BLR-KAZ   metrics: %s/metrics%n", instance.apiAddress(),
                        instance.apiAddress(), instance.apiAddress());
                List<ProduceCommand.Story> samples = samples();
                int sent = ProduceCommand.send(settings, topics.raw(), samples);
                out.printf("published %d sample stories to %s (%.1f s after start); results:%n%n", sent, topics.raw(),
                        (System.nanoTime() - started) / 1e9);
                CountDownLatch interrupted = new CountDownLatch(1);
                Thread main = Thread.currentThread();
                Thread hook = new Thread(() -> {
                    interrupted.countDown();
                    main.interrupt();
                });
                Runtime.getRuntime().addShutdownHook(hook);
                boolean done = printResults(settings, topics, sent, started);
                if (once) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    return done ? 0 : 1;
                }
                return 0;
            }
        } finally {
            TempDirs.deleteRecursively(stateDir);
        }
    }

    /** The demo's instance on the asked HTTP port, or on a free one if that port is taken. */
    private Instance openInstance(Properties settings, Enricher enricher) throws IOException {
        try {
            return new Instance(settings, enricher);
        } catch (java.net.BindException e) {
            out.printf("port %d is taken; the API uses a free port instead%n", httpPort);
            settings.put(Instance.HTTP_PORT, "0");
            return new Instance(settings, enricher);
        }
    }

    /** Prints results as they arrive; with --once returns when every sample is accounted for. */
    private boolean printResults(Properties settings, TopicNames topics, int expected, long started) {
        Properties props = AppConfig.clientProperties(settings);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dyadstream-demo-printer");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int accounted = 0;
        boolean first = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.enriched(), topics.pairs(), topics.dlq()));
            // counts once per story: the enriched topic carries each story once, the DLQ each bad record once
            out.printf("%-9s %-14s %-58s %s%n", "PAIR", "STORY", "TAGS (type/modality)", "SECTORS");
            while (!Thread.currentThread().isInterrupted() && !(once && (accounted >= expected || System.nanoTime() > deadline))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (first) {
                        out.printf("(first result %.1f s after start)%n", (System.nanoTime() - started) / 1e9);
                        first = false;
                    }
                    if (r.topic().equals(topics.pairs())) {
                        printPair(r.value());
                    } else if (r.topic().equals(topics.dlq())) {
                        printDeadLetter(r);
                        accounted++;
                    } else {
                        accounted++;
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.interrupted();
        }
        out.printf("%n%d of %d sample stories done (enriched or dead-lettered)%n", accounted, expected);
        return accounted >= expected;
    }

    private void printPair(byte[] value) {
        try {
            JsonNode r = Json.MAPPER.readTree(value);
            StringJoiner tags = new StringJoiner(" ");
            r.path("tags").forEach(t -> tags.add(t.path("type").asText() + "/" + t.path("modality").asText()));
            StringJoiner sectors = new StringJoiner(",");
            r.path("sectors").forEach(s -> sectors.add(s.asText()));
            String copy = r.hasNonNull("duplicateOf")
                    ? "   (republished copy of " + r.get("duplicateOf").asText() + ", counted once; sources " + r.path("sources") + ")" : "";
            out.printf("%-9s %-14s %-58s %s%s%n", r.path("pair").asText(), r.path("storyId").asText(), tags, sectors, copy);
        } catch (IOException e) {
            out.println("(unreadable pair record: " + e.getMessage() + ")");
        }
    }

    private void printDeadLetter(ConsumerRecord<byte[], byte[]> r) {
        out.printf("%-9s %-14s %s: %s%n", "DLQ", r.key() == null ? "(no key)" : new String(r.key(), StandardCharsets.UTF_8),
                header(r, "__streams.errors.exception"), header(r, "__streams.errors.message"));
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    static List<ProduceCommand.Story> samples() throws IOException {
        List<ProduceCommand.Story> samples = new ArrayList<>();
        for (String line : new String(resource(SAMPLES), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                samples.add(new ProduceCommand.Story(ProduceCommand.idOf(line), line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        samples.add(new ProduceCommand.Story(null, resource(BAD_SAMPLE)));
        return samples;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (the jar is incomplete)");
            }
            return in.readAllBytes();
        }
    }

}
