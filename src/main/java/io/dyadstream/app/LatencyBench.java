package io.dyadstream.app;

import io.dyadstream.model.RawStory;
import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topics.TopicsFile;
import io.dyadstream.topology.TopicNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Latency from produce to {@code relations.by-pair} at a fixed offered load, with the app in its own
 * JVM ({@code dyadstream run}, as in production): each raw story carries its send time in a header,
 * which Kafka Streams carries through to the relation records; a read_committed consumer takes the
 * first relation record of each story. Also reads the app's peak heap and resident memory from its
 * {@code /metrics}.
 */
final class LatencyBench {

    static final String SENT_HEADER = "bench-sent-ms";
    private static final Pattern API = Pattern.compile("(http://[0-9.]+:[0-9]+)");

    record Result(String guarantee, int rate, int stories, double p50, double p95, double p99, double max, long peakHeap, long peakRss) {}

    /** glibc's malloc arenas for the app's process, as the Dockerfile sets it (RocksDB allocates from many threads). */
    static final String MALLOC_ARENAS = "2";

    private final EmbeddedKafkaBroker broker;
    private final List<String> jvmOptions;
    private int runs;

    LatencyBench(EmbeddedKafkaBroker broker, List<String> jvmOptions) {
        this.broker = broker;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Offers {@code warmUp} and then {@code stories} at {@code rate}, without a pause; only the latencies of
     * {@code stories} count, so that the figures are those of an app that has been running (its JIT done),
     * not of its first seconds.
     */
    Result run(List<RawStory> warmUp, List<RawStory> stories, int rate, String guarantee, Map<String, String> appSettings) throws Exception {
        String prefix = "latency-" + (++runs) + "-";
        Map<String, String> renames = new HashMap<>();
        Path stateDir = Files.createTempDirectory("dyadstream-latency");
        List<String> args = new ArrayList<>(List.of(javaBinary()));
        args.addAll(jvmOptions);
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "-b", broker.bootstrapServers(),
                "--set", "application.id=" + prefix + "app",
                "--set", "processing.guarantee=" + guarantee,
                "--set", "state.dir=" + stateDir,
                "--set", Instance.HTTP_PORT + "=0"));
        for (String[] t : new String[][] {{TopicNames.RAW, TopicNames.RAW_CONFIG}, {TopicNames.ENRICHED, TopicNames.ENRICHED_CONFIG},
                {TopicNames.PAIRS, TopicNames.PAIRS_CONFIG}, {TopicNames.DAILY, TopicNames.DAILY_CONFIG}, {TopicNames.DLQ, TopicNames.DLQ_CONFIG}}) {
            renames.put(t[0], prefix + t[0]);
            args.addAll(List.of("--set", t[1] + "=" + prefix + t[0]));
        }
        appSettings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        Properties admin = new Properties();
        admin.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            new TopicReconciler(a).apply(TopicsFile.renamed(TopicsFile.loadDefault(), renames), false);
        }
        Path log = Files.createTempFile(prefix + "app", ".log");
        boolean delivered = false;
        ProcessBuilder launch = new ProcessBuilder(args).redirectErrorStream(true);
        launch.environment().putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        Process app = launch.start();
        try {
            String api = awaitApi(app, log);
            awaitReady(api);
            Set<String> measured = new HashSet<>();
            stories.forEach(s -> measured.add(s.id()));
            AtomicLong offeredAll = new AtomicLong();
            CompletableFuture<double[]> latencies = CompletableFuture.supplyAsync(() -> consume(prefix + TopicNames.PAIRS, measured, offeredAll));
            List<RawStory> offered = new ArrayList<>(warmUp);
            offered.addAll(stories);
            producePaced(prefix + TopicNames.RAW, offered, rate);
            offeredAll.set(System.nanoTime());
            double[] ms = latencies.get();
            if (ms.length == 0) {
                throw new IllegalStateException("no measured story reached " + prefix + TopicNames.PAIRS + " (" + guarantee
                        + (app.isAlive() ? "; the app is running" : "; the app exited with " + app.exitValue()) + "); its output: " + log);
            }
            delivered = true;
            Arrays.sort(ms);
            long[] memory = memory(api);
            return new Result(guarantee, rate, ms.length, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1], memory[0], memory[1]);
        } finally {
            app.destroy();
            if (!app.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
                app.waitFor();
            }
            TempDirs.deleteRecursively(stateDir);
            if (delivered) {
                Files.deleteIfExists(log); // kept only when it may say why no story arrived
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the app's API address in its output; from then on its output goes to {@code log}. */
    private static String awaitApi(Process app, Path log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = API.matcher(line);
            if (line.contains("query API") && m.find()) {
                Thread drain = new Thread(() -> drain(out, log), "bench-app-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the app exited before starting its API (exit " + app.waitFor() + ")");
    }

    /** Copies the app's output to {@code log} until it exits, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader out, Path log) {
        try (java.io.BufferedWriter to = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                to.write(line);
                to.newLine();
            }
        } catch (java.io.IOException closed) {
            // the app has exited, or the log cannot be written: the output is dropped either way
        }
    }

    private static void awaitReady(String api) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.send(HttpRequest.newBuilder(URI.create(api + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                return;
            }
            Thread.sleep(100); // poll interval between readiness checks
        }
        throw new IllegalStateException("the app did not become ready in 120 s");
    }

    private void producePaced(String topic, List<RawStory> stories, int rate) throws InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < stories.size(); i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the offered load
                }
                RawStory s = stories.get(i);
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, s.id().getBytes(StandardCharsets.UTF_8),
                        s.body().getBytes(StandardCharsets.UTF_8));
                r.headers().add(SENT_HEADER, ByteBuffer.allocate(8).putLong(System.currentTimeMillis()).array());
                producer.send(r);
            }
        }
    }

    /**
     * The latency of each measured story's first relation record. Stories without a pair write none, so it stops
     * when every measured story has arrived or, once all stories are offered ({@code offeredAll} set), when
     * nothing has arrived for 10 s.
     */
    private double[] consume(String topic, Set<String> measured, AtomicLong offeredAll) {
        int stories = measured.size();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> seen = new HashSet<>();
        List<Double> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long quietSince = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline && seen.size() < stories
                    && (offeredAll.get() == 0 || System.nanoTime() - Math.max(quietSince, offeredAll.get()) < 10_000_000_000L)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    Header sent = r.headers().lastHeader(SENT_HEADER);
                    String story = storyOf(r);
                    if (sent != null && measured.contains(story) && seen.add(story)) {
                        latencies.add((double) (now - ByteBuffer.wrap(sent.value()).getLong()));
                    }
                    quietSince = System.nanoTime();
                }
            }
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String storyOf(ConsumerRecord<byte[], byte[]> r) {
        String value = new String(r.value(), StandardCharsets.UTF_8);
        int i = value.indexOf("\"storyId\":\"");
        return i < 0 ? "" : value.substring(i + 11, value.indexOf('"', i + 11));
    }

    private static long[] memory(String api) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new long[] {metric(metrics, "jvm_memory_heap_peak_bytes"), metric(metrics, "process_resident_memory_peak_bytes")};
    }

    private static long metric(String text, String name) {
        Matcher m = Pattern.compile("^" + name + " ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
