package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.serde.Json;
import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topology.DyadTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances on one real broker: any instance answers any query, from its own store or from
 * the instance that owns the key. Waits on the apps' state and on the API's answers, never on sleeps.
 */
class QueryIT {

    private static final Map<String, String> STORIES = Map.of(
            "BLR-KAZ", "Belarus and Kazakhstan signed an agreement on the joint assembly of tractors.",
            "JPN-VNM", "Japan and Vietnam held talks on a new rail line in Hanoi.",
            "ARG-BRA", "Argentina and Brazil signed a memorandum on gas supplies.",
            "KEN-TZA", "Kenya and Tanzania agreed to open two new border crossings.",
            "IND-PAK", "Pakistan accused India of violating the ceasefire along the Line of Control.",
            "CHL-PER", "Chile and Peru signed a treaty on fisheries cooperation.",
            "EGY-ETH", "Egypt and Ethiopia held talks on the dam in Addis Ababa.",
            "FRA-MAR", "France and Morocco signed agreements on rail and energy projects.");

    private static EmbeddedKafkaBroker broker;
    private static final List<Instance> INSTANCES = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        Properties base = new Properties();
        base.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(AppConfig.clientProperties(base))) {
            new TopicReconciler(admin).apply(TopicsCommand.specs(Path.of("topics.yaml"), base), false);
        }
        Enricher enricher = Enricher.withDefaults();
        for (int i = 0; i < 2; i++) {
            Properties p = new Properties();
            p.putAll(base);
            p.put("application.id", "dyadstream-query-it");
            p.put("state.dir", stateDir.resolve("instance-" + i).toString());
            p.put(Instance.HTTP_PORT, "0");
            Instance instance = new Instance(p, enricher);
            instance.start();
            INSTANCES.add(instance);
        }
        for (Instance instance : INSTANCES) {
            assertTrue(instance.awaitRunning(Duration.ofSeconds(90)), "instance did not reach RUNNING: " + instance.state());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            int n = 0;
            for (var e : STORIES.entrySet()) {
                String id = "q-" + (++n);
                String envelope = Json.MAPPER.writeValueAsString(Map.of("id", id, "headline", e.getKey(), "body", e.getValue(),
                        "source", "Test Wire", "published", "2021-05-0" + (n % 3 + 1)));
                producer.send(new ProducerRecord<>("stories.raw", id, envelope)).get();
            }
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Instance::close);
        broker.close();
    }

    @Test
    void anyInstanceAnswersAnyQuery() throws Exception {
        // wait until the pair list, gathered from both instances, holds every pair
        JsonNode list = awaitJson(INSTANCES.get(0), "/api/pairs?from=2021-05-01&to=2021-05-31",
                json -> json.path("pairs").size() == STORIES.size(), Duration.ofSeconds(90));
        Set<String> listed = new TreeSet<>();
        list.path("pairs").forEach(p -> listed.add(p.get("pair").asText()));
        assertEquals(new TreeSet<>(STORIES.keySet()), listed);
        assertEquals(listed, pairsOf(get(INSTANCES.get(1), "/api/pairs?from=2021-05-01&to=2021-05-31").body()));
        assertEquals(Set.of("BLR-KAZ"), pairsOf(get(INSTANCES.get(1), "/api/pairs?country=BLR").body()));

        int ownedByOther = 0;
        for (String pair : STORIES.keySet()) {
            KeyQueryMetadata meta = INSTANCES.get(0).streams().queryMetadataForKey(DyadTopology.PAIR_DAILY, pair, Serdes.String().serializer());
            if (!meta.activeHost().equals(org.apache.kafka.streams.state.HostInfo.buildFromEndpoint(INSTANCES.get(0).apiAddress().substring(7)))) {
                ownedByOther++;
            }
            JsonNode fromFirst = awaitJson(INSTANCES.get(0), "/api/pairs/" + pair, json -> json.path("days").size() == 1, Duration.ofSeconds(30));
            JsonNode fromSecond = Json.MAPPER.readTree(get(INSTANCES.get(1), "/api/pairs/" + pair).body());
            assertEquals(fromFirst, fromSecond, pair);
            assertEquals(1, fromFirst.at("/days/0/stories").asInt(), fromFirst.toString());

            JsonNode stories = awaitJson(INSTANCES.get(1), "/api/pairs/" + pair + "/stories", json -> json.path("stories").size() == 1,
                    Duration.ofSeconds(30));
            String storyId = stories.at("/stories/0/storyId").asText();
            JsonNode story = awaitJson(INSTANCES.get(0), "/api/stories/" + storyId, json -> json.has("pairs"), Duration.ofSeconds(30));
            assertEquals(pair, story.at("/pairs/0/pair").asText());
        }
        assertTrue(ownedByOther > 0 && ownedByOther < STORIES.size(), "both instances own some pairs: " + ownedByOther);
        assertEquals(404, get(INSTANCES.get(1), "/api/stories/no-such-story").statusCode());

        for (Instance instance : INSTANCES) {
            assertEquals(200, get(instance, "/health").statusCode());
        }
        long enriched = INSTANCES.stream().mapToLong(i -> i.metrics().enrichedCount()).sum();
        assertEquals(STORIES.size(), enriched);
        String metrics = get(INSTANCES.get(0), "/metrics").body();
        assertTrue(metrics.contains("dyadstream_pairs_emitted_total"), metrics);
        assertTrue(metrics.contains("kafka_streams_thread_"), "Kafka Streams thread metrics are exported");
    }

    private static Set<String> pairsOf(String body) throws Exception {
        Set<String> pairs = new TreeSet<>();
        Json.MAPPER.readTree(body).path("pairs").forEach(p -> pairs.add(p.get("pair").asText()));
        return pairs;
    }

    private static HttpResponse<String> get(Instance instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.apiAddress() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls the API until the answer satisfies the condition or the timeout passes. */
    private static JsonNode awaitJson(Instance instance, String path, java.util.function.Predicate<JsonNode> done, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(instance, path);
            if (r.statusCode() == 200) {
                last = Json.MAPPER.readTree(r.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.onSpinWait();
            Thread.sleep(100); // a short poll interval between checks of the state, not a wait for it
        }
        throw new AssertionError(path + " did not reach the expected state in " + timeout + "; last answer: " + last);
    }
}
