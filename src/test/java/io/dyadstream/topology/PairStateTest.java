package io.dyadstream.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.model.PairDay;
import io.dyadstream.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-pair state: republished stories count once, daily aggregates, late and out-of-order stories")
class PairStateTest {

    private static final String ORIGINAL = " date 2016-11-29 ASTANA. KAZINFORM - Kazakhstan and Belarus signed a memorandum on the joint "
            + "assembly of combine harvesters in Kostanay on Tuesday. The document was signed by the two countries' industry ministers "
            + "after talks in Astana. The plant will produce 500 harvesters a year for farms in the north of Kazakhstan.";
    private static final String REPUBLISHED = " date 2016-11-29 MINSK. BELTA - Kazakhstan and Belarus signed a memorandum on the joint "
            + "assembly of combine harvesters in Kostanay on Tuesday, BelTA learned. The document was signed by the two countries' "
            + "industry ministers after talks in Astana. The plant will produce 500 harvesters a year for farms in the north of Kazakhstan.";
    private static final String OTHER_STORY = " date 2016-11-29 MINSK. BELTA - Belarus and Kazakhstan agreed to open a direct "
            + "flight between Minsk and Almaty next spring, the transport ministry said after a meeting of the joint working group. "
            + "Belavia will operate three flights a week.";

    private static Enricher enricher;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, String> enriched;
    private TestOutputTopic<String, String> relations;
    private TestOutputTopic<String, String> daily;
    private PipelineMetrics metrics;

    @BeforeAll
    static void loadEnricher() {
        enricher = Enricher.withDefaults();
    }

    @BeforeEach
    void setUp() {
        start(Map.of(TopologySettings.GRACE, "72"));
    }

    private void start(Map<String, String> overrides) {
        if (driver != null) {
            driver.close();
        }
        Properties props = new Properties();
        props.putAll(overrides);
        TopologySettings settings = TopologySettings.from(props);
        Properties user = new Properties();
        user.put("application.id", "dyadstream-state-test");
        user.put("bootstrap.servers", "dummy:1234");
        user.put("statestore.cache.max.bytes", "0"); // every update visible at once
        metrics = new PipelineMetrics();
        driver = new TopologyTestDriver(DyadTopology.build(settings, enricher::enrich, metrics), StreamsSettings.complete(user, settings.topics()));
        raw = driver.createInputTopic(TopicNames.RAW, new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TopicNames.ENRICHED, new StringDeserializer(), new StringDeserializer());
        relations = driver.createOutputTopic(TopicNames.PAIRS, new StringDeserializer(), new StringDeserializer());
        daily = driver.createOutputTopic(TopicNames.DAILY, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        driver = null;
    }

    private void send(String id, String text) {
        raw.pipeInput(id.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, JsonNode> enrichedById() throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (KeyValue<String, String> kv : enriched.readKeyValuesToList()) {
            out.put(kv.key, Json.MAPPER.readTree(kv.value));
        }
        return out;
    }

    private PairDay day(String pair, String date) {
        WindowStore<String, PairDay> store = driver.getWindowStore(DyadTopology.PAIR_DAILY);
        Instant start = Instant.parse(date + "T00:00:00Z");
        try (WindowStoreIterator<PairDay> it = store.fetch(pair, start, start)) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    @Test
    void aRepublishedStoryIsMarkedAndCountedOnceWithBothSources() throws Exception {
        send("kz-1", ORIGINAL);
        send("by-7", REPUBLISHED);
        Map<String, JsonNode> stories = enrichedById();
        assertTrue(stories.get("kz-1").path("duplicateOf").isMissingNode());
        assertEquals("kz-1", stories.get("by-7").get("duplicateOf").asText());
        assertTrue(stories.get("by-7").get("similarity").asDouble() >= 0.5);

        List<KeyValue<String, String>> pairs = relations.readKeyValuesToList();
        assertEquals(2, pairs.size());
        JsonNode copy = Json.MAPPER.readTree(pairs.get(1).value);
        assertEquals("kz-1", copy.get("duplicateOf").asText());
        assertEquals(List.of("Kazinform", "BelTA"), Json.MAPPER.convertValue(copy.get("sources"), List.class));

        PairDay day = day("BLR-KAZ", "2016-11-29");
        assertNotNull(day);
        assertEquals(1, day.stories());
        assertEquals(1, day.duplicates());
        assertEquals(List.of("Kazinform", "BelTA"), day.sources());
        assertEquals(1, metrics.duplicateCount());
    }

    @Test
    void aDifferentStoryOnTheSamePairCountsAgainAndTheDayIsPublished() throws Exception {
        send("kz-1", ORIGINAL);
        send("by-8", OTHER_STORY);
        assertNull(enrichedById().get("by-8").get("duplicateOf"));
        PairDay day = day("BLR-KAZ", "2016-11-29");
        assertEquals(2, day.stories());
        assertEquals(0, day.duplicates());
        assertEquals(List.of("by-8", "kz-1"), day.latestStories());
        assertTrue(day.types().containsKey(io.dyadstream.model.EventType.AGREE), day.types().toString());
        assertTrue(day.score() > 0, "cooperation scores above zero: " + day.score());

        List<KeyValue<String, String>> updates = daily.readKeyValuesToList();
        JsonNode last = Json.MAPPER.readTree(updates.get(updates.size() - 1).value);
        assertEquals("BLR-KAZ", updates.get(updates.size() - 1).key);
        assertEquals("2016-11-29", last.get("day").asText());
        assertEquals(2, last.get("stories").asInt());
    }

    @Test
    void aPairKeepsOneFingerprintPerStoryOldestFirstAndACopyAddsItsSourceToTheOriginal() {
        raw.pipeInput("kz-1".getBytes(StandardCharsets.UTF_8), ORIGINAL.getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(5_000));
        raw.pipeInput("by-8".getBytes(StandardCharsets.UTF_8), OTHER_STORY.getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(7_000));
        raw.pipeInput("by-7".getBytes(StandardCharsets.UTF_8), REPUBLISHED.getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(9_000));
        KeyValueStore<String, io.dyadstream.pairs.RecentStories.Seen> store = driver.getKeyValueStore(DyadTopology.RECENT_FINGERPRINTS);
        List<String> keys = new java.util.ArrayList<>();
        try (KeyValueIterator<String, io.dyadstream.pairs.RecentStories.Seen> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        assertEquals(List.of("BLR-KAZ/0000000000001388/kz-1", "BLR-KAZ/0000000000001b58/by-8"), keys);
        assertEquals(List.of("Kazinform", "BelTA"), store.get("BLR-KAZ/0000000000001388/kz-1").sources());
    }

    @Test
    void theSameStoryFedTwiceIsADuplicateOfItself() throws Exception {
        send("kz-1", ORIGINAL);
        send("kz-1", ORIGINAL);
        assertEquals(1, day("BLR-KAZ", "2016-11-29").stories());
        assertEquals(1, day("BLR-KAZ", "2016-11-29").duplicates());
    }

    @Test
    void outOfOrderAndLateStoriesWithinGraceAreCountedInTheirOwnDay() {
        send("a", ORIGINAL.replace("2016-11-29", "2016-12-05"));
        send("b", OTHER_STORY.replace("2016-11-29", "2016-12-03")); // two days late, within the 3-day grace
        assertEquals(1, day("BLR-KAZ", "2016-12-05").stories());
        assertEquals(1, day("BLR-KAZ", "2016-12-03").stories());
    }

    @Test
    void aStoryLaterThanTheGracePeriodIsNotCounted() {
        send("a", ORIGINAL.replace("2016-11-29", "2016-12-20"));
        send("b", OTHER_STORY.replace("2016-11-29", "2016-12-01")); // 19 days late, beyond a 3-day grace: its window has closed
        assertEquals(1, day("BLR-KAZ", "2016-12-20").stories());
        assertNull(day("BLR-KAZ", "2016-12-01"));
    }

    @Test
    void byDefaultALateStoryCountsAsLongAsItsDayIsKept() {
        start(Map.of());
        send("a", ORIGINAL.replace("2016-11-29", "2016-12-20"));
        send("b", OTHER_STORY.replace("2016-11-29", "2016-12-01"));
        assertEquals(1, day("BLR-KAZ", "2016-12-01").stories());
    }

    @Test
    void aStoryWithoutADateIsTimedByItsRecord() {
        String undated = ORIGINAL.replace(" date 2016-11-29 ", "");
        raw.pipeInput("u".getBytes(StandardCharsets.UTF_8), undated.getBytes(StandardCharsets.UTF_8), Instant.parse("2020-03-04T10:15:00Z"));
        assertEquals(1, day("BLR-KAZ", "2020-03-04").stories());
    }

    @Test
    void anArchiveStoryKeepsItsArrivalTimeOnTheTopicsAndCountsOnItsPublishedDay() {
        // published in 2016, arriving now: timed by 2016 on the topics, retention would delete it at once
        Instant arrival = Instant.parse("2026-11-27T09:00:00Z");
        raw.pipeInput("kz-1".getBytes(StandardCharsets.UTF_8), ORIGINAL.getBytes(StandardCharsets.UTF_8), arrival);
        assertEquals(arrival, enriched.readRecord().getRecordTime(), "stories.enriched keeps the arrival time");
        assertEquals(arrival, relations.readRecord().getRecordTime(), "relations.by-pair keeps the arrival time");
        PairDay day = day("BLR-KAZ", "2016-11-29");
        assertNotNull(day, "the story counts on the day it was published");
        assertEquals(1, day.stories());
    }
}
