package io.dyadstream.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Reads {@code topics.yaml}, the desired state of dyadstream's topics:
 *
 * <pre>
 * topics:
 *   - name: stories.raw
 *     description: one line
 *     partitions: 6
 *     replication.factor: 1
 *     config:
 *       retention.ms: "604800000"
 * </pre>
 *
 * <p>Strict on purpose, so a typo cannot be silently ignored: unknown keys, unknown topic configs,
 * duplicate keys and duplicate topic names are errors. Every error is an
 * {@link IllegalArgumentException} whose message names the file and the entry, e.g.
 * {@code topics.yaml: topic #2 (stories.enriched): partitions must be >= 1, got 0}.
 */
public final class TopicsFile {

    /** Name of the file in the repo root, and of its copy on the classpath root. */
    public static final String DEFAULT_RESOURCE = "topics.yaml";

    static final List<String> TOPIC_KEYS = List.of("name", "description", "partitions", "replication.factor", "config");

    /** Topic configs known to this Kafka client version; the broker is the final judge. */
    static final Set<String> KNOWN_TOPIC_CONFIGS = knownTopicConfigs();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TopicsFile() {
    }

    /** Loads and validates a topics file. */
    public static List<TopicSpec> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads the {@code topics.yaml} that the jar carries on its classpath root. */
    public static List<TopicSpec> loadDefault() {
        try (InputStream in = TopicsFile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath"
                        + " (the build copies it from the repository root into the jar)");
            }
            return load(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads and validates a topics file from a stream (not closed here).
     *
     * @param sourceName used as the prefix of error messages, e.g. {@code topics.yaml}
     */
    public static List<TopicSpec> load(InputStream in, String sourceName) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(sourceName + ": cannot parse as YAML: "
                    + e.getOriginalMessage().strip() + where, e);
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
        return parse(root, sourceName);
    }

    /**
     * Returns the specs with names replaced: the spec of a default name applies to the name the user
     * chose. Specs whose name is not a key keep their name; keys that name no spec are ignored (the
     * app passes all its default names, and a custom file may leave some out). A renaming that
     * makes two topics share a name, or gives an illegal name, is an error.
     */
    public static List<TopicSpec> renamed(List<TopicSpec> specs, Map<String, String> defaultToActualName) {
        Map<String, String> renames = defaultToActualName == null ? Map.of() : defaultToActualName;
        List<TopicSpec> result = new ArrayList<>(specs.size());
        Map<String, String> seen = new HashMap<>(); // collision key -> default name it came from
        for (TopicSpec spec : specs) {
            String actual = renames.getOrDefault(spec.name(), spec.name());
            TopicSpec renamedSpec;
            try {
                renamedSpec = spec.withName(actual);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot rename topic " + spec.name() + " to '" + actual + "': "
                        + e.getMessage(), e);
            }
            String previous = seen.putIfAbsent(TopicSpec.collisionKey(actual), spec.name());
            if (previous != null) {
                throw new IllegalArgumentException("topics " + previous + " and " + spec.name()
                        + " would both be named " + actual + " (or differ only in '.' vs '_'); give them distinct names");
            }
            result.add(renamedSpec);
        }
        return List.copyOf(result);
    }

    private static List<TopicSpec> parse(JsonNode root, String source) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(source + ": the file is empty, expected a 'topics:' list");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with a 'topics:' list at the top, got "
                    + describe(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("topics")) {
                throw new IllegalArgumentException(source + ": unknown top-level key '" + key
                        + "', the only one allowed is 'topics'");
            }
        }
        JsonNode topics = root.get("topics");
        if (topics == null || !topics.isArray() || topics.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'topics' must be a non-empty list of topics, got "
                    + (topics == null ? "nothing" : describe(topics)));
        }
        List<TopicSpec> specs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(); // collision key -> index of the first entry
        for (int i = 0; i < topics.size(); i++) {
            JsonNode entry = topics.get(i);
            String label = "topic #" + (i + 1);
            if (entry.isObject() && entry.hasNonNull("name") && entry.get("name").isValueNode()) {
                label += " (" + entry.get("name").asText() + ")";
            }
            String prefix = source + ": " + label + ": ";
            TopicSpec spec;
            try {
                spec = parseTopic(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + e.getMessage(), e);
            }
            Integer first = seen.putIfAbsent(TopicSpec.collisionKey(spec.name()), i);
            if (first != null) {
                String firstName = specs.get(first).name();
                String firstLabel = "topic #" + (first + 1) + " (" + firstName + ")";
                throw new IllegalArgumentException(prefix + (firstName.equals(spec.name())
                        ? "duplicate name, already used by " + firstLabel
                        : "name collides with " + firstLabel + ": Kafka treats '.' and '_' alike in metric names"));
            }
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    private static TopicSpec parseTopic(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("expected a mapping with " + TOPIC_KEYS + ", got " + describe(entry));
        }
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOPIC_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'" + didYouMean(key, TOPIC_KEYS)
                        + "; allowed keys are " + String.join(", ", TOPIC_KEYS));
            }
        }
        String name = scalar(entry, "name", true);
        String description = scalar(entry, "description", false);
        int partitions = integer(entry, "partitions", Integer.MAX_VALUE);
        short replicationFactor = (short) integer(entry, "replication.factor", Short.MAX_VALUE);

        Map<String, String> configs = new LinkedHashMap<>();
        JsonNode config = entry.get("config");
        if (config != null && !config.isNull()) {
            if (!config.isObject()) {
                throw new IllegalArgumentException("'config' must be a mapping of topic configs, got " + describe(config));
            }
            for (Map.Entry<String, JsonNode> e : config.properties()) {
                if (!KNOWN_TOPIC_CONFIGS.contains(e.getKey())) {
                    throw new IllegalArgumentException("unknown topic config '" + e.getKey() + "'"
                            + didYouMean(e.getKey(), KNOWN_TOPIC_CONFIGS));
                }
                JsonNode value = e.getValue();
                if (value == null || value.isNull() || !value.isValueNode()) {
                    throw new IllegalArgumentException("config " + e.getKey() + " must have a single value, got "
                            + describe(value));
                }
                configs.put(e.getKey(), value.asText());
            }
        }
        return new TopicSpec(name, description, partitions, replicationFactor, configs);
    }

    private static String scalar(JsonNode entry, String key, boolean required) {
        JsonNode node = entry.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing required key '" + key + "'");
            }
            return "";
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(key + " must be a single value, got " + describe(node));
        }
        return node.asText();
    }

    private static int integer(JsonNode entry, String key, int max) {
        JsonNode node = entry.get(key);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing required key '" + key + "'");
        }
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException(key + " must be an integer, got " + describe(node));
        }
        if (!node.canConvertToInt() || node.intValue() > max) {
            throw new IllegalArgumentException(key + " must be at most " + max + ", got " + node.asText());
        }
        return node.intValue();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return "'" + node.asText() + "'";
    }

    /** " (did you mean 'x'?)" when a candidate is within a small edit distance, else "". */
    static String didYouMean(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The *_CONFIG constants of {@link TopicConfig}, plus the two throttling configs kept elsewhere. */
    private static Set<String> knownTopicConfigs() {
        Set<String> names = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        names.add("leader.replication.throttled.replicas");
        names.add("follower.replication.throttled.replicas");
        return Set.copyOf(names);
    }
}
