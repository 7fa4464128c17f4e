package io.dyadstream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.app.EmbeddedKafkaBroker;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.InvalidStoryException;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * More than 1,000 hostile records through the real topology on a real broker, the app in its own JVM
 * with a 512 MB heap. What each record should become is asked of the enricher offline (the same code);
 * the app must do the same: every record enriched or on the DLQ with the parser's reason, records in =
 * enriched + dead-lettered, the app still running and still processing afterwards, the heap bounded.
 * The topics are those of topics.yaml (the broker takes batches up to 1 MB), and the test's producer
 * compresses (lz4) and may send records up to 16 MiB, as any feed producer may: a 10 MB story that
 * compresses well passes the broker's limit and reaches the app; one that does not is refused at
 * produce time, which is the feed producer's error, not the app's (counted apart).
 */
class HostileInputIT {

    private static final int PRODUCER_MAX_BYTES = 16 << 20;

    private static EmbeddedKafkaBroker broker;
    private static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        cluster = new Cluster(broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        AppProcess.killAll();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyHostileRecordIsEnrichedOrDeadLetteredWithAReasonAndTheAppKeepsRunning() throws Exception {
        List<Hostile.Rec> records = Hostile.records(6);
        assertTrue(records.size() >= 1000, "at least 1,000 hostile records: " + records.size());
        Run run = runThrough("hostile", records);
        assertEquals(List.of(), run.wrong, "every record became what the enricher makes of it offline, with its reason and bytes");
        Figures.record(run.summary);
        assertTrue(run.peakHeapMb < 512, run.summary);
    }

    /**
     * Records past the pipeline's limits: a story over the 1 MiB limit that reaches the app (a compressed
     * 10 MB story passes topics.yaml's 1 MB limit) is dead-lettered with its head and a note of its size,
     * not with bytes the producer would refuse; an enriched story larger than the producer's limit is
     * dead-lettered before it is written; JSON nested deeper than 1,000 levels gets a reason, not a
     * NullPointerException.
     */
    @Test
    void recordsBeyondTheLimitsAreDeadLetteredAsTooLargeAndTheAppKeepsRunning() throws Exception {
        Run run = runThrough("beyond-limits", Hostile.beyondLimits(7));
        assertEquals(List.of(), run.wrong, "every record past a limit is dead-lettered with a reason");
        Figures.record(run.summary);
        assertTrue(run.peakHeapMb < 512, run.summary);
    }

    /** What one batch of hostile records did on the broker: mismatches with the offline outcome, the figures. */
    private record Run(List<String> wrong, String summary, int peakHeapMb) {}

    /**
     * Sends the records (and a plain story after them) to a fresh set of topics.yaml's topics, with the app in its own
     * JVM at -Xmx512m, waits until it has consumed everything, and compares each record's fate with what
     * the enricher does offline: an enriched story with the same id, or a dead letter with the parser's
     * reason, the exception class and the original bytes (a story over the size limit may be cut, but
     * must say how large it was). An enriched story too large for the producer must be dead-lettered.
     */
    private Run runThrough(String name, List<Hostile.Rec> records) throws Exception {
        TopicNames topics = Cluster.topics(name + ".");
        cluster.createTopics(topics, Map.of());
        Enricher enricher = new Enricher(Lexicons.loadDefault(), 1 << 20);
        List<String> expected = new ArrayList<>();
        for (Hostile.Rec r : records) {
            try {
                io.dyadstream.model.EnrichedStory story = enricher.enrich(r.key(), r.value());
                int size = io.dyadstream.serde.Json.MAPPER.writeValueAsBytes(story).length;
                expected.add(size < 1 << 20 ? "id:" + story.id() : "dlq-output-too-large:" + size);
            } catch (InvalidStoryException e) {
                expected.add("dlq:" + e.getMessage());
            } catch (RuntimeException e) {
                expected.add("dlq-unexpected:" + e);
            }
        }

        String appId = "dyadstream-" + name;
        AppProcess app = AppProcess.start(name, "512m", args(appId, topics)).awaitReady(Duration.ofSeconds(90));
        long t0 = System.nanoTime();
        Map<String, Integer> acked = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        Map<String, Integer> indexByOffset = new HashMap<>(); // "partition@offset" -> index in records
        List<String> expectedIds = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, PRODUCER_MAX_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Hostile.Rec r : records) {
                sent.add(producer.send(new ProducerRecord<>(topics.raw(), r.key(), r.value())));
            }
            for (int i = 0; i < records.size(); i++) {
                String category = records.get(i).category();
                try {
                    RecordMetadata m = sent.get(i).get();
                    acked.merge(category, 1, Integer::sum);
                    indexByOffset.put(m.partition() + "@" + m.offset(), i);
                    if (expected.get(i).startsWith("id:")) {
                        expectedIds.add(expected.get(i).substring(3));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    rejected.merge(category, e.getCause().getClass().getSimpleName(), (a, b) -> a + ", " + b);
                }
            }
            // a plain story after the hostile ones: the app must still process it
            producer.send(new ProducerRecord<>(topics.raw(), "canary".getBytes(StandardCharsets.UTF_8), ("{\"id\": \"canary\", \"body\": "
                    + "\"Kenya and Tanzania agreed to open two new border crossings.\"}").getBytes(StandardCharsets.UTF_8))).get();
            expectedIds.add("canary");
        }
        int in = acked.values().stream().mapToInt(Integer::intValue).sum() + 1;

        Cluster.await("the app to consume every hostile record", Duration.ofMinutes(3), () -> {
            if (!app.isAlive()) {
                throw new AssertionError("the app stopped; log " + app.logFile() + ":\n" + app.tail(60));
            }
            try {
                return cluster.caughtUp(appId, topics);
            } catch (Exception e) {
                return false;
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(app.isAlive(), "the app is still running");
        assertEquals(200, app.get("/health").statusCode(), "the app is healthy after the hostile input");

        List<ConsumerRecord<byte[], byte[]>> enriched = cluster.readAll(topics.enriched());
        List<ConsumerRecord<byte[], byte[]>> dead = cluster.readAll(topics.dlq());
        List<String> wrong = new ArrayList<>();
        if (in != enriched.size() + dead.size()) {
            wrong.add("records in " + in + " != enriched " + enriched.size() + " + dead-lettered " + dead.size());
        }
        List<String> gotIds = enriched.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).sorted().toList();
        if (!expectedIds.stream().sorted().toList().equals(gotIds)) {
            List<String> missing = new ArrayList<>(expectedIds);
            gotIds.forEach(missing::remove);
            List<String> extra = new ArrayList<>(gotIds);
            expectedIds.forEach(extra::remove);
            wrong.add("enriched ids differ from the offline run: missing " + missing + ", extra " + extra);
        }
        for (ConsumerRecord<byte[], byte[]> d : dead) {
            String where = header(d, "__streams.errors.partition") + "@" + header(d, "__streams.errors.offset");
            Integer index = indexByOffset.get(where);
            String reason = header(d, "__streams.errors.message");
            String exception = header(d, "__streams.errors.exception");
            if (index == null) {
                wrong.add(where + ": a dead letter for no record sent: " + exception + ": " + reason);
                continue;
            }
            Hostile.Rec original = records.get(index);
            String want = expected.get(index);
            boolean tooLarge = want.startsWith("dlq:story too large") || want.startsWith("dlq-output-too-large:");
            boolean reasonOk = want.startsWith("dlq-output-too-large:") ? reason.contains("bytes") && reason.contains("max.request.size")
                    : want.equals("dlq:" + reason) && exception.equals(InvalidStoryException.class.getName());
            boolean bytesOk = java.util.Arrays.equals(original.value(), d.value()) || (tooLarge && d.value() != null
                    && isPrefix(d.value(), original.value()));
            if (!reasonOk || !bytesOk || reason.isBlank()) {
                wrong.add(where + " (" + original.category() + "): got " + exception + ": " + clip(reason) + (bytesOk ? "" : " (bytes differ)")
                        + "; expected " + clip(want));
            }
        }
        int peakMb = peakHeapAfterGcMb(app);
        String summary = String.format("%s: %d records tried (%d acked, by category %s; refused by the broker at produce time: %s), "
                + "%d enriched, %d dead-lettered, lost 0, app alive, peak heap after GC %d MB of 512 MB, %.1f s", name, records.size(),
                in - 1, acked, rejected, enriched.size(), dead.size(), peakMb, seconds);
        app.terminate(Duration.ofSeconds(40));
        return new Run(wrong, summary, peakMb);
    }

    private static boolean isPrefix(byte[] prefix, byte[] of) {
        return prefix.length <= of.length && java.util.Arrays.equals(prefix, 0, prefix.length, of, 0, prefix.length);
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static List<String> args(String appId, TopicNames topics) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(), "--set", "application.id=" + appId,
                "--set", "state.dir=" + Figures.freshStateDir(appId)));
        args.addAll(Cluster.topicArgs(topics));
        return args;
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The largest heap occupancy after a collection, from the app's GC log (-Xlog:gc). */
    static int peakHeapAfterGcMb(AppProcess app) throws Exception {
        java.nio.file.Path gc = java.nio.file.Path.of(app.logFile() + ".gc");
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(java.nio.file.Files.readString(gc));
        int peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Integer.parseInt(m.group(1)));
        }
        return peak;
    }
}
