package io.dyadstream.app;

import io.dyadstream.enrich.StoryParser;
import io.dyadstream.topology.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Option;

/**
 * The settings every command shares, in rising order of precedence: a properties file
 * ({@code --config} or {@code DYADSTREAM_CONFIG}), the environment ({@code DYADSTREAM_BOOTSTRAP_SERVERS}),
 * {@code --set key=value} and {@code --bootstrap-servers}. Any Kafka client or Streams setting
 * (security included) passes through to the app's clients; keys starting with {@code dyadstream.} are
 * the app's own.
 */
public final class AppConfig {

    public static final String MAX_STORY_BYTES = "dyadstream.max.story.bytes";
    private static final Set<String> SECRET_HINTS = Set.of("password", "secret", "jaas", "key", "token", "credential", "user.info");
    /** A secret-looking word followed by its value, in free text: {@code password="..."}, {@code token: abc}. */
    private static final java.util.regex.Pattern SECRET_IN_TEXT = java.util.regex.Pattern.compile(
            "(?i)((?:password|passwd|secret|token)\"?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;\"']+)");

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with Kafka and dyadstream settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting, e.g. --set security.protocol=SASL_SSL (repeatable).")
    Map<String, String> overrides = Map.of();

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $DYADSTREAM_BOOTSTRAP_SERVERS, else localhost:9092).")
    String bootstrapServers;

    /** The merged settings. */
    public Properties load() {
        return load(System.getenv());
    }

    Properties load(Map<String, String> env) {
        Properties props = new Properties();
        props.put("bootstrap.servers", "localhost:9092");
        Path file = configFile != null ? configFile : env.containsKey("DYADSTREAM_CONFIG") ? Path.of(env.get("DYADSTREAM_CONFIG")) : null;
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage(), e);
            }
        }
        if (env.get("DYADSTREAM_BOOTSTRAP_SERVERS") != null) {
            props.put("bootstrap.servers", env.get("DYADSTREAM_BOOTSTRAP_SERVERS"));
        }
        props.putAll(overrides);
        if (bootstrapServers != null) {
            props.put("bootstrap.servers", bootstrapServers);
        }
        return props;
    }

    public static TopicNames topics(Properties props) {
        return TopicNames.from(props);
    }

    /** A whole-number setting, with a message naming the key when it is not one. */
    public static int intSetting(Properties props, String key, int fallback) {
        String value = props.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    public static int maxStoryBytes(Properties props) {
        String value = props.getProperty(MAX_STORY_BYTES);
        if (value == null) {
            return StoryParser.DEFAULT_MAX_STORY_BYTES;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_STORY_BYTES + " must be a number of bytes, got '" + value + "'");
        }
    }

    /**
     * The settings for a plain Kafka client (admin, producer, consumer): client and security settings,
     * without dyadstream's own keys and without the ones only Kafka Streams knows.
     */
    public static Properties clientProperties(Properties props) {
        Set<String> streamsOnly = new java.util.HashSet<>(StreamsConfig.configDef().names());
        streamsOnly.removeAll(ProducerConfig.configNames());
        streamsOnly.removeAll(ConsumerConfig.configNames());
        streamsOnly.removeAll(AdminClientConfig.configNames());
        Properties client = new Properties();
        props.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("dyadstream.") && !streamsOnly.contains(k) && !k.startsWith("producer.")
                        && !k.startsWith("consumer.") && !k.startsWith("admin.") && !k.startsWith("main.consumer.")
                        && !k.startsWith("restore.consumer.") && !k.startsWith("global.consumer.") && !k.startsWith("topic."))
                .forEach(k -> client.put(k, props.getProperty(k)));
        return client;
    }

    /** The settings as "key=value" lines for logs, with the values of secret-looking keys masked. */
    public static List<String> describe(Properties props) {
        return props.stringPropertyNames().stream().sorted()
                .map(k -> k + "=" + (isSecret(k) ? "[hidden]" : props.getProperty(k)))
                .toList();
    }

    /**
     * The text with every value that follows a secret-looking word masked ({@code password="..."} becomes
     * {@code password=[hidden]}): for error messages, which may quote a setting such as sasl.jaas.config.
     */
    public static String redact(String text) {
        return text == null ? null : SECRET_IN_TEXT.matcher(text).replaceAll("$1[hidden]");
    }

    /**
     * What to tell a person when the cluster refuses the app's credentials: the cluster, Kafka's reason
     * and the settings to check for the configured {@code security.protocol}.
     */
    public static String authenticationFailure(Properties props, Throwable e) {
        String protocol = props.getProperty("security.protocol", "PLAINTEXT").strip().toUpperCase(java.util.Locale.ROOT);
        String check = protocol.startsWith("SASL")
                ? "sasl.jaas.config (username and password) and sasl.mechanism (" + props.getProperty("sasl.mechanism", "GSSAPI") + ")"
                        + (protocol.equals("SASL_SSL") ? ", and ssl.truststore.location" : "")
                : "ssl.keystore.location, ssl.key.password and ssl.truststore.location";
        return "the cluster at " + props.getProperty("bootstrap.servers") + " refused the app's credentials (" + redact(e.getMessage())
                + "); check " + check + " (security.protocol=" + protocol + ")";
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return SECRET_HINTS.stream().anyMatch(k::contains) && !k.endsWith(".type") && !k.endsWith("serializer")
                && !k.endsWith("deserializer") && !k.endsWith("mechanism");
    }
}
