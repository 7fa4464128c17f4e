package io.dyadstream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadstream.app.EmbeddedKafkaBroker;
import io.dyadstream.serde.Json;
import io.dyadstream.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The app in its own JVM, killed with SIGKILL at five random moments while stories are fed and
 * restarted each time, on a real broker. Afterwards a read_committed consumer must find, under
 * exactly_once_v2: one record per good story on stories.enriched, on relations.by-pair exactly the
 * relations the offline {@code enrich} command computes for the same input, exactly the bad records on
 * the DLQ, and the same daily aggregates (latest value per pair and day) as a run without crashes. Under
 * at_least_once nothing may be lost; the duplicates are counted and reported.
 *
 * <p>{@code -Ddyadstream.reliability.stories=N} sets the number of stories (default 2,000; the Maven
 * profile {@code full-reliability} runs 20,000). The app runs as a static group member
 * ({@code group.instance.id}), as a restarted pod or service would: the restarted app takes over its
 * partitions at once instead of waiting {@code session.timeout.ms} (45 s) for the killed member to be
 * dropped.
 *
 * <p>To keep CI time down, the crash-free run, the exactly_once_v2 run and the at_least_once run go side
 * by side on one broker, each on its own topics and application id; the recovery times reported include
 * the load of the other runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int STORIES = Integer.getInteger("dyadstream.reliability.stories", 2000);
    private static final int KILLS = 5;
    private static final long SEED = Long.getLong("dyadstream.reliability.seed", 20240301L);

    private EmbeddedKafkaBroker broker;
    private Cluster cluster;
    private List<Generator.Rec> records;
    /** From the offline enrich command: story id -> pair -> tags, and the ids of the good stories. */
    private final Map<String, Map<String, JsonNode>> offlinePairs = new TreeMap<>();
    private final Set<String> goodIds = new TreeSet<>();
    private final List<String> badValues = new ArrayList<>();
    private Map<String, JsonNode> baselineDaily;
    private final Map<String, java.util.concurrent.Future<Outcome>> runs = new HashMap<>();
    /** Done when the offline results are read: the runs compare their relations' tags with them. */
    private final java.util.concurrent.CompletableFuture<Void> offlineRead = new java.util.concurrent.CompletableFuture<>();

    /**
     * Starts the offline enrich command and three runs side by side, each on its own topics and
     * application id: without crashes (the reference for the daily aggregates), with five kills under
     * exactly_once_v2, and with five kills under at_least_once. The tests check their outcomes.
     */
    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        cluster = new Cluster(broker.bootstrapServers());
        records = Generator.stories(STORIES, SEED, "s-");
        for (Generator.Rec r : records) {
            if (r.kind() == Generator.Kind.BAD) {
                badValues.add(r.text());
            } else {
                goodIds.add(r.id());
            }
        }
        AppProcess offline = startOfflineEnrich();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        runs.put("baseline", pool.submit(() -> run("baseline", "exactly_once_v2", 0)));
        runs.put("eos", pool.submit(() -> run("eos", "exactly_once_v2", KILLS)));
        runs.put("alos", pool.submit(() -> run("alos", "at_least_once", KILLS)));
        pool.shutdown();
        try {
            readOfflineEnrich(offline);
            offlineRead.complete(null);
        } catch (Throwable e) {
            offlineRead.completeExceptionally(e);
            throw e;
        }
        Outcome baseline = outcome("baseline");
        baselineDaily = baseline.daily;
        assertEquals(expectedRelations(), baseline.relations.stream().sorted().toList(), "the crash-free run computes the offline relations");
    }

    private Outcome outcome(String run) throws Exception {
        try {
            return runs.get(run).get(10 + STORIES / 1000, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @AfterAll
    void stop() {
        runs.values().forEach(run -> run.cancel(true));
        AppProcess.killAll();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void exactlyOnceSurvivesFiveKillsWithNothingLostOrDuplicated() throws Exception {
        Outcome run = outcome("eos");

        Map<String, Long> enrichedIds = Cluster.counts(run.enrichedIds);
        assertEquals(goodIds, enrichedIds.keySet(), "every good story, and only those, on stories.enriched");
        assertEquals(Map.of(), duplicates(enrichedIds), "one record per story on stories.enriched");

        assertEquals(expectedRelations(), run.relations.stream().sorted().toList(),
                "relations.by-pair holds exactly the offline relations, once each");
        assertEquals(List.of(), run.relationProblems, "each relation keyed by its pair, with the tags computed offline");

        assertEquals(badValues.stream().sorted().toList(), run.dead.stream().sorted().toList(),
                "the DLQ holds exactly the bad records, once each");

        Set<String> missingDays = new TreeSet<>(baselineDaily.keySet());
        missingDays.removeAll(run.daily.keySet());
        Set<String> extraDays = new TreeSet<>(run.daily.keySet());
        extraDays.removeAll(baselineDaily.keySet());
        assertEquals("", missingDays.isEmpty() && extraDays.isEmpty() ? "" : "missing " + missingDays + ", extra " + extraDays,
                "the same pairs and days as without crashes");
        List<String> differing = baselineDaily.keySet().stream().filter(k -> !baselineDaily.get(k).equals(run.daily.get(k))).toList();
        assertEquals(List.of(), differing.stream().limit(5).map(k -> k + ": " + run.daily.get(k) + " vs " + baselineDaily.get(k)).toList(),
                "daily aggregates equal those of the run without crashes");

        Figures.record(String.format("crash exactly_once_v2: %d records (%d good stories, %d bad), %d SIGKILLs survived, lost 0, "
                + "duplicated 0 (enriched %d, relations %d, DLQ %d, %d pair-days equal to the crash-free run); restart to RUNNING %s s; "
                + "run %.0f s", records.size(), goodIds.size(), badValues.size(), run.kills, run.enrichedIds.size(), run.relations.size(),
                run.dead.size(), run.daily.size(), run.recoveries, run.seconds));
    }

    @Test
    @Order(2)
    void atLeastOnceSurvivesFiveKillsWithNothingLostAndCountsDuplicates() throws Exception {
        Outcome run = outcome("alos");

        Map<String, Long> enrichedIds = Cluster.counts(run.enrichedIds);
        assertEquals(goodIds, enrichedIds.keySet(), "no story lost on stories.enriched");
        Map<String, Long> relations = Cluster.counts(run.relations);
        assertEquals(new TreeSet<>(expectedRelations()), relations.keySet(), "no relation lost on relations.by-pair");
        Map<String, Long> dead = Cluster.counts(run.dead);
        assertEquals(new TreeSet<>(badValues), dead.keySet(), "no bad record lost from the DLQ");

        long dupEnriched = run.enrichedIds.size() - enrichedIds.size();
        long dupPairs = run.relations.size() - relations.size();
        long dupDead = run.dead.size() - dead.size();
        long selfMarked = run.selfMarked;
        long differing = baselineDaily.keySet().stream().filter(k -> !baselineDaily.get(k).equals(run.daily.get(k))).count();
        Figures.record(String.format("crash at_least_once: %d records, %d SIGKILLs survived, lost 0; duplicates: %d on stories.enriched "
                + "(%d of them marked duplicateOf themselves), %d on relations.by-pair, %d on the DLQ; %d of %d pair-days differ from the "
                + "crash-free run; restart to RUNNING %s s; run %.0f s", records.size(), run.kills, dupEnriched, selfMarked, dupPairs,
                dupDead, differing, baselineDaily.size(), run.recoveries, run.seconds));
    }

    /**
     * What a run left on the output topics, read_committed, after the app consumed everything and stopped:
     * the story ids on stories.enriched (and how many say they are a copy of themselves), "id pair" of each
     * relation (and any relation not keyed by its pair or with other tags than offline), the DLQ's values,
     * the latest daily aggregates.
     */
    private record Outcome(List<String> enrichedIds, long selfMarked, List<String> relations, List<String> relationProblems,
            List<String> dead, Map<String, JsonNode> daily, int kills, List<String> recoveries, double seconds) {}

    /**
     * Feeds every record to fresh topics at a steady pace while the app runs; {@code kills} times, at a
     * random point of the feed and after the running app has processed a random number of records, kills
     * it with SIGKILL and starts it again on the same state directory. Then waits until the app has
     * consumed everything, stops it with SIGTERM and reads the outputs.
     */
    private Outcome run(String name, String guarantee, int kills) throws Exception {
        TopicNames topics = Cluster.topics(name + ".");
        cluster.createTopics(topics, Map.of());
        String appId = "dyadstream-" + name;
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(), "--set", "application.id=" + appId,
                "--set", "state.dir=" + Figures.freshStateDir(appId), "--set", "processing.guarantee=" + guarantee,
                "--set", "group.instance.id=" + appId + "-1"));
        args.addAll(Cluster.topicArgs(topics));
        Random random = new Random(SEED + name.hashCode());
        long t0 = System.nanoTime();
        int incarnation = 1;
        AppProcess app = AppProcess.start(name + "-" + incarnation, "384m", args).awaitReady(Duration.ofSeconds(120));

        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> feedError = new AtomicReference<>();
        Thread feeder = new Thread(() -> feed(topics.raw(), kills == 0 ? Integer.MAX_VALUE : Math.max(100, records.size() / 60), sent,
                feedError), "feeder-" + name);
        feeder.start();

        List<String> recoveries = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            points.add((int) (records.size() * (0.05 + 0.9 * random.nextDouble())));
        }
        points.sort(Integer::compare);
        for (int point : points) {
            int afterRecords = 1 + random.nextInt(150);
            AppProcess current = app;
            Cluster.await("feed point " + point + " and " + afterRecords + " records processed by the app", Duration.ofMinutes(3),
                    () -> sent.get() >= point && (processedSinceStart(current) >= afterRecords || (!feeder.isAlive() && caughtUp(appId, topics))));
            app.kill();
            long killed = System.nanoTime();
            app = AppProcess.start(name + "-" + (++incarnation), "384m", args).awaitReady(Duration.ofSeconds(180 + STORIES / 100));
            recoveries.add(String.format("%.1f", (System.nanoTime() - killed) / 1e9));
        }
        feeder.join(Duration.ofMinutes(5).toMillis());
        if (feedError.get() != null) {
            throw new AssertionError("feeding failed", feedError.get());
        }
        AppProcess last = app;
        Cluster.await("the app to consume everything", Duration.ofMinutes(4 + STORIES / 5000), () -> {
            if (!last.isAlive()) {
                throw new AssertionError("the app stopped; log " + last.logFile() + ":\n" + last.tail(40));
            }
            return caughtUp(appId, topics);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double closeSeconds = app.terminate(Duration.ofSeconds(45));
        assertTrue(closeSeconds >= 0 && closeSeconds < 35, "the app closes within its 30 s timeout on SIGTERM: " + closeSeconds);

        List<String> enrichedIds = new ArrayList<>();
        long selfMarked = 0;
        for (ConsumerRecord<byte[], byte[]> r : cluster.readAll(topics.enriched())) {
            JsonNode story = readTree(r.value());
            enrichedIds.add(key(r));
            selfMarked += story.path("duplicateOf").asText("").equals(story.path("id").asText()) ? 1 : 0;
        }
        List<String> relations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        offlineRead.get();
        for (ConsumerRecord<byte[], byte[]> r : cluster.readAll(topics.pairs())) {
            JsonNode relation = readTree(r.value());
            String id = relation.get("storyId").asText();
            String pair = relation.get("pair").asText();
            relations.add(id + " " + pair);
            if (!key(r).equals(pair) || !relation.get("tags").equals(offlinePairs.getOrDefault(id, Map.of()).get(pair))) {
                problems.add(id + " " + pair + " under key " + key(r) + " with tags " + relation.get("tags"));
            }
        }
        List<String> dead = cluster.readAll(topics.dlq()).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        return new Outcome(enrichedIds, selfMarked, relations, problems, dead, latestDaily(cluster.readAll(topics.daily())), kills,
                recoveries, seconds);
    }

    /** Sends the records in order, {@code perSecond} at a time each second (everything at once if MAX_VALUE). */
    private void feed(String topic, int perSecond, AtomicInteger sent, AtomicReference<Throwable> error) {
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(Map.of())) {
            long start = System.nanoTime();
            for (Generator.Rec r : records) {
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (m, e) -> {
                    if (e != null) {
                        error.compareAndSet(null, e);
                    }
                });
                int n = sent.incrementAndGet();
                if (perSecond != Integer.MAX_VALUE && n % 10 == 0) {
                    producer.flush();
                    long due = start + (long) (n * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the feed's pace, not a wait for state
                    }
                }
            }
            producer.flush();
        } catch (Throwable e) {
            error.compareAndSet(null, e);
        }
    }

    private static long processedSinceStart(AppProcess app) {
        try {
            for (String line : app.get("/metrics").body().split("\n")) {
                if (line.startsWith("dyadstream_stories_in_total ")) {
                    return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
                }
            }
        } catch (Exception e) {
            // not answering yet
        }
        return 0;
    }

    private boolean caughtUp(String appId, TopicNames topics) {
        try {
            return cluster.caughtUp(appId, topics);
        } catch (Exception e) {
            return false;
        }
    }

    private static final Path OFFLINE_OUT = AppProcess.LOG_DIR.resolve("crash-offline.jsonl");

    /** Starts {@code dyadstream enrich} on the same input (plain text stories as {"text": ...} lines). */
    private AppProcess startOfflineEnrich() throws Exception {
        Path in = Files.createDirectories(AppProcess.LOG_DIR).resolve("crash-input.jsonl");
        List<String> lines = new ArrayList<>();
        for (Generator.Rec r : records) {
            lines.add(r.text().startsWith("{") ? r.text() : Json.MAPPER.writeValueAsString(Map.of("text", r.text())));
        }
        Files.write(in, lines, StandardCharsets.UTF_8);
        return AppProcess.launch("crash-offline-enrich", "512m", List.of("enrich", "--input", in.toString(), "--output",
                OFFLINE_OUT.toString()));
    }

    /** The offline run's stories: their pairs and tags; every bad record must be an error line. */
    private void readOfflineEnrich(AppProcess enrich) throws Exception {
        assertEquals(0, enrich.awaitExit(Duration.ofMinutes(5)), "offline enrich: " + enrich.tail(20));
        int errors = 0;
        Set<String> copyIds = records.stream().filter(r -> r.kind() == Generator.Kind.COPY).map(Generator.Rec::id)
                .collect(Collectors.toSet());
        Map<String, List<long[]>> byFirstPair = new HashMap<>();
        List<String> lookalikes = new ArrayList<>();
        for (String line : Files.readAllLines(OFFLINE_OUT, StandardCharsets.UTF_8)) {
            JsonNode story = Json.MAPPER.readTree(line);
            if (story.has("error")) {
                errors++;
                continue;
            }
            Map<String, JsonNode> pairs = new TreeMap<>();
            story.path("pairs").forEach(p -> pairs.put(p.get("pair").asText(), p.get("tags")));
            String id = story.get("id").asText();
            offlinePairs.put(id, pairs);
            if (!pairs.isEmpty() && !copyIds.contains(id)) {
                long[] signature = io.dyadstream.pairs.StoryFingerprint.of(story.get("text").asText());
                List<long[]> same = byFirstPair.computeIfAbsent(story.at("/pairs/0/pair").asText(), k -> new ArrayList<>());
                if (same.stream().anyMatch(other -> io.dyadstream.pairs.StoryFingerprint.similarity(signature, other) >= 0.5)) {
                    lookalikes.add(id);
                }
                same.add(signature);
            }
        }
        // two different stories that look like copies would make the result depend on arrival order
        assertEquals(List.of(), lookalikes, "the generated stories (seed " + SEED + ") hold no accidental near-copies");
        assertEquals(goodIds, offlinePairs.keySet(), "the offline run knows every good story");
        assertEquals(badValues.size(), errors, "the offline run refuses every bad record");
    }

    private List<String> expectedRelations() {
        List<String> keys = new ArrayList<>();
        offlinePairs.forEach((id, pairs) -> pairs.keySet().forEach(pair -> keys.add(id + " " + pair)));
        return keys.stream().sorted().toList();
    }

    /**
     * The latest value per pair and day on relations.pair-daily, in a form that does not depend on the
     * order in which a pair's relations arrived from different tasks: sources as a set, the latest story
     * ids as a set while the day has no more stories than the list holds (only their number otherwise),
     * and the mean score rounded to 9 decimals (its floating-point sum depends on the order).
     */
    private static Map<String, JsonNode> latestDaily(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, JsonNode> latest = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) { // in offset order within each pair's partition
            ObjectNode day = (ObjectNode) readTree(r.value());
            day.set("sources", sortedArray(day.path("sources")));
            if (day.path("stories").asInt() <= io.dyadstream.pairs.PairDays.LATEST) {
                day.set("latestStories", sortedArray(day.path("latestStories")));
            } else {
                day.put("latestStories", day.path("latestStories").size());
            }
            day.put("score", Math.round(day.path("score").asDouble() * 1e9) / 1e9);
            latest.put(day.get("pair").asText() + " " + day.get("day").asText(), day);
        }
        return latest;
    }

    private static ArrayNode sortedArray(JsonNode array) {
        ArrayNode sorted = Json.MAPPER.createArrayNode();
        new TreeSet<String>(java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList())
                .forEach(sorted::add);
        return sorted;
    }

    private static Map<String, Long> duplicates(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "(null)" : new String(r.key(), StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
