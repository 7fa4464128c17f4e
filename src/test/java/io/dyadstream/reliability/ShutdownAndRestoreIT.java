package io.dyadstream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.app.EmbeddedKafkaBroker;
import io.dyadstream.serde.Json;
import io.dyadstream.topology.TopicNames;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One app, in its own JVM, under at_least_once (where a restart that reprocessed anything would show as
 * duplicates), stopped and started three times on a real broker: SIGTERM closes it within its 30 s
 * timeout and it leaves the consumer group; a restart resumes where it stopped; a restart with its
 * state directory deleted restores the stores from their changelogs and the query API answers as before.
 * The tests run in order and build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShutdownAndRestoreIT {

    private static final String APP = "dyadstream-restart";
    private static final TopicNames TOPICS = Cluster.topics("restart.");

    private EmbeddedKafkaBroker broker;
    private Cluster cluster;
    private Path stateDir;
    private final List<Generator.Rec> sent = new ArrayList<>();
    private AppProcess app;
    private final Map<String, String> answers = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        cluster = new Cluster(broker.bootstrapServers());
        cluster.createTopics(TOPICS, Map.of());
        stateDir = Figures.freshStateDir(APP);
    }

    @AfterAll
    void stop() {
        AppProcess.killAll();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void sigtermClosesWithinTheTimeoutAndLeavesTheGroup() throws Exception {
        app = startApp("restart-1");
        feed(Generator.stories(300, 31, "a-"));
        double seconds = app.terminate(Duration.ofSeconds(45));
        assertTrue(seconds >= 0 && seconds < 30, "the app exits within its 30 s close timeout: " + seconds + " s");
        assertTrue(app.log().contains("stopped in"), "the app logs its clean stop:\n" + app.tail(20));
        // the group's session timeout is 45 s: an empty group right after the exit means the member left
        long t0 = System.nanoTime();
        Cluster.await("the app's member to leave the group", Duration.ofSeconds(10), () -> members() == 0);
        double left = (System.nanoTime() - t0) / 1e9;
        assertTrue(cluster.caughtUp(APP, TOPICS), "every offset was committed on the way out (under at_least_once)");
        Figures.record(String.format("SIGTERM: the app (at_least_once, 300 stories) exited in %.1f s (close timeout 30 s), group empty "
                + "%.1f s later (session timeout 45 s), offsets committed to the end", seconds, left));
    }

    @Test
    @Order(2)
    void aRestartAfterSigtermResumesWithoutReprocessing() throws Exception {
        app = startApp("restart-2");
        feed(Generator.stories(100, 32, "b-"));
        assertEquals(Map.of(), duplicates(), "no output twice after a clean stop and a restart, under at_least_once");
        assertTrue(app.terminate(Duration.ofSeconds(45)) >= 0);
        assertTrue(cluster.caughtUp(APP, TOPICS), "every offset committed on the way out");
        Figures.record(String.format("SIGTERM then restart: %d stories in all, each once on stories.enriched and relations.by-pair "
                + "under at_least_once (no reprocessing)", sent.size()));
    }

    @Test
    @Order(3)
    void lostLocalStateIsRestoredFromTheChangelogsAndTheApiAnswersAsBefore() throws Exception {
        // everything is processed and committed: what the API answers now is final
        app = startApp("restart-3");
        List<String> busiest = Cluster.counts(keyList(cluster.readAll(TOPICS.pairs()))).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4).map(Map.Entry::getKey).toList();
        for (String pair : busiest) {
            answers.put("/api/pairs/" + pair, answer("/api/pairs/" + pair));
            answers.put("/api/pairs/" + pair + "/stories?limit=100", answer("/api/pairs/" + pair + "/stories?limit=100"));
        }
        answers.put("/api/pairs", answer("/api/pairs"));
        String someStory = sent.stream().filter(r -> r.kind() == Generator.Kind.STORY).map(Generator.Rec::id).findFirst().orElseThrow();
        answers.put("/api/stories/" + someStory, answer("/api/stories/" + someStory));
        assertTrue(app.terminate(Duration.ofSeconds(45)) >= 0);

        long files;
        try (var walk = Files.walk(stateDir)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        Figures.deleteRecursively(stateDir);
        long t0 = System.nanoTime();
        app = startApp("restart-4");
        double restored = (System.nanoTime() - t0) / 1e9;
        for (Map.Entry<String, String> e : answers.entrySet()) {
            assertEquals(Json.MAPPER.readTree(e.getValue()), Json.MAPPER.readTree(app.get(e.getKey()).body()),
                    e.getKey() + " answers as before the state was lost");
        }
        assertEquals(Map.of(), duplicates(), "restoring the state reprocessed nothing");
        assertTrue(app.terminate(Duration.ofSeconds(45)) >= 0);
        Figures.record(String.format("state lost: %d files of local state deleted; the app restored its stores from the changelogs and "
                + "was RUNNING %.1f s after start; %d API answers identical to those before", files, restored, answers.size()));
    }

    private AppProcess startApp(String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(), "--set", "application.id=" + APP,
                "--set", "state.dir=" + stateDir, "--set", "processing.guarantee=at_least_once"));
        args.addAll(Cluster.topicArgs(TOPICS));
        return AppProcess.start(name, "384m", args).awaitReady(Duration.ofSeconds(120));
    }

    /** Sends the stories and waits until each good one is enriched and each bad one dead-lettered. */
    private void feed(List<Generator.Rec> records) throws Exception {
        cluster.produce(TOPICS.raw(), records);
        sent.addAll(records);
        Set<String> ids = sent.stream().filter(r -> r.kind() != Generator.Kind.BAD).map(Generator.Rec::id).collect(Collectors.toSet());
        long bad = sent.stream().filter(r -> r.kind() == Generator.Kind.BAD).count();
        Cluster.await("every story enriched and every bad record dead-lettered", Duration.ofMinutes(2),
                () -> keys(cluster.readAll(TOPICS.enriched())).containsAll(ids) && cluster.readAll(TOPICS.dlq()).size() >= bad);
    }

    /** Outputs present more than once: story ids on stories.enriched, story and pair on relations.by-pair, DLQ values. */
    private Map<String, Long> duplicates() throws Exception {
        List<String> all = new ArrayList<>();
        cluster.readAll(TOPICS.enriched()).forEach(r -> all.add("enriched " + key(r)));
        for (ConsumerRecord<byte[], byte[]> r : cluster.readAll(TOPICS.pairs())) {
            JsonNode j = Json.MAPPER.readTree(r.value());
            all.add("relation " + j.get("storyId").asText() + " " + j.get("pair").asText());
        }
        cluster.readAll(TOPICS.dlq()).forEach(r -> all.add("dlq " + new String(r.value(), StandardCharsets.UTF_8)));
        return Cluster.counts(all).entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private String answer(String path) throws Exception {
        HttpResponse<String> r = app.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private int members() {
        try {
            return cluster.groupMembers(APP);
        } catch (Exception e) {
            return -1;
        }
    }

    private static Set<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return new TreeSet<>(keyList(records));
    }

    private static List<String> keyList(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(ShutdownAndRestoreIT::key).toList();
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "(null)" : new String(r.key(), StandardCharsets.UTF_8);
    }
}
