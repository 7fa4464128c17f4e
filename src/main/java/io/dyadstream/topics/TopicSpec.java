package io.dyadstream.topics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * The desired state of one topic, as written in {@code topics.yaml}.
 *
 * <p>The constructor validates the values and throws {@link IllegalArgumentException} with a
 * message that names the bad field (for example {@code partitions must be >= 1, got 0});
 * {@link TopicsFile} prefixes it with the file and the entry. {@code configs} is copied into an
 * unmodifiable map sorted by key.
 */
public record TopicSpec(String name, String description, int partitions, short replicationFactor,
                        Map<String, String> configs) {

    /** Kafka's limit on topic name length. */
    public static final int MAX_NAME_LENGTH = 249;
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    public TopicSpec {
        checkTopicName(name);
        description = description == null ? "" : description;
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication.factor must be >= 1, got " + replicationFactor);
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (configs != null) {
            configs.forEach((key, value) -> {
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("config keys must be non-empty");
                }
                if (value == null) {
                    throw new IllegalArgumentException("config " + key + " has no value");
                }
                sorted.put(key, value);
            });
        }
        configs = Collections.unmodifiableMap(sorted);
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code name} is a legal Kafka topic name:
     * 1 to 249 characters from {@code [a-zA-Z0-9._-]}, and not {@code .} or {@code ..}.
     */
    public static void checkTopicName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("topic name must be non-empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("topic name cannot be '.' or '..'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("topic name is " + name.length()
                    + " characters long, Kafka allows at most " + MAX_NAME_LENGTH);
        }
        if (!LEGAL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("topic name '" + name
                    + "' is not legal: use only ASCII letters, digits, '.', '_' and '-'");
        }
    }

    /**
     * Kafka treats '.' and '_' alike in metric names, so two topics whose names differ only there
     * collide; this returns the key under which such names are equal.
     */
    static String collisionKey(String name) {
        return name.replace('.', '_');
    }

    /** The same spec under another topic name. */
    public TopicSpec withName(String newName) {
        return new TopicSpec(newName, description, partitions, replicationFactor, configs);
    }

    /** The {@link NewTopic} that creates this topic. */
    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    @Override
    public String toString() {
        return name + " (" + partitions + " partitions, RF " + replicationFactor + ", configs " + configs + ")";
    }
}
