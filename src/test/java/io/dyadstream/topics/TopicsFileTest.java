package io.dyadstream.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicsFileTest {

    private static final List<String> EXPECTED = List.of(
            "stories.raw", "stories.enriched", "relations.by-pair", "stories.dlq", "relations.pair-daily");

    private static List<TopicSpec> parse(String yaml) {
        return TopicsFile.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "topics.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> parse(yaml)).getMessage();
    }

    private static final String TWO = """
            topics:
              - name: a
                partitions: 6
                replication.factor: 1
              - name: stories.enriched
                partitions: %s
                replication.factor: 1
            """;

    // ---- the real file ----

    @Test
    void repoTopicsYamlHasTheAppsTopics() {
        List<TopicSpec> specs = TopicsFile.load(Path.of("topics.yaml"));
        assertEquals(EXPECTED, specs.stream().map(TopicSpec::name).toList());
        for (TopicSpec spec : specs) {
            assertTrue(spec.partitions() >= 1, spec.toString());
            assertTrue(spec.replicationFactor() >= 1, spec.toString());
            assertTrue(!spec.description().isBlank(), spec.name() + " has no description");
            assertTrue(spec.configs().containsKey("retention.ms"), spec.name() + " sets no retention.ms");
            spec.configs().values().forEach(v -> assertTrue(!v.isBlank()));
        }
        TopicSpec dlq = specs.get(3);
        assertEquals(1, dlq.partitions());
        assertEquals("1209600000", dlq.configs().get("retention.ms"));
        assertEquals("604800000", specs.get(0).configs().get("retention.ms"));
    }

    @Test
    void classpathCopyEqualsRepoFile() {
        assertEquals(TopicsFile.load(Path.of("topics.yaml")), TopicsFile.loadDefault());
    }

    // ---- parsing ----

    @Test
    void parsesAllFieldsAndSortsConfigs() {
        List<TopicSpec> specs = parse("""
                topics:
                  - name: t1
                    description: first
                    partitions: 3
                    replication.factor: 2
                    config:
                      retention.ms: 1000          # unquoted numbers become strings
                      cleanup.policy: delete
                      min.cleanable.dirty.ratio: 0.5
                  - name: t2
                    partitions: 1
                    replication.factor: 1
                """);
        TopicSpec t1 = specs.get(0);
        assertEquals(new TopicSpec("t1", "first", 3, (short) 2,
                Map.of("retention.ms", "1000", "cleanup.policy", "delete", "min.cleanable.dirty.ratio", "0.5")), t1);
        assertEquals(List.of("cleanup.policy", "min.cleanable.dirty.ratio", "retention.ms"), List.copyOf(t1.configs().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> t1.configs().put("x", "y"));
        assertEquals(new TopicSpec("t2", "", 1, (short) 1, Map.of()), specs.get(1));
    }

    // ---- errors ----

    @Test
    void partitionsZero() {
        assertEquals("topics.yaml: topic #2 (stories.enriched): partitions must be >= 1, got 0", error(TWO.formatted("0")));
    }

    @Test
    void partitionsNotAnInteger() {
        assertEquals("topics.yaml: topic #2 (stories.enriched): partitions must be an integer, got 'six'",
                error(TWO.formatted("six")));
    }

    @Test
    void unknownKeyIsAnError() {
        assertEquals("topics.yaml: topic #1 (a): unknown key 'partition' (did you mean 'partitions'?);"
                        + " allowed keys are name, description, partitions, replication.factor, config",
                error("""
                        topics:
                          - name: a
                            partition: 6
                            replication.factor: 1
                        """));
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        assertEquals("topics.yaml: unknown top-level key 'topic', the only one allowed is 'topics'",
                error("topic:\n  - name: a\n"));
    }

    @Test
    void unknownTopicConfigIsAnError() {
        assertEquals("topics.yaml: topic #1 (a): unknown topic config 'retention.msx' (did you mean 'retention.ms'?)",
                error("""
                        topics:
                          - name: a
                            partitions: 1
                            replication.factor: 1
                            config: { retention.msx: "1" }
                        """));
    }

    @Test
    void configValueMustBeScalar() {
        assertEquals("topics.yaml: topic #1 (a): config cleanup.policy must have a single value, got a list",
                error("""
                        topics:
                          - name: a
                            partitions: 1
                            replication.factor: 1
                            config: { cleanup.policy: [compact, delete] }
                        """));
    }

    @Test
    void missingName() {
        assertEquals("topics.yaml: topic #2: missing required key 'name'", error("""
                topics:
                  - name: a
                    partitions: 1
                    replication.factor: 1
                  - partitions: 1
                    replication.factor: 1
                """));
    }

    @Test
    void missingPartitions() {
        assertEquals("topics.yaml: topic #1 (a): missing required key 'partitions'",
                error("topics:\n  - name: a\n    replication.factor: 1\n"));
    }

    @Test
    void illegalName() {
        assertEquals("topics.yaml: topic #1 (bad name!): topic name 'bad name!' is not legal:"
                        + " use only ASCII letters, digits, '.', '_' and '-'",
                error("topics:\n  - name: bad name!\n    partitions: 1\n    replication.factor: 1\n"));
    }

    @Test
    void replicationFactorZeroAndTooLarge() {
        assertEquals("topics.yaml: topic #1 (a): replication.factor must be >= 1, got 0",
                error("topics:\n  - name: a\n    partitions: 1\n    replication.factor: 0\n"));
        assertEquals("topics.yaml: topic #1 (a): replication.factor must be at most 32767, got 40000",
                error("topics:\n  - name: a\n    partitions: 1\n    replication.factor: 40000\n"));
    }

    @Test
    void duplicateName() {
        assertEquals("topics.yaml: topic #3 (a): duplicate name, already used by topic #1 (a)", error("""
                topics:
                  - { name: a, partitions: 1, replication.factor: 1 }
                  - { name: b, partitions: 1, replication.factor: 1 }
                  - { name: a, partitions: 2, replication.factor: 1 }
                """));
    }

    @Test
    void namesDifferingOnlyInDotVersusUnderscoreCollide() {
        assertEquals("topics.yaml: topic #2 (stories_raw): name collides with topic #1 (stories.raw):"
                        + " Kafka treats '.' and '_' alike in metric names", error("""
                topics:
                  - { name: stories.raw, partitions: 1, replication.factor: 1 }
                  - { name: stories_raw, partitions: 1, replication.factor: 1 }
                """));
    }

    @Test
    void duplicateKeyInAnEntry() {
        String msg = error("topics:\n  - name: a\n    partitions: 1\n    partitions: 2\n    replication.factor: 1\n");
        assertTrue(msg.startsWith("topics.yaml: cannot parse as YAML: Duplicate field 'partitions'"), msg);
        assertTrue(msg.contains("(line 4, column"), msg);
    }

    @Test
    void notYaml() {
        String msg = error("topics: [ { name: a, partitions: 1\n");
        assertTrue(msg.startsWith("topics.yaml: cannot parse as YAML: "), msg);
        assertTrue(msg.contains("line "), msg);
    }

    @Test
    void wrongShapes() {
        assertEquals("topics.yaml: the file is empty, expected a 'topics:' list", error(""));
        assertEquals("topics.yaml: expected a mapping with a 'topics:' list at the top, got a list", error("- a\n- b\n"));
        assertEquals("topics.yaml: expected a mapping with a 'topics:' list at the top, got 'hello'", error("hello\n"));
        assertEquals("topics.yaml: 'topics' must be a non-empty list of topics, got a mapping", error("topics: { a: 1 }\n"));
        assertEquals("topics.yaml: 'topics' must be a non-empty list of topics, got a list", error("topics: []\n"));
        assertEquals("topics.yaml: topic #1: expected a mapping with [name, description, partitions,"
                + " replication.factor, config], got 'stories.raw'", error("topics:\n  - stories.raw\n"));
    }

    @Test
    void missingFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicsFile.load(Path.of("no-such-topics.yaml")));
        assertEquals("no-such-topics.yaml: file not found", e.getMessage());
    }

    // ---- renamed ----

    @Test
    void renamedReplacesNamesAndKeepsSpecs() {
        List<TopicSpec> specs = TopicsFile.load(Path.of("topics.yaml"));
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("stories.raw", "news.in");
        renames.put("stories.dlq", "stories.dlq"); // identity is allowed
        List<TopicSpec> renamed = TopicsFile.renamed(specs, renames);
        assertEquals(List.of("news.in", "stories.enriched", "relations.by-pair", "stories.dlq", "relations.pair-daily"),
                renamed.stream().map(TopicSpec::name).toList());
        assertEquals(specs.get(0).withName("news.in"), renamed.get(0));
        assertEquals(specs.get(0).configs(), renamed.get(0).configs());
        assertEquals(specs.subList(1, 5), renamed.subList(1, 5));
        assertEquals(specs, TopicsFile.renamed(specs, Map.of()));
    }

    @Test
    void renamedRejectsCollidingAndIllegalNames() {
        List<TopicSpec> specs = TopicsFile.load(Path.of("topics.yaml"));
        assertEquals(specs, TopicsFile.renamed(specs, Map.of("not.in.the.file", "x"))); // ignored

        String clash = assertThrows(IllegalArgumentException.class,
                () -> TopicsFile.renamed(specs, Map.of("stories.raw", "stories.enriched"))).getMessage();
        assertEquals("topics stories.raw and stories.enriched would both be named stories.enriched"
                + " (or differ only in '.' vs '_'); give them distinct names", clash);

        String illegal = assertThrows(IllegalArgumentException.class,
                () -> TopicsFile.renamed(specs, Map.of("stories.raw", ""))).getMessage();
        assertEquals("cannot rename topic stories.raw to '': topic name must be non-empty", illegal);
    }

    // ---- TopicSpec ----

    @Test
    void topicSpecValidation() {
        assertEquals("topic name must be non-empty",
                assertThrows(IllegalArgumentException.class, () -> new TopicSpec(null, "", 1, (short) 1, Map.of())).getMessage());
        assertEquals("topic name cannot be '.' or '..'",
                assertThrows(IllegalArgumentException.class, () -> new TopicSpec("..", "", 1, (short) 1, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TopicSpec("x".repeat(250), "", 1, (short) 1, Map.of())).getMessage().contains("at most 249"));
        assertEquals("partitions must be >= 1, got -1",
                assertThrows(IllegalArgumentException.class, () -> new TopicSpec("a", "", -1, (short) 1, Map.of())).getMessage());
        assertEquals(3, new TopicSpec("a", null, 3, (short) 1, null).toNewTopic().numPartitions());
    }
}
