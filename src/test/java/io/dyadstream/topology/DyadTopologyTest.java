package io.dyadstream.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The topology routes every record: enriched, fanned out per pair, or dead-lettered")
class DyadTopologyTest {

    private static final String BLR_KAZ = " date 2016-11-29 MINSK. BELTA - Belarus and Kazakhstan signed a memorandum on "
            + "cooperation in agricultural machinery on Tuesday. Belarusian President Alexander Lukashenko held talks with "
            + "Kazakhstan President Nursultan Nazarbayev in Minsk.";
    private static final String THREE_PAIRS = "{\"id\":\"env-3\",\"headline\":\"Ministers meet\",\"body\":\"HANOI (Reuters) - "
            + "Vietnam and Japan signed a loan agreement for a new rail line on Monday. Japan also held talks with Australia on "
            + "maritime security.\",\"source\":\"Reuters\",\"published\":\"2021-05-05T08:00:00Z\"}";

    private static Enricher enricher;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, String> enriched;
    private TestOutputTopic<String, String> pairs;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeAll
    static void loadEnricher() {
        enricher = new Enricher(Lexicons.loadDefault(), 4096);
    }

    @BeforeEach
    void setUp() {
        TopologySettings settings = TopologySettings.defaults();
        TopicNames topics = settings.topics();
        Properties user = new Properties();
        user.put("application.id", "dyadstream-test");
        user.put("bootstrap.servers", "dummy:1234");
        driver = new TopologyTestDriver(DyadTopology.build(settings, enricher::enrich, new PipelineMetrics()), StreamsSettings.complete(user, topics));
        raw = driver.createInputTopic(topics.raw(), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.enriched(), new StringDeserializer(), new StringDeserializer());
        pairs = driver.createOutputTopic(topics.pairs(), new StringDeserializer(), new StringDeserializer());
        dlq = driver.createOutputTopic(topics.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    @DisplayName("plain text with a date line: keyed by the record key, dated and paired")
    void plainText() throws Exception {
        raw.pipeInput(bytes("story-1"), bytes(BLR_KAZ));
        var story = enriched.readRecord();
        assertEquals("story-1", story.key());
        JsonNode json = Json.MAPPER.readTree(story.value());
        assertEquals("dyadstream.enriched/1", json.get("schema").asText());
        assertEquals("2016-11-29", json.get("published").asText());
        assertEquals("Minsk", json.at("/dateline/place").asText());
        assertEquals("BLR", json.at("/dateline/country").asText());

        var pair = pairs.readRecord();
        assertEquals("BLR-KAZ", pair.key());
        JsonNode relation = Json.MAPPER.readTree(pair.value());
        assertEquals("story-1", relation.get("storyId").asText());
        assertTrue(types(relation).contains("AGREE"), relation.toString());
        assertTrue(pairs.isEmpty());
        assertTrue(dlq.isEmpty());
    }

    @Test
    @DisplayName("a story without a key gets a stable id from its text")
    void hashId() throws Exception {
        raw.pipeInput(null, bytes(BLR_KAZ));
        raw.pipeInput(null, bytes(BLR_KAZ));
        String first = enriched.readRecord().key();
        assertTrue(first.startsWith("sha256:"), first);
        assertEquals(first, enriched.readRecord().key());
    }

    @Test
    @DisplayName("a JSON envelope with two pairs fans out to one record per pair")
    void envelopeFanOut() throws Exception {
        raw.pipeInput(null, bytes(THREE_PAIRS));
        JsonNode story = Json.MAPPER.readTree(enriched.readRecord().value());
        assertEquals("env-3", story.get("id").asText());
        assertEquals("Ministers meet", story.get("headline").asText());
        assertEquals("2021-05-05", story.get("published").asText());
        Map<String, String> byPair = pairs.readRecordsToList().stream()
                .collect(Collectors.toMap(TestRecord::key, TestRecord::value));
        assertEquals(List.of("AUS-JPN", "JPN-VNM"), byPair.keySet().stream().sorted().toList());
        assertEquals("env-3", Json.MAPPER.readTree(byPair.get("JPN-VNM")).get("storyId").asText());
    }

    @Test
    @DisplayName("each kind of bad record goes to the DLQ with its original bytes and a reason; good records still flow")
    void deadLetters() {
        byte[][] bad = {
            bytes("{\"id\": \"x\", \"headline\": \"Truncated"),
            bytes("   \n\t  "),
            {(byte) 0xC3, (byte) 0x28, 'a', 'b'},
            bytes("{\"id\": \"y\", \"body\": 42}"),
            bytes("{\"id\": {\"nested\": true}, \"body\": \"text\"}"),
            bytes("{\"id\": \"z\", \"headline\": \"no body\"}"),
            bytes("x".repeat(5000)),
        };
        String[] reasons = {"malformed JSON", "empty", "not valid UTF-8", "\"body\" must be a string", "\"id\" must be a string",
            "neither \"body\" nor \"text\"", "too large"};
        for (int i = 0; i < bad.length; i++) {
            raw.pipeInput(bytes("k" + i), bad[i]);
        }
        raw.pipeInput(bytes("good"), bytes(BLR_KAZ));
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(bad.length, dead.size());
        for (int i = 0; i < bad.length; i++) {
            TestRecord<byte[], byte[]> r = dead.get(i);
            assertEquals("k" + i, new String(r.key(), StandardCharsets.UTF_8));
            assertEquals(new String(bad[i], StandardCharsets.ISO_8859_1), new String(r.value(), StandardCharsets.ISO_8859_1));
            String message = header(r, "__streams.errors.message");
            assertTrue(message.contains(reasons[i]), "record " + i + ": " + message);
            assertEquals("io.dyadstream.enrich.InvalidStoryException", header(r, "__streams.errors.exception"));
            assertEquals(TopicNames.RAW, header(r, "__streams.errors.topic"));
            assertNotNull(header(r, "__streams.errors.offset"));
            assertNotNull(header(r, "__streams.errors.partition"));
        }
        assertEquals("good", enriched.readRecord().key());
        assertFalse(pairs.isEmpty());
    }

    private static List<String> types(JsonNode relation) {
        return relation.get("tags").findValuesAsText("type");
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
