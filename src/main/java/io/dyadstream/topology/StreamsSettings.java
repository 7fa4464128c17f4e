package io.dyadstream.topology;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Kafka Streams settings the topology relies on, merged under the user's own: exactly-once by
 * default, and the dead-letter routing (KIP-1034) that sends every record the topology cannot process,
 * with its original bytes and {@code __streams.errors.*} headers, to the DLQ topic.
 */
public final class StreamsSettings {

    public static final String DEFAULT_APPLICATION_ID = "dyadstream";

    private StreamsSettings() {}

    /** Returns {@code user} completed with dyadstream's defaults; a key the user set is kept. */
    public static Properties complete(Properties user, TopicNames topics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName());
        props.put(StreamsConfig.producerPrefix("linger.ms"), "10");
        // an enriched story is 5-20 KB of JSON: with the default 16 KB batches every story was a batch of its own,
        // so the producer, the broker and the consumers paid per-batch costs (and lz4 frames) per story
        props.put(StreamsConfig.producerPrefix("batch.size"), String.valueOf(256 * 1024));
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        // at Kafka's default of 10 MB the record cache (of pair-daily) held some 110 MB of heap in the latency bench: G1
        // marked all the time and the app fell behind at 1,000 stories/s with a 256 MB heap; at 1 MB both guarantees keep up
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(1024 * 1024));
        // every repartition topic, changelog and store has a name we chose: renaming one by accident fails fast
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        user.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("dyadstream."))
                .forEach(key -> props.put(key, user.getProperty(key)));
        // the DLQ is a topic of the topology, so its name follows the topic settings, never a stale value
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq());
        return props;
    }
}
